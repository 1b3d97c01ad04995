#!/usr/bin/env bash
# Builds the support console (crates/console) for the browser with dx into
# $CARGO_TARGET_DIR/console and prints that folder on its last line; pulse-server
# serves it at /console with --console-app. As scripts/web.sh does for the app: the
# wasm-release profile, wasm-opt, hashed assets and gzipped copies; the shared
# dependencies come from the app's build in the same build directory. Set
# PULSE_WEB_PROFILE=dev for a faster, larger build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
ensure_web_tools

profile="${PULSE_WEB_PROFILE:-release}"
mode=debug
flags=()
if [ "$profile" = release ]; then
    mode=release
    flags=(--release --debug-symbols false)
fi
built="$CARGO_TARGET_DIR/dx/pulse-console/$mode/web/public"
remap=(--cfg 'getrandom_backend="wasm_js"' "--remap-path-prefix=$PWD=.")
for registry in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
    remap+=("--remap-path-prefix=${registry%/}=crates")
done
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${remap[*]}"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS
rm -rf "$built"
log="$CARGO_TARGET_DIR/dx-console.log"
mkdir -p "$CARGO_TARGET_DIR"
dx build --platform web --locked -p pulse-console "${flags[@]}" 2>&1 | tee "$log" >&2
if grep -q " ERROR " "$log"; then
    grep " ERROR " "$log" >&2
    echo "dx reported errors: see $log" >&2
    exit 1
fi

out="$CARGO_TARGET_DIR/console"
rm -rf "$out"
mkdir -p "$out"
cp -r "$built/." "$out/"
if [ "$mode" = release ]; then rm -rf "$out/wasm"; fi
find "$out" -type f \( -name '*.html' -o -name '*.js' -o -name '*.wasm' -o -name '*.css' \
    -o -name '*.svg' \) -exec gzip -9 --keep --force {} +
echo "$out"
