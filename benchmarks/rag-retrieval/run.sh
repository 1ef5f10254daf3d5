#!/usr/bin/env bash
# Retrieval quality of nova-rag's documentation search (/rag/query) on labelled questions: recall@1, recall@3 and
# MRR with the built-in model. Builds RAGRetrievalEval in release mode and runs it from the repository root.
# The model is read from ${NOVA_MODEL_DIR:-./models}/all-MiniLM-L6-v2 (scripts/fetch-model.sh puts it there).
# Usage: benchmarks/rag-retrieval/run.sh [questions.jsonl [knowledge folder]] [--misses] [--chunks]
set -euo pipefail
cd "$(dirname "$0")/../.."

export NOVA_MODEL_DIR="${NOVA_MODEL_DIR:-./models}"
if [[ ! -f "${NOVA_MODEL_DIR}/all-MiniLM-L6-v2/model.safetensors" ]]; then
  echo "run.sh: no model in ${NOVA_MODEL_DIR}/all-MiniLM-L6-v2 (run scripts/fetch-model.sh first)" >&2
  exit 1
fi

swift build -c release --product RAGRetrievalEval
"$(swift build -c release --show-bin-path)/RAGRetrievalEval" "$@"
