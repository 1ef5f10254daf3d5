#!/usr/bin/env bash
# Runs every benchmark that needs no LLM key — code search, embedder, engine, sandbox, code pipeline, retrieval,
# semantic precision — each through its own run.sh, then prints one table (benchmarks/summary.py): each figure, its
# target, the peer's figure measured in the same run where the benchmark has a peer (ChromaDB, PyTorch, plain
# python3), and pass/miss. Each benchmark's full output is kept in the log folder printed at the end.
#
# Usage: benchmarks/run.sh [--quick]
#   --quick   smaller sizes and fewer samples: code search at 1k and 10k, 2 s per embedder figure, 50 executions per
#             engine row, 10 sandbox runs per variant, 10 code-pipeline runs, the development set of semantic
#             precision only; the embedder's PyTorch reference only if its venv is already installed (else n/a).
# Environment: POSTGRES_URL / REDIS_URL for the engine's PostgreSQL rows (skipped without); NOVA_MODEL_DIR (default
# ./models, filled by scripts/fetch-model.sh); BENCH_LOGS, the log folder (default a new temporary one);
# SCRATCH_PATH, the code-search benchmark's build directory (its README).
# Time: the release builds of the benchmarks' products come first when they are not built yet (tens of minutes on 2
# shared cores); --quick is sized to run in under 10 minutes after them.
# LLM keys in the environment are not passed on: every figure here is offline.
set -uo pipefail
cd "$(dirname "$0")/.."
quick=0
[[ "${1:-}" == "--quick" ]] && quick=1
logs="${BENCH_LOGS:-$(mktemp -d /tmp/nova-benchmarks.XXXXXX)}"
mkdir -p "$logs"
unset OPENAI_API_KEY ANTHROPIC_API_KEY
export NOVA_MODEL_DIR="${NOVA_MODEL_DIR:-./models}"
bash scripts/fetch-model.sh >/dev/null

started=$(date +%s)
: >"$logs/durations.txt"

# Runs one benchmark's run.sh (name, then the command), its output into $logs/<name>.log.
run() {
    local name=$1 began
    shift
    began=$(date +%s)
    echo "running $name …" >&2
    "$@" >"$logs/$name.log" 2>"$logs/$name.err" || echo "$name failed (exit $?), see $logs/$name.err" >&2
    echo "$name $(($(date +%s) - began)) s" >>"$logs/durations.txt"
}

if [[ $quick == 1 ]]; then
    skip_python=1
    [[ -x "${MINILM_BENCH_VENV:-/tmp/minilm-bench-venv}/bin/python" ]] && skip_python=0
    run code-search bash benchmarks/code-search/run.sh 1000 10000
    run embedder env MINILM_BENCH_SECONDS=2 MINILM_BENCH_SKIP_PYTHON=$skip_python bash benchmarks/embedder/run.sh
    run engine env ENGINE_BENCH_EXECUTIONS=50 ENGINE_BENCH_SERIAL=5 bash benchmarks/engine/run.sh
    run sandbox env SANDBOX_BENCH_RUNS=10 SANDBOX_BENCH_BUILD=release bash benchmarks/sandbox/run.sh
    run code-pipeline bash benchmarks/code-pipeline/run.sh 10
    run rag-retrieval bash benchmarks/rag-retrieval/run.sh
    run semantic-precision bash benchmarks/semantic-precision/run.sh benchmarks/semantic-precision/pairs.jsonl
else
    run code-search bash benchmarks/code-search/run.sh
    run embedder bash benchmarks/embedder/run.sh
    run engine bash benchmarks/engine/run.sh
    run sandbox env SANDBOX_BENCH_BUILD=release bash benchmarks/sandbox/run.sh
    run code-pipeline bash benchmarks/code-pipeline/run.sh
    run rag-retrieval bash benchmarks/rag-retrieval/run.sh
    run semantic-precision bash benchmarks/semantic-precision/run.sh
fi

echo "# benchmarks$([[ $quick == 1 ]] && echo " (--quick)"), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%d)"
echo
python3 benchmarks/summary.py "$logs"
echo
echo "took $(($(date +%s) - started)) s ($(tr '\n' ',' <"$logs/durations.txt" | sed 's/,$//; s/,/, /g')); logs in $logs"
