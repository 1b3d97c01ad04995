#!/usr/bin/env bash
# Starts the desktop app built by scripts/desktop.sh on a virtual X screen (Xvfb) and
# takes a picture of its first screen. Fails when the picture is blank or lacks the
# brand blue of the top bar: the window, the webview or its stylesheet did not load.
#
# Usage: scripts/desktop-screenshot.sh APP_FOLDER OUT.png
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
ensure_debian_packages xvfb xauth imagemagick xdotool fonts-dejavu-core

app="$1/pulse-companion"
shot="$2"
mkdir -p "$(dirname "$shot")"
scratch="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$scratch"
}
trap cleanup EXIT
fail() {
    cat "$scratch/app.log" >&2 || true
    echo "$1" >&2
    exit 1
}

# A display number of its own, clear of a parallel run.
export DISPLAY=":$((100 + RANDOM % 400))"
Xvfb "$DISPLAY" -screen 0 1024x900x24 -nolisten tcp >"$scratch/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do
    xdotool getdisplaygeometry >/dev/null 2>&1 && break
    sleep 0.1
done

# Its own data folder and English; there is no keychain here, so the (absent) session
# would only be kept in memory.
PULSE_APP_DATA="$scratch/data" PULSE_LANG=en "$app" >"$scratch/app.log" 2>&1 &
app_pid=$!
pids+=("$app_pid")
window=""
for _ in $(seq 120); do
    window="$(xdotool search --onlyvisible --name "Pulse Companion" 2>/dev/null | head -n 1 || true)"
    [ -n "$window" ] && break
    kill -0 "$app_pid" 2>/dev/null || fail "the desktop app exited"
    sleep 0.5
done
[ -n "$window" ] || fail "no desktop window within 60 s"
# The window is mapped before the webview has drawn into it.
sleep 5
kill -0 "$app_pid" 2>/dev/null || fail "the desktop app exited"
import -window root "$shot"

colours="$(identify -format '%k' "$shot")"
blue="$(convert "$shot" -fuzz 3% -fill black +opaque '#003b95' -fill white -opaque '#003b95' \
    -format '%[fx:round(mean*w*h)]' info:)"
echo "desktop window: $shot ($colours colours, $blue pixels of the top bar's blue)"
if [ "$colours" -lt 16 ] || [ "$blue" -lt 1000 ]; then
    fail "the desktop window looks blank or unstyled"
fi
