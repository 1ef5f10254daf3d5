#!/usr/bin/env bash
# Runs Nova end to end on embedded defaults: SQLite files under ./data, in-process queue, local sandbox,
# built-in embedder, no PostgreSQL, no Redis. Builds in release mode, starts nova (8000) and nova-rag (8001) on
# loopback, runs the invoice-intake workflow of examples/ twice and prints, per node and run, where its code came
# from and how long it took, then stops both, also on failure or Ctrl-C.
#
# Without OPENAI_API_KEY or ANTHROPIC_API_KEY the prompt nodes get their code from the seed pack
# (examples/code-pack.json, hand-written and checked in the sandbox by the test suite, marked metadata.source
# "seed"), imported for the new workflow: run 1 finds it by meaning (semantic hits, the workflow's prompts are
# worded differently), run 2 by key (exact hits). With a key the pack is skipped and run 1 generates live.
#
# --keep-running leaves both services up after the runs so the dashboard (http://127.0.0.1:8000/ui) shows them;
# Ctrl-C stops them.
set -euo pipefail
cd "$(dirname "$0")/.."
keep_running=false
case "${1:-}" in
    --keep-running) keep_running=true ;;
    "") ;;
    *) echo "usage: scripts/demo.sh [--keep-running]" >&2; exit 2 ;;
esac
source scripts/lib/packages.sh
source scripts/lib/release.sh
source scripts/lib/sandbox.sh

nova_install_packages
bash scripts/fetch-model.sh
nova_choose_sandbox_venv

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

if [ -n "${OPENAI_API_KEY:-}" ] && [ -z "${ANTHROPIC_API_KEY:-}" ]; then
    export CODE_GENERATOR_MODEL="${CODE_GENERATOR_MODEL:-gpt-4.1-mini}"  # the default model is Anthropic's
fi
HOST=127.0.0.1 NOVA_DATA_DIR=./data RAG_SERVICE_URL=http://127.0.0.1:8001 SANDBOX_NETWORK=none "$bin/nova" serve >data/logs/nova.log 2>&1 &
pids+=($!)
wait_healthy http://127.0.0.1:8000/health nova

workflow_id=$(python3 scripts/lib/run-demo-workflow.py create http://127.0.0.1:8000)
echo "created workflow $workflow_id from examples/invoice-workflow.json"

if [ -n "${OPENAI_API_KEY:-}${ANTHROPIC_API_KEY:-}" ]; then
    echo "an LLM key is set: skipping the seed pack, run 1 generates the prompt nodes' code live"
else
    echo "no LLM key: importing the seed pack examples/code-pack.json for workflow $workflow_id (nova-rag import)"
    NOVA_RAG_DATA_DIR=./data NOVA_MODEL_DIR=./models "$bin/nova-rag" import --workflow-id "$workflow_id" examples/code-pack.json
fi

HOST=127.0.0.1 NOVA_RAG_DATA_DIR=./data NOVA_MODEL_DIR=./models "$bin/nova-rag" serve >>data/logs/nova-rag.log 2>&1 &
pids+=($!)
wait_healthy http://127.0.0.1:8001/health nova-rag
echo "waiting for nova-rag to load the documentation library (embedded once, then kept in ./data)…"
for _ in $(seq 600); do
    curl -fsS http://127.0.0.1:8001/health | grep -q '"vector_store_ready":true' && break
    sleep 0.5
done

echo
echo "nova-rag  GET /health → $(curl -fsS http://127.0.0.1:8001/health)"
echo "nova      GET /health/components → $(curl -fsS http://127.0.0.1:8000/health/components)"
echo
invoice=examples/invoices/acme-office-supplies.txt
echo "Running the workflow twice on $invoice…"
python3 scripts/lib/run-demo-workflow.py run http://127.0.0.1:8000 "$workflow_id" "$invoice" 2
echo
echo "Dashboard: http://127.0.0.1:8000/ui (runs, their timelines, the code cache and health)"
if $keep_running; then
    echo "Logs: data/logs/. Both services keep running: press Ctrl-C to stop them."
    wait
else
    echo "Logs: data/logs/. Stopping both services (scripts/demo.sh --keep-running leaves them up for the dashboard)."
fi
