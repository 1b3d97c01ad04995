#!/usr/bin/env bash
# Builds the support console (crates/console) for the browser with dx into
# $CARGO_TARGET_DIR/console and prints that folder on its last line; pulse-server serves
# it at /console with --console-app. The same build as the app's (scripts/web.sh), whose
# wasm-release dependencies it shares in the build directory. PULSE_WEB_PROFILE=dev
# makes a faster, larger build.
set -euo pipefail
exec bash "$(dirname "$0")/web.sh" pulse-console console
