#!/usr/bin/env bash
# Prints what the web app weighs (wasm, JavaScript, CSS, icons: raw and gzipped) and
# how long headless Chromium takes from navigation to the sign-in screen, served by a
# pulse-server in demo mode. Fails only when the gzipped wasm is over its budget
# (PULSE_WASM_GZIP_BUDGET bytes): timings are printed, never asserted, as shared
# machines are noisy. The budget is 905 KB (901 KB today), on the way to 400 KB: a
# change that makes the download heavier than that pays for itself elsewhere. It was
# 890 KB until the app could turn on the OS's notifications for a closed app (the
# Settings section, the Push API, registering the device, the stream saying whether the
# app is on screen: 17 KB). It was 880 KB until each case said by when support aims to reply, on the partner's clock
# and in their words, or that the reply is late, and showed its number (7 KB). It was
# 860 KB until partners could find their own way in (the forgot-password screen, the
# screens links from e-mails open, changing the password and signing out everywhere:
# 22 KB). It was 800 KB until each account's data on a shared phone was kept apart, the outbox learned
# to tell a stuck message from a missing network and to read every Retry-After, and long
# cases came in pages (8 KB together, after 5 KB of savings found on the way: a hand
# reader of HTTP dates in place of the time crate's, the server's lenient number reader
# kept out of the app). It was 810 KB until photos were prepared in the browser before
# they queue (the browser's own decoder and encoder, no codec downloaded; with editing
# and cancelling a waiting message, 11 KB), sign-out asked what becomes of unsent
# messages (6 KB), older cases came in pages with a search over them (7 KB), and the
# timeline showed photos while the reply box took them and was kept like a draft
# (18 KB), and one tab at a time came to hold the local store (a Web Lock, 5 KB): 47 KB
# together, and no saving found this time (see the README for where the weight is).
#
# Usage: scripts/web-size.sh [WEB_DIST]   (without it, scripts/web.sh builds one)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

dist="${1:-$(bash scripts/web.sh | tail -n 1)}"
budget="${PULSE_WASM_GZIP_BUDGET:-905000}"
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
