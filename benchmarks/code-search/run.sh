#!/usr/bin/env bash
# /code/search benchmark: nova-rag over loopback HTTP at 1k, 10k and 100k entries (hash embedder at 384 dimensions,
# so embedding cost is out), side by side with ChromaDB's in-process PersistentClient on the same vectors and queries.
# Prints one table. Usage: benchmarks/code-search/run.sh [sizes…]   (default: 1000 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/../.."
here=benchmarks/code-search
sizes=("${@:-1000 10000 100000}")
read -r -a sizes <<<"${sizes[*]}"

command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
venv=/tmp/nova-bench-chroma
[ -x "$venv/bin/python" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q chromadb; }

swift build -c release --product nova-rag >/dev/null
bin="$(swift build -c release --show-bin-path)/nova-rag"
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
export EMBEDDING_PROVIDER=hash EMBEDDING_DIMENSIONS=384 LOG_LEVEL=warning HOST=127.0.0.1
python3 $here/workload.py queries 200 >"$work/queries.jsonl"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

printf '%-8s | %-28s | %-28s | %-22s | %-18s | %s\n' entries "p50 ms nova / chroma (x)" "p99 ms nova / chroma (x)" "req/s (16 clients)" "startup s" "RSS MiB nova / chroma"
for n in "${sizes[@]}"; do
    data="$work/data-$n"
    python3 $here/workload.py saves "$n" >"$work/saves-$n.jsonl"
    NOVA_RAG_DATA_DIR="$data" "$bin" import "$work/saves-$n.jsonl"
    started=$(date +%s.%N)
    NOVA_RAG_DATA_DIR="$data" PORT=$port "$bin" serve >"$work/serve-$n.log" 2>&1 &
    pid=$!
    until curl -fs "http://127.0.0.1:$port/health" | grep -q '"vector_store_ready":true'; do sleep 0.01; done
    startup=$(python3 -c "print(f'{$(date +%s.%N) - $started:.2f}')")
    nova=$(python3 $here/latency.py "$port" "$work/queries.jsonl")
    rps=$(QUERIES="$work/queries.jsonl" wrk -t2 -c16 -d10s -s $here/wrk-search.lua "http://127.0.0.1:$port" | awk '/Requests\/sec/ {print $2}')
    rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
    chroma=$(PYTHONPATH=$here "$venv/bin/python" $here/chroma_bench.py "$n" 2>/dev/null | tail -n 1)
    python3 - "$n" "$nova" "$chroma" "$rps" "$startup" "$rss" <<'PY'
import json, sys
n, nova, chroma, rps, startup, rss = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3]), float(sys.argv[4]), sys.argv[5], sys.argv[6]
cell = lambda a, b: f"{a:.3f} / {b:.3f} ({b / a:.1f}x)"
print(f"{n:<8} | {cell(nova['p50'], chroma['p50']):<28} | {cell(nova['p99'], chroma['p99']):<28} | "
      f"{rps:.0f} / {chroma['rps']:.0f} ({rps / chroma['rps']:.1f}x){'':<3} | {startup} / {chroma['startup_s']:.2f}{'':<5} | {rss} / {chroma['rss_mib']:.0f}")
PY
done
