#!/usr/bin/env bash
# Runs Nova end to end on embedded defaults: SQLite files under ./data, in-process queue, local sandbox,
# built-in embedder, no PostgreSQL, no Redis, no API key. Builds in release mode, starts nova-rag (8001) and
# nova (8000) on loopback, shows what they answer, and stops both, also on failure or Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/packages.sh
source scripts/lib/release.sh

nova_install_packages
bash scripts/fetch-model.sh

nova_build_release
bin="$NOVA_RELEASE_BIN"

mkdir -p data/logs
pids=()
stop_services() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_services EXIT

wait_healthy() {
    local url="$1" name="$2"
    for _ in $(seq 100); do
        curl -fsS "$url" >/dev/null 2>&1 && return 0
        sleep 0.2
    done
    echo "$name did not become healthy; its log:" >&2
    tail -n 20 "data/logs/$name.log" >&2
    return 1
}

HOST=127.0.0.1 NOVA_RAG_DATA_DIR=./data NOVA_MODEL_DIR=./models "$bin/nova-rag" serve >data/logs/nova-rag.log 2>&1 &
pids+=($!)
wait_healthy http://127.0.0.1:8001/health nova-rag

HOST=127.0.0.1 NOVA_DATA_DIR=./data RAG_SERVICE_URL=http://127.0.0.1:8001 SANDBOX_NETWORK=none "$bin/nova" serve >data/logs/nova.log 2>&1 &
pids+=($!)
wait_healthy http://127.0.0.1:8000/health nova

echo
echo "nova-rag  GET /health → $(curl -fsS http://127.0.0.1:8001/health)"
sleep 1
echo "nova      GET /health → $(curl -fsS http://127.0.0.1:8000/health)"
echo "nova      GET /health/components → $(curl -fsS http://127.0.0.1:8000/health/components)"
echo
echo "Running examples/demo-workflow.json on examples/demo-invoice.txt (hand-written steps in the sandbox)…"
python3 scripts/lib/run-demo-workflow.py http://127.0.0.1:8000 examples/demo-workflow.json examples/demo-invoice.txt
echo
echo "Prompt nodes (code written by an LLM, then reused from the caches) join the demo with the seed pack of issue 8."
echo "Logs: data/logs/. Stopping both services."
