# Starts (once) a throwaway PostgreSQL for tests and benchmarks on 127.0.0.1, with its
# own data directory and port, and exports PULSE_TEST_POSTGRES with its URL.
# Source it after scripts/env.sh. It never touches a system cluster.

ensure_debian_packages postgresql

pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -n "$pg_bin" ] || { echo "PostgreSQL binaries not found" >&2; exit 1; }
pg_port="${PULSE_PG_PORT:-54329}"
pg_dir="${PULSE_PG_DIR:-${TMPDIR:-/tmp}/pulse-test-postgres}"

# initdb and the server refuse to run as root: use the postgres account there.
as_pg() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if ! "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port"; then
    rm -rf "$pg_dir"
    mkdir -p "$pg_dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
    as_pg "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres >/dev/null
    # PULSE_PG_SETTINGS: tests need no fsync; the benchmark asks for real durability.
    as_pg "$pg_bin/pg_ctl" -s -D "$pg_dir/data" -l "$pg_dir/log" -w start \
        -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=400 ${PULSE_PG_SETTINGS:--c fsync=off}"
fi
export PULSE_TEST_POSTGRES="postgres://postgres@127.0.0.1:$pg_port/postgres"
