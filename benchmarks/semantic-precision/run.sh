#!/usr/bin/env bash
# Precision and recall of nova-rag's cache-hit decision on the labelled prompt pairs: cosine similarity alone, and
# cosine followed by PromptGuard, on the development set (pairs.jsonl, tuned on) and held-out sets 1–17
# (heldout1–17.jsonl, each evaluated once before any change made for it; see README.md), each in its own table, then a
# summary of all. Builds PrecisionEval in release mode and runs it from the repository root.
# The model is read from ${NOVA_MODEL_DIR:-./models}/all-MiniLM-L6-v2 (scripts/fetch-model.sh puts it there).
# Usage: benchmarks/semantic-precision/run.sh [pairs.jsonl …]
set -euo pipefail
cd "$(dirname "$0")/../.."

export NOVA_MODEL_DIR="${NOVA_MODEL_DIR:-./models}"
if [[ ! -f "${NOVA_MODEL_DIR}/all-MiniLM-L6-v2/model.safetensors" ]]; then
  echo "run.sh: no model in ${NOVA_MODEL_DIR}/all-MiniLM-L6-v2 (run scripts/fetch-model.sh first)" >&2
  exit 1
fi

swift build -c release --product PrecisionEval
if [[ $# -eq 0 ]]; then
  set -- benchmarks/semantic-precision/pairs.jsonl benchmarks/semantic-precision/heldout1.jsonl \
    benchmarks/semantic-precision/heldout2.jsonl benchmarks/semantic-precision/heldout3.jsonl \
    benchmarks/semantic-precision/heldout4.jsonl benchmarks/semantic-precision/heldout5.jsonl \
    benchmarks/semantic-precision/heldout6.jsonl benchmarks/semantic-precision/heldout7.jsonl \
    benchmarks/semantic-precision/heldout8.jsonl benchmarks/semantic-precision/heldout9.jsonl \
    benchmarks/semantic-precision/heldout10.jsonl benchmarks/semantic-precision/heldout11.jsonl \
    benchmarks/semantic-precision/heldout12.jsonl benchmarks/semantic-precision/heldout13.jsonl \
    benchmarks/semantic-precision/heldout14.jsonl benchmarks/semantic-precision/heldout15.jsonl \
    benchmarks/semantic-precision/heldout16.jsonl benchmarks/semantic-precision/heldout17.jsonl
fi
"$(swift build -c release --show-bin-path)/PrecisionEval" "$@"
