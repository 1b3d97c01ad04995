#!/usr/bin/env bash
# Builds the app for the browser into $CARGO_TARGET_DIR/web: the wasm build, bound by
# wasm-bindgen at the version Cargo.lock names, next to web/index.html. pulse-server
# serves it with --web-app. Set PULSE_WEB_PROFILE=dev for a faster, larger build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

ensure_rust_targets wasm32-unknown-unknown
# SQLite for the browser is C compiled by clang (see .cargo/config.toml).
ensure_debian_packages clang
ensure_cargo_tool wasm-bindgen-cli "$(locked_version wasm-bindgen)" wasm-bindgen

profile="${PULSE_WEB_PROFILE:-release}"
cargo build --locked --target wasm32-unknown-unknown --no-default-features --features web \
    --profile "$profile" --bin pulse-companion
folder="$profile"
[ "$profile" = dev ] && folder=debug

out="$CARGO_TARGET_DIR/web"
rm -rf "$out"
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" \
    "$CARGO_TARGET_DIR/wasm32-unknown-unknown/$folder/pulse-companion.wasm"
cp web/index.html "$out/"
echo "$out"
