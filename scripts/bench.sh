#!/usr/bin/env bash
# Runs every benchmark: the server on SQLite and on PostgreSQL side by side, then the
# phone's engine. Figures are ratios and percentiles from one run each.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

# A cluster of its own, durable like SQLite in WAL mode with synchronous=NORMAL: every
# commit is written at once and flushed within moments, so a crash of the process loses
# nothing and only a power loss can take back the newest commits.
PULSE_PG_PORT="${PULSE_BENCH_PG_PORT:-54339}" \
PULSE_PG_DIR="${TMPDIR:-/tmp}/pulse-bench-postgres" \
PULSE_PG_SETTINGS="-c fsync=on -c synchronous_commit=off" \
    source scripts/postgres.sh
export PULSE_BENCH_POSTGRES="$PULSE_TEST_POSTGRES"

cargo bench --locked -p pulse-server --bench server
cargo bench --locked -p pulse-server --bench push
# 2,000 streams hold 4,000 sockets between the server and the bench.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
cargo bench --locked -p pulse-server --bench streams
cargo bench --locked -p pulse-client --bench client
