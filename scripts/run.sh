#!/usr/bin/env bash
# Runs the product on this machine: builds the app and the support console for the
# browser, then starts pulse-server in demo mode on 127.0.0.1:8080 serving the API, the
# app at / and the console at /console. Sign in with a demo account (printed below).
# Extra arguments go to pulse-server.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

web_dist="$(bash scripts/web.sh | tail -n 1)"
console_dist="$(bash scripts/console.sh | tail -n 1)"
data_dir="${PULSE_DATA_DIR:-$PWD/target/demo-data}"
mkdir -p "$data_dir"
cargo build --locked --release -p pulse-server
cat <<TEXT

  Pulse Companion: open http://127.0.0.1:8080 in a browser (phone-sized window, or the
  browser's device mode) and sign in as partner@demo.test with password demo-password.
  Server address on the sign-in screen: http://127.0.0.1:8080 (filled in already).

  Support console: open http://127.0.0.1:8080/console (a desk-sized window) and sign in
  as handler@demo.test with password demo-password.

TEXT
exec "$CARGO_TARGET_DIR/release/pulse-server" --demo --data-dir "$data_dir" \
    --web-app "$web_dist" --console-app "$console_dist" "$@"
