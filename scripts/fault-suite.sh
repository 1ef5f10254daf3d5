#!/usr/bin/env bash
# The fault suite of issue #21 (run by scripts/test.sh on the release binaries, a few minutes): restarts Redis empty
# and PostgreSQL in the middle of 50 executions, kills nova-rag during saves, kills `nova serve` (embedded) and a
# `nova worker` (production) at random points over 100 executions, and fills the data disk of nova and nova-rag
# (a small tmpfs: root only, skipped otherwise). It starts its own PostgreSQL, Redis, nova and nova-rag on free
# loopback ports, so the servers of scripts/test.sh (POSTGRES_URL, REDIS_URL) are never touched, and prints
#   fault | tried | survived | failed | seconds
# per fault; it fails if any execution, acknowledged save or full-disk check broke its guarantee, or a sandbox
# outlived every nova of a fault, each one explained with the ids, their states and the tail of the server logs. The
# driver and what proves "ran once": scripts/lib/fault_*.py.
#   usage: scripts/fault-suite.sh <folder holding the release nova and nova-rag>
# Needs NOVA_SANDBOX_VENV (default ./data/sandbox-venv, made by scripts/setup-sandbox.sh), postgresql, redis-server.
set -euo pipefail
cd "$(dirname "$0")/.."

bin="$(cd "${1:?usage: scripts/fault-suite.sh <release bin folder>}" && pwd)"
venv="$(cd "${NOVA_SANDBOX_VENV:-data/sandbox-venv}" 2>/dev/null && pwd)" || {
    echo "fault suite: no sandbox virtual environment at ${NOVA_SANDBOX_VENV:-data/sandbox-venv} (run scripts/setup-sandbox.sh)" >&2
    exit 1
}

work=$(mktemp -d)
chmod 755 "$work"
knowledge="$work/knowledge"
mkdir "$knowledge"
driver=""
finish() {
    if [ -n "$driver" ]; then
        kill -TERM "$driver" 2>/dev/null || true
        wait "$driver" 2>/dev/null || true
    fi
    # What a driver killed before its own clean-up would leave: its PostgreSQL (fast shutdown) and a mounted tmpfs.
    if [ -f "$work/postgres/data/postmaster.pid" ]; then
        kill -INT "$(head -n 1 "$work/postgres/data/postmaster.pid")" 2>/dev/null || true
        sleep 1
    fi
    grep -o " $work/[^ ]*" /proc/mounts | xargs -r -n 1 umount -l 2>/dev/null || true
    rm -rf "$work"
}
trap finish EXIT
trap 'exit 130' INT TERM

# The whole suite is bounded: a fault that hangs fails the run instead of holding CI.
timeout --kill-after=20 480 python3 scripts/lib/fault_suite.py "$bin" "$work" "$venv" "$knowledge" &
driver=$!
status=0
wait "$driver" || status=$?
driver=""
exit "$status"
