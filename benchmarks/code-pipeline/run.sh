#!/usr/bin/env bash
# Code-pipeline benchmark: per-node latency of exact hits, semantic hits and generation, and the hit rate over a
# workload of paraphrased prompts. Real nova and nova-rag release binaries on loopback (SQLite, built-in MiniLM
# embedder, local sandbox), the invoice workflow of examples/, and a fake OpenAI-compatible LLM that answers after a
# fixed latency with the right code for each node. Prints one table.
# Usage: benchmarks/code-pipeline/run.sh [runs] [llm latency seconds] [seed]   (default: 50 2 7)
set -euo pipefail
cd "$(dirname "$0")/../.."
here=benchmarks/code-pipeline
runs=${1:-50}
latency=${2:-2}
seed=${3:-7}

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

bash scripts/fetch-model.sh >/dev/null
for product in nova-rag nova; do
    swift build -c release --product $product >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
done
bin="$(swift build -c release --show-bin-path)"
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_healthy() { for _ in $(seq 300); do curl -fs "$1" >/dev/null && return 0; sleep 0.1; done; echo "$1 did not answer" >&2; return 1; }
llm_port=$(port) rag_port=$(port) nova_port=$(port)
export HOST=127.0.0.1 LOG_LEVEL=warning NOVA_MODEL_DIR="${NOVA_MODEL_DIR:-./models}"

python3 $here/fake_llm.py "$llm_port" "$latency" &
pids+=($!)
NOVA_RAG_DATA_DIR="$work" PORT=$rag_port "$bin/nova-rag" serve >"$work/nova-rag.log" 2>&1 &
pids+=($!)
NOVA_DATA_DIR="$work" PORT=$nova_port RAG_SERVICE_URL="http://127.0.0.1:$rag_port" SANDBOX_NETWORK=none WORKER_CONCURRENCY=1 RATE_LIMIT_PER_MINUTE=1000000 \
    OPENAI_API_KEY=fake-key OPENAI_BASE_URL="http://127.0.0.1:$llm_port" CODE_GENERATOR_MODEL=gpt-4o-mini \
    "$bin/nova" serve >"$work/nova.log" 2>&1 &
pids+=($!)
wait_healthy "http://127.0.0.1:$llm_port/stats"
wait_healthy "http://127.0.0.1:$rag_port/health"
until curl -fs "http://127.0.0.1:$rag_port/health" | grep -q '"vector_store_ready":true'; do sleep 0.2; done
wait_healthy "http://127.0.0.1:$nova_port/health"

echo "code pipeline: $runs runs of examples/invoice-workflow.json, prompts from $here/paraphrases.json (seed $seed), fake LLM latency ${latency} s"
python3 $here/bench.py "http://127.0.0.1:$nova_port" "http://127.0.0.1:$llm_port" "$runs" "$seed"
