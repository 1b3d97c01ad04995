#!/usr/bin/env bash
# Prints what the web app weighs (wasm, JavaScript, CSS, icons: raw and gzipped) and
# how long headless Chromium takes from navigation to the sign-in screen, served by a
# pulse-server in demo mode. Fails only when the gzipped wasm is over its budget
# (PULSE_WASM_GZIP_BUDGET bytes): timings are printed, never asserted, as shared
# machines are noisy. The budget is 810 KB (806 KB today), on the way to 400 KB: a
# change that makes the download heavier than that pays for itself elsewhere. It was
# 800 KB until each account's data on a shared phone was kept apart, the outbox learned
# to tell a stuck message from a missing network and to read every Retry-After, and long
# cases came in pages (8 KB together, after 5 KB of savings found on the way: a hand
# reader of HTTP dates in place of the time crate's, the server's lenient number reader
# kept out of the app).
#
# Usage: scripts/web-size.sh [WEB_DIST]   (without it, scripts/web.sh builds one)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

dist="${1:-$(bash scripts/web.sh | tail -n 1)}"
budget="${PULSE_WASM_GZIP_BUDGET:-810000}"
ensure_debian_packages chromium chromium-driver fonts-dejavu-core

gzipped() { gzip -9 -c "$@" | wc -c; }
raw() { cat "$@" | wc -c; }
row() {
    local label="$1"
    shift
    if [ "$#" -eq 0 ]; then
        printf '  %-6s none\n' "$label"
        return
    fi
    printf '  %-6s %9d B raw  %9d B gzipped  (%d file(s))\n' "$label" "$(raw "$@")" "$(gzipped "$@")" "$#"
}

shopt -s nullglob
wasm=("$dist"/assets/*.wasm)
js=("$dist"/assets/*.js)
css=("$dist"/assets/*.css)
icons=("$dist"/assets/*.svg)
languages=("$dist"/assets/*.ftl)
shopt -u nullglob
[ "${#wasm[@]}" -eq 1 ] || { echo "expected one .wasm in $dist/assets, found ${#wasm[@]}" >&2; exit 1; }

echo "== web app size ($dist)"
row wasm "${wasm[@]}"
row js "${js[@]}"
row css "${css[@]}"
row icons "${icons[@]}"
# Every language but English, compiled in as the fallback: a browser downloads only
# the two files of the language it shows.
row ftl "${languages[@]}"
row html "$dist/index.html"

echo "== first screen in headless Chromium"
cargo build --locked -p pulse-server
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
data="$(mktemp -d)"
"$CARGO_TARGET_DIR/debug/pulse-server" --demo --listen "127.0.0.1:$port" --data-dir "$data" \
    --web-app "$dist" >"$data/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$data"' EXIT
mkdir -p target/screenshots
python3 scripts/first-screen.py "http://127.0.0.1:$port/" target/screenshots/first-screen.png

wasm_gzipped="$(gzipped "${wasm[0]}")"
if [ "$wasm_gzipped" -gt "$budget" ]; then
    echo "the gzipped wasm is $wasm_gzipped B, over its budget of $budget B" >&2
    exit 1
fi
echo "gzipped wasm: $wasm_gzipped B of a $budget B budget"
