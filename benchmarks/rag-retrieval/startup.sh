#!/usr/bin/env bash
# nova-rag start-up time with the documentation index absent (empty data directory: every chunk is embedded) and
# present (the same data directory again: nothing is embedded), with the built-in model and ./knowledge, release
# build. Times from starting the process to the first /health answer (the server accepts connections while the
# documentation loads) and to the first /health saying "healthy".
# Usage: benchmarks/rag-retrieval/startup.sh [runs]   (default 3 runs of each)
set -euo pipefail
cd "$(dirname "$0")/../.."

runs="${1:-3}"
export NOVA_MODEL_DIR="${NOVA_MODEL_DIR:-./models}"
swift build -c release --product nova-rag >/dev/null
binary="$(swift build -c release --show-bin-path)/nova-rag"
port=18731
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

seconds_since() { echo "($(date +%s%N) - $1) / 1000000000" | bc -l; }

start_and_time() {
  local data="$1" started pid answering="" health chunks
  started=$(date +%s%N)
  NOVA_RAG_DATA_DIR="$data" KNOWLEDGE_DIR=./knowledge EMBEDDING_PROVIDER=local HOST=127.0.0.1 PORT=$port LOG_LEVEL=warning \
    "$binary" serve >>"$work/log" 2>&1 &
  pid=$!
  while true; do
    kill -0 "$pid" 2>/dev/null || { echo "nova-rag exited; log:" >&2; cat "$work/log" >&2; exit 1; }
    health=$(curl -fs "http://127.0.0.1:$port/health" 2>/dev/null || true)
    [[ -n "$health" && -z "$answering" ]] && answering=$(seconds_since "$started")
    [[ "$health" == *'"status":"healthy"'* ]] && break
    sleep 0.02
  done
  local ready
  ready=$(seconds_since "$started")
  chunks=$(curl -fs "http://127.0.0.1:$port/rag/stats" | sed -E 's/.*"embedded":([0-9]+).*/\1/')
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  printf 'answering after %5.2f s, healthy after %5.2f s (chunks embedded: %s)\n' "$answering" "$ready" "$chunks"
}

for run in $(seq "$runs"); do
  rm -rf "$work/data"
  echo "run $run — index absent:"
  start_and_time "$work/data"
  echo "run $run — index present:"
  start_and_time "$work/data"
done
