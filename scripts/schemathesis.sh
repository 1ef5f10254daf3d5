#!/usr/bin/env bash
# Fuzzes a running nova against its own /openapi.json with schemathesis: installs schemathesis into a virtual
# environment under /tmp, starts nova (the release build if there is one, else the debug build) on loopback with a
# temporary data directory, runs a bounded `schemathesis run` that fails on any 5xx and on any answer whose status,
# content type or body the document does not describe, and stops nova. Not part of scripts/test.sh.
#
#   scripts/schemathesis.sh                      # ~10 examples per operation (a few hundred requests in all)
#   SCHEMATHESIS_EXAMPLES=50 scripts/schemathesis.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/packages.sh

examples=${SCHEMATHESIS_EXAMPLES:-10}
venv=/tmp/nova-schemathesis-venv
if [ ! -x "$venv/bin/schemathesis" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "schemathesis>=4,<5"
fi

bin=.build/release/nova
[ -x "$bin" ] || bin=.build/debug/nova
if [ ! -x "$bin" ]; then
    swift build --product nova
fi

work=$(mktemp -d)
port=$(nova_free_port)
HOST=127.0.0.1 PORT=$port NOVA_DATA_DIR="$work" NOVA_SECRET_KEY="schemathesis run key, not a secret" RATE_LIMIT_PER_MINUTE=1000000 \
    "$bin" serve >"$work/nova.log" 2>&1 &
pid=$!
cleanup() {
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 100); do
    curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    sleep 0.1
done

cd "$work"
"$venv/bin/schemathesis" run "http://127.0.0.1:$port/openapi.json" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --max-examples "$examples" --workers 2 --no-color "$@"
