#!/usr/bin/env bash
# Stream benchmark of the semantic cache's error-rate bound (issue 20): a few thousand node requests over the
# labelled pairs of benchmarks/semantic-precision, decided by a static threshold, today's offline decision and the
# online HitBound decision with a stand-in verifier (right, then wrong 5 % of the time). Prints a Markdown table per
# run, one row per window of requests. See README.md beside this script for the numbers and what they mean.
#
# Environment:
#   STREAM_BUILD                   release (default) or debug
#   STREAM_REQUESTS                requests in the stream (default 4000)
#   STREAM_WINDOW                  requests per row (default 500)
#   STREAM_FLOOR                   lowest similarity the online decision considers (default 0.70, nova's)
#   SEMANTIC_CACHE_MAX_ERROR_RATE  the bound δ (default 0.02)
#   STREAM_SEED                    seed of the stream and of the draws (default 20)
#   STREAM_VECTORS                 file keeping the prompts' vectors between runs (default .build/semantic-stream/vectors.json)
# The model is read from ${NOVA_MODEL_DIR:-./models}/all-MiniLM-L6-v2 (scripts/fetch-model.sh puts it there).
# Usage: benchmarks/semantic-stream/run.sh [pairs.jsonl …]
set -euo pipefail
cd "$(dirname "$0")/../.."

export NOVA_MODEL_DIR="${NOVA_MODEL_DIR:-./models}"
if [[ ! -f "${NOVA_MODEL_DIR}/all-MiniLM-L6-v2/model.safetensors" ]]; then
  echo "run.sh: no model in ${NOVA_MODEL_DIR}/all-MiniLM-L6-v2 (run scripts/fetch-model.sh first)" >&2
  exit 1
fi

build="${STREAM_BUILD:-release}"
swift build -c "$build" --product SemanticStream >&2
"$(swift build -c "$build" --show-bin-path)/SemanticStream" "$@"
