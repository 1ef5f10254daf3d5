#!/usr/bin/env bash
# Benchmarks the native Swift all-MiniLM-L6-v2 embedder against the Python reference
# (sentence-transformers on PyTorch, CPU) on the same sentences, in the same run, and prints
# the results side by side. See README.md beside this script.
#
# Environment:
#   NOVA_MODEL_DIR         models directory (default ./models); fetched by scripts/fetch-model.sh
#   MINILM_BENCH_VENV      Python venv for the reference (default /tmp/minilm-bench-venv; created on
#                          first use, about 3 GB to download, 4.8 GB on disk)
#   MINILM_BENCH_SECONDS   minimum seconds per throughput measurement (default 5)
#   MINILM_BENCH_SKIP_PYTHON=1   measure the Swift embedder only
#   MINILM_BENCHMARK_BIN   use this MiniLMBenchmark binary instead of building one
#   OPENBLAS_NUM_THREADS   threads of the Swift embedder's matrix products (default: all cores)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
readonly ROOT="$PWD"
readonly MODEL_DIR="${NOVA_MODEL_DIR:-./models}/all-MiniLM-L6-v2"
readonly CORPUS="$ROOT/Tests/Fixtures/minilm/reference.jsonl"
readonly SHORT_TOKENS=64
readonly SECONDS_PER_RUN="${MINILM_BENCH_SECONDS:-5}"
readonly VENV="${MINILM_BENCH_VENV:-/tmp/minilm-bench-venv}"
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

bash scripts/fetch-model.sh >&2

if [[ -n "${MINILM_BENCHMARK_BIN:-}" ]]; then
  benchmark="$MINILM_BENCHMARK_BIN"
else
  swift build -c release --product MiniLMBenchmark >&2
  benchmark="$(swift build -c release --show-bin-path)/MiniLMBenchmark"
fi

# The reference stack, pinned to the versions that made the fixtures. PyPI has no CPU-only torch
# for Linux x86_64: its torch wheel is a CUDA 13 build that cannot be imported without NVIDIA's
# runtime libraries, so those (and only those) are installed beside it; triton, cuda-bindings and
# the rest of torch's GPU-only dependencies are left out. No GPU is used.
ensure_python_reference() {
  if "$VENV/bin/python" -c 'import torch, sentence_transformers' 2>/dev/null; then
    return
  fi
  echo "installing the Python reference into $VENV (about 3 GB to download) ..." >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps \
    torch==2.15.0 sentence-transformers==6.2.0 \
    nvidia-cublas==13.4.1.3 nvidia-cudnn-cu13==9.26.0.51 nvidia-cuda-nvrtc==13.2.86 \
    nvidia-cuda-runtime==13.2.86 nvidia-cuda-cupti==13.2.86 nvidia-cufft==12.2.0.57 \
    nvidia-nvjitlink==13.5.37 nvidia-cusparse==12.7.10.12 nvidia-cusparselt-cu13==0.8.1 \
    nvidia-cusolver==12.2.0.11 nvidia-nccl-cu13==2.30.7 nvidia-nvshmem-cu13==3.7.2 nvidia-cufile==1.17.1.22 >&2
  # pip then warns that torch's GPU-only requirements are missing: expected, and filtered out.
  "$VENV/bin/pip" install --quiet --disable-pip-version-check \
    transformers==5.23.0 tokenizers==0.23.3 'huggingface-hub>=1.31,<3' numpy scipy scikit-learn tqdm \
    'typing-extensions>=4.13' filelock sympy networkx jinja2 fsspec 'setuptools>=77.0.3' 2>&1 \
    | grep -v -e "dependency resolver does not currently" -e "^torch 2.15.0 requires" >&2 || true
}

run_swift() { # name, extra args...
  local name="$1"; shift
  "$benchmark" --model "$MODEL_DIR" --corpus "$CORPUS" --seconds "$SECONDS_PER_RUN" "$@" >"$results/swift-$name.json"
}
run_python() { # name, extra args...
  local name="$1"; shift
  "$VENV/bin/python" benchmarks/embedder/python_reference.py --model "$MODEL_DIR" --corpus "$CORPUS" \
    --seconds "$SECONDS_PER_RUN" "$@" >"$results/python-$name.json" 2> >(grep -v -e 'Loading weights' -e '^$' >&2)
}

run_swift all
run_swift short --max-tokens "$SHORT_TOKENS"
if [[ "${MINILM_BENCH_SKIP_PYTHON:-0}" != 1 ]]; then
  ensure_python_reference
  run_python all
  run_python short --max-tokens "$SHORT_TOKENS"
fi

python3 - "$results" "$SHORT_TOKENS" <<'PY'
import json, os, sys

folder = sys.argv[1]
def load(name):
    path = os.path.join(folder, name + ".json")
    return json.load(open(path)) if os.path.exists(path) else None

swift_all, swift_short = load("swift-all"), load("swift-short")
py_all, py_short = load("python-all"), load("python-short")

# (label, key, source pair, lower is better, format)
rows = [
    (f"single sentence ({swift_all['sentence_tokens']} tokens), p50 ms", "single_p50_ms", "all", True, "{:.2f}"),
    (f"single sentence ({swift_all['sentence_tokens']} tokens), p99 ms", "single_p99_ms", "all", True, "{:.2f}"),
    (f"batch 32, all {swift_all['corpus_sentences']} sentences ({swift_all['corpus_mean_tokens']:.1f} tokens avg), sentences/s",
     "batch32_sentences_per_s", "all", False, "{:.1f}"),
    ("  same, ms per sentence", "batch32_ms_per_sentence", "all", True, "{:.2f}"),
    (f"batch 32, {swift_short['corpus_sentences']} sentences <= {sys.argv[2]} tokens "
     f"({swift_short['corpus_mean_tokens']:.1f} avg), sentences/s", "batch32_sentences_per_s", "short", False, "{:.1f}"),
    ("  same, ms per sentence", "batch32_ms_per_sentence", "short", True, "{:.2f}"),
    ("resident memory after loading, MiB", "rss_after_load_mib", "all", True, "{:.0f}"),
    ("peak resident memory, MiB", "peak_rss_mib", "all", True, "{:.0f}"),
    ("model load, s", "load_s", "all", True, "{:.2f}"),
]
width = max(len(row[0]) for row in rows)
header = f"{'metric'.ljust(width)}  {'swift':>9}  {'pytorch':>9}  {'swift advantage':>15}"
print(header)
print("-" * len(header))
for label, key, which, lower_is_better, fmt in rows:
    swift = (swift_all if which == "all" else swift_short)[key]
    python = (py_all if which == "all" else py_short)
    python = python[key] if python else None
    ratio = "" if python is None else f"{(python / swift if lower_is_better else swift / python):.2f}x"
    print(f"{label.ljust(width)}  {fmt.format(swift):>9}  {fmt.format(python) if python is not None else 'n/a':>9}  {ratio:>15}")
print()
print(f"swift: OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS', 'unset (all cores)')}, "
      f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', 'unset')}; cores: {os.cpu_count()}")
if py_all:
    print(f"pytorch: {py_all['versions']}, {py_all['torch_threads']} threads, CPU only")
PY
