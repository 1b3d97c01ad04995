#!/usr/bin/env bash
# Fuzzes the HTTP API against its own OpenAPI document with Schemathesis (every check,
# every phase, stateful included): as a partner, as a handler, as two partners against
# each other (object-level authorization), and the sign-outs with a token of their own.
# A real server of its own (--demo, a fresh data directory or database). Exits non-zero
# on any finding; each suite is bounded in time.
#
#   bash scripts/api-fuzz.sh SERVER_BINARY [DATABASE_URL]
#
# Without DATABASE_URL the server uses SQLite in a temporary directory; with a
# PostgreSQL URL (a server, e.g. scripts/postgres.sh's), a fresh database on it.
# Reports go to $PULSE_FUZZ_OUT (default target/api-fuzz/<backend>).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

server_bin="${1:?usage: api-fuzz.sh SERVER_BINARY [DATABASE_URL]}"
database_base="${2:-}"
backend=$([ -n "$database_base" ] && echo postgres || echo sqlite)
st_version=4.32.5
venv="${PULSE_FUZZ_VENV:-$HOME/.cache/pulse-schemathesis-venv}"
budget="${PULSE_FUZZ_SUITE_SECS:-240}"
config="$PWD/scripts/schemathesis.toml"
out="${PULSE_FUZZ_OUT:-$PWD/target/api-fuzz/$backend}"
export PULSE_ST_HOOKS="$PWD/scripts/schemathesis_hooks.py"
export PULSE_ST_PHOTO="$PWD/fixtures/photo.jpg"
PULSE_ST_WORK="$(mktemp -d)"
export PULSE_ST_WORK
rm -rf "$out" && mkdir -p "$out"

# Schemathesis in a virtualenv of its own, at the pinned version.
ensure_debian_packages python3-venv curl
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
if [ "$("$venv/bin/schemathesis" --version 2>/dev/null)" != "schemathesis, version $st_version" ]; then
    "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$st_version"
fi
st="$venv/bin/schemathesis"

database_args=()
if [ -n "$database_base" ]; then
    ensure_debian_packages postgresql-client
    database="pulse_fuzz_$$"
    psql -q "$database_base" -c "CREATE DATABASE $database"
    database_args=(--database-url "${database_base%/*}/$database")
fi

# Without rate limits or an upload cap: a 429 passes every check, so a capped server
# would hide what it guards.
"$server_bin" --demo --listen 127.0.0.1:0 --data-dir "$PULSE_ST_WORK/data" "${database_args[@]}" \
    --rate-limit-per-second 100000 --rate-limit-burst 100000 \
    --max-pending-files 100000 --max-pending-bytes 100000000000 \
    >"$out/server.out" 2>"$out/server.log" &
server_pid=$!
cleanup() {
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    [ -z "$database_base" ] || psql -q "$database_base" -c "DROP DATABASE IF EXISTS $database" || true
    rm -rf "$PULSE_ST_WORK"
}
trap cleanup EXIT
base=""
for _ in $(seq 1 300); do
    base="$(grep -o 'http://[0-9.:]*' "$out/server.out" | head -n 1 || true)"
    [ -z "$base" ] || break
    kill -0 "$server_pid" 2>/dev/null || { cat "$out/server.log" >&2; exit 1; }
    sleep 0.2
done
[ -n "$base" ] || { echo "the server did not start" >&2; exit 1; }

sign_in() {  # email -> token
    curl -fsS -X POST "$base/v1/sessions" -H 'Content-Type: application/json' \
        -d "{\"email\":\"$1\",\"password\":\"demo-password\"}" |
        "$venv/bin/python" -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}

status=0
suite() {  # name, then arguments for `schemathesis run`
    local name="$1"
    shift
    echo "   schemathesis ($backend): $name"
    if ! (cd "$PULSE_ST_WORK" && timeout --signal=INT --kill-after=30 "$budget" \
        "$st" --config-file "$config" run "$base/v1/openapi.json" --checks all \
        --phases examples,coverage,fuzzing,stateful \
        --report junit --report-junit-path "$out/junit-$name.xml" "$@") >"$out/report-$name.txt" 2>&1; then
        status=1
        cat "$out/report-$name.txt"
    fi
    sed -n '/= SUMMARY =/,$p' "$out/report-$name.txt" | grep -E 'generated|passed|failures|Failures|❌|⚠' || true
}

# The sign-outs end tokens (DELETE /v1/sessions ends every token of the account): the
# other suites leave them out, and they run last with a token of their own.
no_sign_out=(--exclude-name 'DELETE /v1/sessions' --exclude-name 'DELETE /v1/sessions/current')

PULSE_TOKEN="$(sign_in partner@demo.test)" suite partner "${no_sign_out[@]}"
PULSE_TOKEN="$(sign_in handler@demo.test)" suite handler "${no_sign_out[@]}"

# Two partners: object_level_authorization reads each one's objects as the other. It
# needs [auth.wfc] with peers, which cannot sit beside [auth.openapi]: a second config.
peers="$PULSE_ST_WORK/peers.toml"
sed 's|^\[auth.openapi.bearer\]$|[auth.wfc]\npath = "${PULSE_ST_WORK}/wfc-auth.json"\npeers = ["partner", "partner2"]|; /^bearer = /d' \
    "$config" >"$peers"
cat >"$PULSE_ST_WORK/wfc-auth.json" <<JSON
{ "auth": [
  { "name": "partner",  "fixedHeaders": [ { "name": "Authorization", "value": "Bearer $(sign_in partner@demo.test)" } ] },
  { "name": "partner2", "fixedHeaders": [ { "name": "Authorization", "value": "Bearer $(sign_in partner2@demo.test)" } ] }
] }
JSON
config="$peers" suite peers "${no_sign_out[@]}" --exclude-tag handler

PULSE_TOKEN="$(sign_in partner2@demo.test)" suite sign-out \
    --include-name 'DELETE /v1/sessions' --include-name 'DELETE /v1/sessions/current'

echo "   reports: $out"
exit $status
