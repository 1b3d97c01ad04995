#!/usr/bin/env bash
# Runs the product on this machine: pulse-server in demo mode on 127.0.0.1:8080, with
# demo accounts printed at start. Extra arguments go to pulse-server.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

data_dir="${PULSE_DATA_DIR:-$PWD/target/demo-data}"
mkdir -p "$data_dir"
exec cargo run --locked --release -p pulse-server -- --demo --data-dir "$data_dir" "$@"
