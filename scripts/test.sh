#!/usr/bin/env bash
# Runs every check and test of the project on a fresh Debian machine with rustup:
# installs what is missing, then formatting, lints and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

ensure_rust_components rustfmt clippy

echo "== formatting"
cargo fmt --all -- --check
echo "== lints"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== tests (SQLite)"
cargo test --workspace --locked

echo "== server tests on PostgreSQL"
source scripts/postgres.sh
cargo test --locked -p pulse-server --tests
