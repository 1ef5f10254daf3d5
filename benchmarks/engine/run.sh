#!/usr/bin/env bash
# Engine benchmark (issue 7): engine overhead per node in process (EngineBenchmark), sandbox start-up
# (benchmarks/sandbox), and executions per minute of a real `nova serve` with 4 workers running a 5-node trivial
# workflow, on SQLite and on PostgreSQL, with the engine's overhead per node measured inside nova from each
# execution's timestamps (throughput.py). Prints Markdown tables. See README.md beside this script for numbers.
#
# Environment:
#   ENGINE_BENCH_BUILD       release (default) or debug
#   ENGINE_BENCH_EXECUTIONS  executions submitted at once per backend (default 200)
#   ENGINE_BENCH_SERIAL      executions run one at a time for the in-nova overhead figure (default 20)
#   ENGINE_BENCH_WORKERS     WORKER_CONCURRENCY of the nova under test (default 4)
#   POSTGRES_URL             the server the PostgreSQL row runs on (a fresh database, dropped afterwards); unset: skipped
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

build="${ENGINE_BENCH_BUILD:-release}"
executions="${ENGINE_BENCH_EXECUTIONS:-200}"
serial="${ENGINE_BENCH_SERIAL:-20}"
workers="${ENGINE_BENCH_WORKERS:-4}"
for product in nova EngineBenchmark SandboxBenchmark; do
  swift build -c "$build" --product "$product" >&2
done
bin="$(swift build -c "$build" --show-bin-path)"
scratch="$(mktemp -d)"
server=""
database=""
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  [[ -n "$database" ]] && psql "$POSTGRES_URL" -qc "DROP DATABASE IF EXISTS $database" >/dev/null
  rm -rf "$scratch"
}
trap cleanup EXIT

echo "# engine benchmark, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(uname -r), $build build"
echo
echo "## Engine overhead per node, in process"
echo
"$bin/EngineBenchmark"
echo
echo "## Sandbox start-up"
echo
SANDBOX_BENCHMARK_BIN="$bin/SandboxBenchmark" bash benchmarks/sandbox/run.sh | tail -n +2
echo
echo "## nova serve, $workers workers, 5-node workflow (3 sandboxed actions), $executions executions submitted at once"
echo
echo "| store + queue | executions/min | seconds for $executions | engine overhead ms/node in nova (median of $serial serial runs) | max | wall ms/node |"
echo "|---|---:|---:|---:|---:|---:|"

# Starts nova on a free port with the given extra variables, runs throughput.py against it, prints a table row.
measure() {
  local label="$1"
  shift
  local port
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  local data="$scratch/$port"
  mkdir -p "$data"
  env -u REDIS_URL -u DATABASE_URL HOST=127.0.0.1 PORT="$port" NOVA_DATA_DIR="$data" WORKER_CONCURRENCY="$workers" SANDBOX_NETWORK=none \
    RATE_LIMIT_PER_MINUTE=1000000 LOG_LEVEL=warning "$@" "$bin/nova" serve >"$data/nova.log" 2>&1 &
  server=$!
  for _ in $(seq 300); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    sleep 0.1
  done
  local result
  result="$(python3 benchmarks/engine/throughput.py "http://127.0.0.1:$port" "$executions" "$serial")"
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=""
  python3 -c '
import json, sys
r = json.loads(sys.argv[2])
print("| %s | %.1f | %.1f | %.2f | %.2f | %.1f |" % (sys.argv[1], r["executions_per_minute"], r["seconds"],
      r["overhead_ms_per_node_median"], r["overhead_ms_per_node_max"], r["wall_ms_per_node_median"]))' "$label" "$result"
}

measure "SQLite + in-process queue"
if [[ -n "${POSTGRES_URL:-}" ]]; then
  database="engine_bench_$$"
  psql "$POSTGRES_URL" -qc "CREATE DATABASE $database" >/dev/null
  url="$(python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' "$POSTGRES_URL" "$database")"
  measure "PostgreSQL + in-process queue" DATABASE_URL="$url"
  if [[ -n "${REDIS_URL:-}" ]]; then
    measure "PostgreSQL + Redis queue" DATABASE_URL="$url" REDIS_URL="$REDIS_URL" REDIS_QUEUE_KEY="engine-bench-$$" \
      NOVA_SECRET_KEY="engine benchmark key, not a secret"
  else
    echo "| PostgreSQL + Redis queue | skipped: REDIS_URL not set | | | | |"
  fi
else
  echo "| PostgreSQL + in-process queue | skipped: POSTGRES_URL not set | | | | |"
  echo "| PostgreSQL + Redis queue | skipped: POSTGRES_URL not set | | | | |"
fi
