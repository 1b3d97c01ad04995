#!/usr/bin/env bash
# Builds the desktop app (a webview window) with dx and prints, on its last line, the
# folder that holds it: the program pulse-companion next to assets/, where it finds its
# styles and icons. A debug build unless PULSE_DESKTOP_PROFILE=release.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
# The webview (WebKitGTK) and the menu library's libxdo, to compile and link against.
ensure_debian_packages libwebkit2gtk-4.1-dev libxdo-dev libssl-dev pkg-config
ensure_dx

mode=debug
flags=()
if [ "${PULSE_DESKTOP_PROFILE:-dev}" = release ]; then
    mode=release
    flags=(--release)
fi
# dx's progress goes to stderr: this script's output ends with the folder alone.
dx build --platform desktop --locked "${flags[@]}" >&2
echo "$CARGO_TARGET_DIR/dx/pulse-companion/$mode/linux/app"
