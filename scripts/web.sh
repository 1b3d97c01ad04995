#!/usr/bin/env bash
# Builds the app for the browser with dx into $CARGO_TARGET_DIR/web and prints that
# folder on its last line; pulse-server serves it with --web-app. dx compiles the wasm
# (profile wasm-release), binds it with wasm-bindgen, shrinks it with wasm-opt, minifies
# the JavaScript with esbuild and copies every asset!() file under a hashed name, next
# to the index.html it makes from ./index.html. Set PULSE_WEB_PROFILE=dev for a faster,
# larger build without wasm-opt.
#
# Usage: scripts/web.sh [PACKAGE OUTPUT]: another Dioxus web app of the workspace the same
# way (scripts/console.sh builds pulse-console into $CARGO_TARGET_DIR/console).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
ensure_web_tools

package="${1:-pulse-companion}"
name="${2:-web}"
package_flag=()
[ "$package" = pulse-companion ] || package_flag=(-p "$package")
profile="${PULSE_WEB_PROFILE:-release}"
mode=debug
flags=()
if [ "$profile" = release ]; then
    mode=release
    # Without this dx keeps DWARF for wasm-opt, which then can crash on it.
    flags=(--release --debug-symbols false)
fi
built="$CARGO_TARGET_DIR/dx/$package/$mode/web/public"
# Panic locations name their source files: shorten the registry's and this checkout's
# paths in them (the wasm carries every such path; it also keeps the machine's layout out
# of what ships). The getrandom flag repeats .cargo/config.toml's, which this replaces.
remap=(--cfg 'getrandom_backend="wasm_js"' "--remap-path-prefix=$PWD=.")
for registry in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
    remap+=("--remap-path-prefix=${registry%/}=crates")
done
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${remap[*]}"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS
# dx adds each build's hashed files to the last ones: start from an empty folder.
rm -rf "$built"
log="$CARGO_TARGET_DIR/dx-$name.log"
mkdir -p "$CARGO_TARGET_DIR"
# dx's progress goes to stderr: this script's output ends with the folder alone.
dx build --platform web --locked "${package_flag[@]}" "${flags[@]}" 2>&1 | tee "$log" >&2
# dx reports some failures and still succeeds: a failed wasm-opt ships the unoptimised
# wasm, a failed esbuild the unminified JavaScript (and esbuild fails when the wasm
# imports a symbol nothing defines, which would break the page).
if grep -q " ERROR " "$log"; then
    grep " ERROR " "$log" >&2
    echo "dx reported errors: see $log" >&2
    exit 1
fi

# A copy at a fixed place. In a release build wasm/ holds only dx's intermediate files;
# index.html names the hashed ones under assets/.
out="$CARGO_TARGET_DIR/$name"
rm -rf "$out"
mkdir -p "$out"
cp -r "$built/." "$out/"
if [ "$mode" = release ]; then rm -rf "$out/wasm"; fi
# pulse-server sends these to browsers that accept gzip; the files stay for the rest.
find "$out" -type f \( -name '*.html' -o -name '*.js' -o -name '*.wasm' -o -name '*.css' \
    -o -name '*.svg' -o -name '*.ftl' \) -exec gzip -9 --keep --force {} +
echo "$out"
