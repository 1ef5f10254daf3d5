#!/usr/bin/env bash
# Writes the OpenAPI documents both services serve (GET /openapi.json) into OUTDIR as nova.json and nova-rag.json, with
# sorted keys (the services' member order varies from run to run), from the binaries in BINDIR (default: the debug
# build), each started on loopback with an empty data directory and stopped again. Comparing two such folders (before and after a change) shows whether the wire description changed:
#   scripts/openapi-documents.sh /tmp/before && … && scripts/openapi-documents.sh /tmp/after && diff -r /tmp/before /tmp/after
# Usage: scripts/openapi-documents.sh OUTDIR [BINDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/packages.sh
out="${1:?usage: scripts/openapi-documents.sh OUTDIR [BINDIR]}"
bin="${2:-$(swift build --show-bin-path)}"
mkdir -p "$out"
data=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; rm -rf "$data"' EXIT

# Starts "$@" (after the name $1) on a free loopback port, waits for its /health and saves its /openapi.json as
# $out/$1.json.
fetch_document() {
    local name="$1" port
    shift
    port=$(nova_free_port)
    env HOST=127.0.0.1 PORT="$port" "$@" >"$data/$name.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 100); do
        curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
        sleep 0.1
    done
    curl -sf "http://127.0.0.1:$port/openapi.json" | python3 -m json.tool --sort-keys >"$out/$name.json"
}

fetch_document nova NOVA_DATA_DIR="$data/nova" "$bin/nova" serve --no-workers
fetch_document nova-rag NOVA_RAG_DATA_DIR="$data/rag" EMBEDDING_PROVIDER=hash "$bin/nova-rag" serve
sha256sum "$out/nova.json" "$out/nova-rag.json"
