#!/usr/bin/env bash
# /code/search benchmark: nova-rag over loopback HTTP at 1k, 10k and 100k entries (hash embedder at 384 dimensions,
# so embedding cost is out), side by side with ChromaDB's in-process PersistentClient on the same vectors and queries.
# Prints two tables: unfiltered searches (entries over 10 workflows), then searches filtered by workflow_id with the
# entries spread over 10 and over 1,000 workflows, with recall@5 of nova-rag's vector search against its own Float32
# brute force (recall/main.swift, built from the index's sources).
# Usage: benchmarks/code-search/run.sh [sizes…]   (default: 1000 10000 100000)
# SCRATCH_PATH: SwiftPM's build directory for the release build (default .build).
set -euo pipefail
cd "$(dirname "$0")/../.."
here=benchmarks/code-search
sizes=("${@:-1000 10000 100000}")
read -r -a sizes <<<"${sizes[*]}"
scratch=${SCRATCH_PATH:-.build}

command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
venv=/tmp/nova-bench-chroma
[ -x "$venv/bin/python" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q chromadb; }

swift build -c release --product nova-rag --scratch-path "$scratch" >/dev/null
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/nova-rag"
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
index_sources=(Sources/RAGCore/SemanticCache/{VectorIndex,QuantisedSegment,QuantisedVector,QuantisedDot,QuantisedSearch,QuantisedScoreBound,TopK}.swift
    Sources/RAGCore/Embedding/VectorMath.swift)
swiftc -O -wmo -parse-as-library -package-name nova -module-name RecallCheck $here/recall/main.swift "${index_sources[@]}" -o "$work/recall"
export EMBEDDING_PROVIDER=hash EMBEDDING_DIMENSIONS=384 LOG_LEVEL=warning HOST=127.0.0.1
python3 $here/workload.py queries 200 >"$work/queries.jsonl"
for w in 10 1000; do python3 $here/workload.py queries 200 $w >"$work/queries-$w.jsonl"; done
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

# Imports N entries over W workflows into $work/data-N-W and starts nova-rag on it; sets pid and startup.
serve() {
    local n=$1 w=$2 data="$work/data-$1-$2"
    python3 $here/workload.py saves "$n" "$w" >"$work/saves.jsonl"
    NOVA_RAG_DATA_DIR="$data" "$bin" import "$work/saves.jsonl"
    local started
    started=$(date +%s.%N)
    NOVA_RAG_DATA_DIR="$data" PORT=$port "$bin" serve >"$work/serve-$n-$w.log" 2>&1 &
    pid=$!
    until curl -fs "http://127.0.0.1:$port/health" | grep -q '"vector_store_ready":true'; do sleep 0.01; done
    startup=$(python3 -c "print(f'{$(date +%s.%N) - $started:.2f}')")
}

# Latency JSON, then requests/s, of the queries in file $1 against the running nova-rag.
measure() {
    python3 $here/latency.py "$port" "$1"
    QUERIES="$1" wrk -t2 -c16 -d10s -s $here/wrk-search.lua "http://127.0.0.1:$port" | awk '/Requests\/sec/ {print $2}'
}

stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

# Recall@5 JSON of the store of N entries over W workflows.
recall() {
    mkdir -p "$work/recall-$1-$2"
    python3 $here/recall_inputs.py "$work/data-$1-$2/nova-rag.sqlite" "$2" "$work/recall-$1-$2"
    "$work/recall" "$work/recall-$1-$2"
    rm -rf "$work/recall-$1-$2"
}

: >"$work/filtered.txt"
printf '%-8s | %-28s | %-28s | %-22s | %-18s | %s\n' entries "p50 ms nova / chroma (x)" "p99 ms nova / chroma (x)" "req/s (16 clients)" "startup s" "RSS MiB nova / chroma"
for n in "${sizes[@]}"; do
    serve "$n" 10
    { read -r nova; read -r rps; } < <(measure "$work/queries.jsonl")
    { read -r nova10; read -r rps10; } < <(measure "$work/queries-10.jsonl")
    rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)
    stop
    recall10=$(recall "$n" 10)
    chroma=$(PYTHONPATH=$here "$venv/bin/python" $here/chroma_bench.py "$n" 10 2>/dev/null | tail -n 1)
    serve "$n" 1000
    { read -r nova1000; read -r rps1000; } < <(measure "$work/queries-1000.jsonl")
    stop
    recall1000=$(recall "$n" 1000)
    rm -rf "$work/data-$n-10" "$work/data-$n-1000"
    chroma1000=$(PYTHONPATH=$here "$venv/bin/python" $here/chroma_bench.py "$n" 1000 filtered-only 2>/dev/null | tail -n 1)
    python3 - "$n" "$nova" "$chroma" "$rps" "$startup" "$rss" <<'PY'
import json, sys
n, nova, chroma, rps, startup, rss = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3]), float(sys.argv[4]), sys.argv[5], sys.argv[6]
cell = lambda a, b: f"{a:.3f} / {b:.3f} ({b / a:.1f}x)"
print(f"{n:<8} | {cell(nova['p50'], chroma['p50']):<28} | {cell(nova['p99'], chroma['p99']):<28} | "
      f"{rps:.0f} / {chroma['rps']:.0f} ({rps / chroma['rps']:.1f}x){'':<3} | {startup} / {chroma['startup_s']:.2f}{'':<5} | {rss} / {chroma['rss_mib']:.0f}")
PY
    echo "$n 10: $nova10 $rps10 $recall10; 1000: $nova1000 $rps1000 $recall1000 $chroma1000" >&2
    python3 - "$n" "$nova10" "$rps10" "$chroma" "$recall10" "$nova1000" "$rps1000" "$chroma1000" "$recall1000" >>"$work/filtered.txt" <<'PY'
import json, sys
n = sys.argv[1]
cell = lambda a, b: f"{a:.3f} / {b:.3f} ({b / a:.1f}x)"
load = lambda text: json.loads(text) if text.strip() else {}
nan = float("nan")
for workflows, nova, rps, chroma, recall in ((10, *sys.argv[2:6]), (1000, *sys.argv[6:10])):
    nova, rps, recall = load(nova) or {"p50": nan, "p99": nan}, float(rps or nan), load(recall)
    chroma = load(chroma).get("filtered", {"p50": nan, "p99": nan, "rps": nan})
    print(f"{n:<8} | {workflows:<9} | {cell(nova['p50'], chroma['p50']):<28} | {cell(nova['p99'], chroma['p99']):<28} | "
          f"{rps:.0f} / {chroma['rps']:.0f} ({rps / chroma['rps']:.1f}x){'':<3} | "
          f"{recall.get('recall_all', float('nan')):.3f} / {recall.get('recall_filtered', float('nan')):.3f}{'':<5} | "
          f"{recall.get('index_ms_filtered', float('nan')):.3f} / {recall.get('float32_ms_filtered', float('nan')):.3f}")
PY
done
echo
echo "filtered by workflow_id (the query's workflow; chroma: where={\"workflow_id\": …}); recall@5 of the index against its Float32 scan"
printf '%-8s | %-9s | %-28s | %-28s | %-22s | %-18s | %s\n' entries workflows "p50 ms nova / chroma (x)" "p99 ms nova / chroma (x)" "req/s (16 clients)" "recall@5 all / filt" "index ms filt: int8 / f32"
cat "$work/filtered.txt"
