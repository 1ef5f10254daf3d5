#!/usr/bin/env bash
# The hostile-input suite (issue #21): starts nova-rag and nova (embedded, wired to that nova-rag over HTTP, both with
# keys as in production) from the given binaries on loopback, then (restarting both between the two, so that the
# fuzzer's requests without a key leave the brute-force class a fresh budget)
#   1. fuzzes each service against its own /openapi.json with schemathesis, failing on any 5xx and on any answer whose
#      status, content type or body the document does not describe (SCHEMATHESIS_EXAMPLES per operation, default 10;
#      about two minutes for both);
#   2. sends the classes of hostile input of scripts/lib/hostile_inputs.py (numbers beyond 64 bits, wrong types,
#      malformed JSON, oversize and stalled bodies, parser-level refusals, path tricks, brute-forced keys) and checks
#      each is refused in the service's JSON envelope and both services still answer /health.
# Prints tried / survived / failed per service and per input class; exits non-zero on any failure. Run by
# scripts/test.sh after the release build.
#   usage: scripts/hostile-suite.sh <folder holding nova and nova-rag>
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/packages.sh

bin="$(cd "${1:?usage: scripts/hostile-suite.sh <folder holding nova and nova-rag>}" && pwd)"
examples=${SCHEMATHESIS_EXAMPLES:-10}
idle_timeout=2
auth_failures=10
venv=/tmp/nova-schemathesis-venv
if [ ! -x "$venv/bin/schemathesis" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "schemathesis>=4,<5"
fi

work=$(mktemp -d)
pids=()
stop_services() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    pids=()
}
cleanup() {
    stop_services
    rm -rf "$work"
}
trap cleanup EXIT

# wait_ready <name> <port> <text>: waits until GET /health holds <text>, failing with the service's log if it never
# does (nova-rag answers /rag/* with 503 until its documentation is loaded, which the fuzzer would report).
wait_ready() {
    for _ in $(seq 600); do
        curl -fsS "http://127.0.0.1:$2/health" 2>/dev/null | grep -q "$3" && return 0
        kill -0 "${pids[-1]}" 2>/dev/null || break
        sleep 0.2
    done
    echo "hostile suite: $1 did not start; its log:" >&2
    tail -n 40 "$work/$1.log" >&2
    exit 1
}

rag_key="hostile-suite-rag-$RANDOM$RANDOM"
nova_key="hostile-suite-nova-$RANDOM$RANDOM"
rag_port=$(nova_free_port)
nova_port=$(nova_free_port)
mkdir -p "$work/nova-rag" "$work/nova"

# start_services <AUTH_FAILURES_PER_MINUTE>: starts nova-rag and nova on their ports (logs appended) and waits until
# both are ready.
start_services() {
    HOST=127.0.0.1 PORT=$rag_port NOVA_RAG_DATA_DIR="$work/nova-rag" RAG_API_KEY="$rag_key" \
        IDLE_TIMEOUT_SECONDS=$idle_timeout AUTH_FAILURES_PER_MINUTE=$1 \
        "$bin/nova-rag" serve >>"$work/nova-rag.log" 2>&1 &
    pids+=($!)
    wait_ready nova-rag "$rag_port" '"vector_store_ready":true'
    HOST=127.0.0.1 PORT=$nova_port NOVA_DATA_DIR="$work/nova" NOVA_SECRET_KEY="hostile suite key, not a secret" \
        NOVA_API_KEYS="$nova_key" RAG_SERVICE_URL="http://127.0.0.1:$rag_port" RAG_API_KEY="$rag_key" \
        RATE_LIMIT_PER_MINUTE=1000000 IDLE_TIMEOUT_SECONDS=$idle_timeout AUTH_FAILURES_PER_MINUTE=$1 \
        NOVA_SANDBOX_VENV="${NOVA_SANDBOX_VENV:-data/sandbox-venv}" \
        "$bin/nova" serve >>"$work/nova.log" 2>&1 &
    pids+=($!)
    wait_ready nova "$nova_port" '"status":"healthy"'
}

# fuzz <name> <port> <auth header>: one bounded schemathesis run; prints its summary line and returns its status.
fuzz() {
    local name="$1" port="$2" auth="$3" status=0
    (cd "$work" && "$venv/bin/schemathesis" run "http://127.0.0.1:$port/openapi.json" -H "$auth" \
        --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
        --max-examples "$examples" --workers 2 --no-color) >"$work/schemathesis-$name.log" 2>&1 || status=$?
    local cases
    cases=$(grep -E '^ +[0-9]+ generated' "$work/schemathesis-$name.log" | tail -n 1 | xargs)
    printf '%-44s %-9s %s\n' "schemathesis (${examples} examples per operation)" "$name" "${cases:-no summary}"
    if [ "$status" -ne 0 ]; then
        sed -n '/= FAILURES =/,/= SUMMARY =/p' "$work/schemathesis-$name.log" | head -n 80
    fi
    return "$status"
}

started=$(date +%s)
failed=0
# The fuzzer also sends requests without a key; its 401s must not use up the budget the brute-force class checks, so
# it runs against services whose brake is out of reach, and the input classes against fresh ones.
start_services 1000000
fuzz nova-rag "$rag_port" "Authorization: Bearer $rag_key" || failed=1
fuzz nova "$nova_port" "X-API-Key: $nova_key" || failed=1
stop_services
start_services "$auth_failures"
python3 scripts/lib/hostile_inputs.py "http://127.0.0.1:$nova_port" "http://127.0.0.1:$rag_port" \
    "$nova_key" "$rag_key" "$idle_timeout" "$auth_failures" || failed=1
if grep -q 'status=500' "$work/nova.log" "$work/nova-rag.log"; then
    echo "hostile suite: a server logged a 500:" >&2
    grep -h 'status=500' "$work/nova.log" "$work/nova-rag.log" | head -n 10 >&2
    failed=1
fi
echo "hostile suite: $([ "$failed" -eq 0 ] && echo passed || echo FAILED) in $(($(date +%s) - started)) s"
exit "$failed"
