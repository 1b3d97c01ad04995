#!/usr/bin/env bash
# Runs every check and test of the project on a fresh Debian machine with rustup:
# installs what is missing, then formatting, lints and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

# Each phase says how long the one before it took, so CI's log shows where time goes.
phase_name=""
phase_started=$SECONDS
phase() {
    [ -z "$phase_name" ] || echo "   ($phase_name: $((SECONDS - phase_started)) s)"
    phase_name="$1"
    phase_started=$SECONDS
    [ -z "$1" ] || echo "== $1"
}

ensure_rust_components rustfmt clippy

phase "formatting"
cargo fmt --all -- --check
phase "lints"
cargo clippy --workspace --all-targets --locked -- -D warnings
phase "lints of the browser-only code (wasm32)"
ensure_rust_targets wasm32-unknown-unknown
# SQLite for the browser is C that clang compiles, even when only linting.
ensure_debian_packages clang
cargo clippy --locked --target wasm32-unknown-unknown --features web -p pulse-companion -p pulse-client \
    -p pulse-console --lib --bins -- -D warnings
phase "the web build with dx (for the browser test)"
web_dist="$(bash scripts/web.sh | tail -n 1)"
phase "the support console's build with dx (for the browser test)"
console_dist="$(bash scripts/console.sh | tail -n 1)"
ensure_debian_packages chromium chromium-driver fonts-dejavu-core
# A real SMTP server for the e-mail tests (server and browser): Python's aiosmtpd.
ensure_python_venv "$HOME/.cache/pulse-smtp-venv" aiosmtpd==1.4.6
export PULSE_TEST_PYTHON="$HOME/.cache/pulse-smtp-venv/bin/python"
phase "tests (SQLite)"
cargo test --workspace --locked
phase "e-mail through a real SMTP server (aiosmtpd), on SQLite"
cargo test --locked -p pulse-server --test mail -- --include-ignored
phase "the desktop keychain: a real Secret Service (gnome-keyring) on a private D-Bus session"
ensure_debian_packages gnome-keyring dbus-daemon
# A keyring of its own in a scratch folder, unlocked with a throwaway password; the
# session bus and the daemon end with the command.
timeout 600 dbus-run-session -- bash -c '
    export XDG_DATA_HOME="$(mktemp -d)"
    printf "%s" "throwaway" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    cargo test --locked -p pulse-client --features secret-service --test keychain'
phase "the app end to end in headless Chromium"
PULSE_WEB_DIST="$web_dist" PULSE_CONSOLE_DIST="$console_dist" \
    cargo test --locked --test e2e -- --include-ignored
phase "the web app's size and first screen"
bash scripts/web-size.sh "$web_dist"

phase "Android: cargo check of the app (features mobile)"
# There is no Android NDK here: Debian's clang and the arm64 glibc headers stand in so
# that ring and SQLite's C code pass the check. For checking only; nothing built so ships.
ensure_rust_targets aarch64-linux-android
ensure_debian_packages clang llvm libc6-dev-arm64-cross
CC_aarch64_linux_android=clang \
AR_aarch64_linux_android=llvm-ar \
CFLAGS_aarch64_linux_android="--target=aarch64-linux-android24 -isystem /usr/aarch64-linux-gnu/include" \
    cargo check --locked --target aarch64-linux-android --features mobile

phase "the desktop build with dx"
desktop_app="$(bash scripts/desktop.sh | tail -n 1)"
phase "the desktop window under Xvfb"
bash scripts/desktop-screenshot.sh "$desktop_app" target/screenshots/desktop-sign-in.png

phase "server tests on PostgreSQL (with the multi-instance tests, which need it)"
source scripts/postgres.sh
cargo test --locked -p pulse-server --tests -- --include-ignored

phase "the API against its OpenAPI document (schemathesis), on SQLite and on PostgreSQL"
cargo build --locked -p pulse-server
bash scripts/api-fuzz.sh "$CARGO_TARGET_DIR/debug/pulse-server"
bash scripts/api-fuzz.sh "$CARGO_TARGET_DIR/debug/pulse-server" "$PULSE_TEST_POSTGRES"
phase ""
