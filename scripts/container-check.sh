#!/usr/bin/env bash
# The whole stack in containers (issue 22): builds both images from deploy/Dockerfile with podman (one Swift build),
# brings up docker-compose.yml with podman-compose, runs the example workflow through API → Redis → worker, kills
# the worker container in the middle of a run and checks that another worker finishes it, restarts the PostgreSQL
# container and checks that nova recovers, runs the sandbox's containment checks inside the nova container (through
# the API: /proc/1/environ, nova's data, writes outside the scratch directory, nova-rag, PostgreSQL, Redis and the
# host directly and through the egress proxy), and tears everything down. Prints image sizes, build time, start-up
# time to healthy and each check's result; exits 1 when a check failed.
#   usage: scripts/container-check.sh         (as root: apt-get, rootful podman; long, so not in scripts/test.sh)
# Where Docker Hub cannot be reached, it makes its own images: the Debian base with debootstrap, the Swift builder
# from that base and this machine's /opt/swift and /opt/swift-packages (mounted into the build), and stand-ins for
# postgres:16 and redis:7 from Debian's packages on the same base. The Dockerfile and compose file run unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/packages.sh
source scripts/lib/containers.sh

[ "$(id -u)" -eq 0 ] || { echo "container check: run as root (apt-get, rootful podman)" >&2; exit 1; }
started=$(date +%s)
nova_install_podman compose
work=$(mktemp -d)
project=novacheck
compose=(podman-compose -p "$project" --env-file "$work/.env" -f docker-compose.yml)
finish() {
    podman rm -f "${project}_nova-worker_2" >/dev/null 2>&1 || true
    "${compose[@]}" down -v >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap finish EXIT
nova_containers_conf "$work"

failures=0
# report <PASS|FAIL> <what>: one line per check.
report() {
    echo "$1  $2"
    [ "$1" = PASS ] || failures=$((failures + 1))
}

# Images.
build_options=()
if nova_registry_reachable; then
    echo "Docker Hub answers: building on swift:6.3-bookworm and debian:bookworm-slim"
else
    echo "Docker Hub cannot be reached: local base, builder and stand-in images"
    nova_base_image "$work"
    nova_builder_image "$work"
    nova_stand_in_images "$work"
    mapfile -t volumes < <(nova_build_volumes)
    build_options=(--build-arg "SWIFT_IMAGE=$NOVA_CHECK_BUILDER" --build-arg "RUNTIME_IMAGE=$NOVA_CHECK_BASE" "${volumes[@]}")
fi
build_started=$(date +%s)
for target in nova nova-rag; do
    podman build --format docker -f deploy/Dockerfile --target "$target" -t "localhost/$target:local" "${build_options[@]}" . \
        >"$work/build-$target.log" 2>&1 || {
        tail -n 30 "$work/build-$target.log" >&2
        echo "container check: building the $target image failed" >&2
        exit 1
    }
done
echo "build: both images in $(($(date +%s) - build_started)) s (one Swift build stage, cached between runs)"
for target in nova nova-rag; do
    echo "image $target:local: $(podman image inspect "localhost/$target:local" --format '{{.Size}}' | numfmt --to=iec)," \
        "HEALTHCHECK $(podman image inspect "localhost/$target:local" --format '{{.Config.Healthcheck.Test}}')"
done

# The stack.
api_key="check-$RANDOM$RANDOM"
cat >"$work/.env" <<ENV
RAG_API_KEY=rag-$RANDOM$RANDOM$RANDOM
NOVA_API_KEYS=$api_key
NOVA_SECRET_KEY=$(head -c 32 /dev/urandom | base64)
POSTGRES_PASSWORD=pg-$RANDOM$RANDOM
REDIS_PASSWORD=redis-$RANDOM$RANDOM
LOG_LEVEL=info
ENV
# container <service>: the name podman-compose gives the service's container.
container() { echo "${project}_$1_1"; }
# wait_healthy <seconds> <container…>: runs each container's health check (podman without systemd never runs it by
# itself) until it passes, at most <seconds> each.
wait_healthy() {
    local seconds=$1 name
    shift
    for name in "$@"; do
        for _ in $(seq "$seconds"); do
            podman healthcheck run "$name" >/dev/null 2>&1 && continue 2
            sleep 1
        done
        return 1
    done
}
up_started=$(date +%s)
"${compose[@]}" up -d --no-build >"$work/up.log" 2>&1 || { tail -n 30 "$work/up.log" >&2; exit 1; }
if wait_healthy 300 "$(container postgres)" "$(container redis)" "$(container nova-rag)" "$(container nova-api)" "$(container nova-worker)"; then
    report PASS "stack healthy $(($(date +%s) - up_started)) s after podman-compose up (postgres, redis, nova-rag, nova-api, nova-worker)"
else
    report FAIL "stack not healthy within 300 s"
    for service in nova-rag nova-api nova-worker; do podman logs --tail 15 "$(container "$service")" 2>&1 | sed "s/^/  $service: /"; done
    exit 1
fi
base=http://127.0.0.1:8000
export NOVA_API_KEY=$api_key
components=$(curl -fsS -H "Authorization: Bearer $api_key" "$base/health/components")
echo "nova-api /health/components: $(python3 -c 'import json,sys; c=json.load(sys.stdin); print(c["sandbox"], c["sandbox_mode"], "-", c["sandbox_reason"])' <<<"$components")"
for service in nova-api nova-worker; do
    echo "$service runs as $(podman exec "$(container "$service")" id -un):$(podman exec "$(container "$service")" id -gn), /data owned by $(podman exec "$(container "$service")" stat -c %U:%G /data)"
done

# The example workflow: the seed pack goes into nova-rag's store (the import needs the store to itself), then two runs.
workflow_id=$(python3 scripts/lib/run-demo-workflow.py create "$base")
"${compose[@]}" stop nova-rag >/dev/null 2>&1
podman run --rm -v "${project}_rag-data:/data" -v "$PWD/examples:/examples:ro" -e NOVA_RAG_DATA_DIR=/data -e NOVA_MODEL_DIR=/app/models \
    localhost/nova-rag:local nova-rag import --workflow-id "$workflow_id" /examples/code-pack.json >"$work/import.log" 2>&1 \
    || { tail -n 20 "$work/import.log" >&2; report FAIL "seed pack import"; }
"${compose[@]}" start nova-rag >/dev/null 2>&1
wait_healthy 300 "$(container nova-rag)" || report FAIL "nova-rag healthy again after the import"
if python3 scripts/lib/run-demo-workflow.py run "$base" "$workflow_id" examples/invoices/acme-office-supplies.txt 2 >"$work/demo.log" 2>&1; then
    report PASS "example workflow through API → Redis → worker: $(grep -c 'task SUCCESS' "$work/demo.log") of 2 runs SUCCESS"
else
    report FAIL "example workflow: $(tail -n 5 "$work/demo.log" | tr '\n' ' ')"
fi

# A worker killed in the middle of a run: a second worker container joins (same image, environment and network);
# a slow node is started until it lands on one of the two worker containers (nova-api's own workers read the queue
# too), that container is killed, and the run must finish on another worker once its lease expires.
podman inspect "$(container nova-worker)" --format '{{range .Config.Env}}{{println .}}{{end}}' | grep -v '^$' >"$work/worker.env"
podman run -d --name "${project}_nova-worker_2" --network "${project}_default" --env-file "$work/worker.env" --read-only --tmpfs /tmp \
    localhost/nova:local nova worker >/dev/null
wait_healthy 120 "${project}_nova-worker_2" || report FAIL "second worker healthy"
# slow_run: starts a workflow whose node sleeps 20 s and waits for its end (exit 0 on SUCCESS).
slow_run() {
    python3 - "$base" "$api_key" <<'PY'
import json, sys, time, urllib.request
base, key = sys.argv[1:3]
def call(method, path, body=None):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode() if body is not None else None, method=method,
                                     headers={"Content-Type": "application/json", "Authorization": "Bearer " + key})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"null")
code = "import time\nfor _ in range(20):\n    time.sleep(1)\ncontext['slept'] = 20"
workflow = {"name": f"takeover {time.time()}", "graph_definition": {"network": False, "nodes": [
    {"id": "start", "type": "start"}, {"id": "slow", "type": "action", "executor": "e2b", "code": code, "timeout": 120},
    {"id": "end", "type": "end"}], "edges": [{"from": "start", "to": "slow"}, {"from": "slow", "to": "end"}]}}
task = call("POST", f"/workflows/{call('POST', '/workflows', workflow)['id']}/execute", {"initial_context": {}})["task_id"]
deadline = time.monotonic() + 240
while time.monotonic() < deadline:
    state = call("GET", f"/tasks/{task}")
    if state["status"] not in ("PENDING", "STARTED", "RUNNING"):
        break
    time.sleep(1)
print("task", task, "ended", state["status"], state.get("error") or "", flush=True)
sys.exit(0 if state["status"] == "SUCCESS" else 1)
PY
}
# running_on: the container whose processes include the sandbox's python3, if any.
running_on() {
    local name
    for name in "$(container nova-worker)" "${project}_nova-worker_2" "$(container nova-api)"; do
        podman top "$name" args 2>/dev/null | grep -q 'python3 -I -c' && { echo "$name"; return 0; }
    done
    return 1
}
victim=""
for attempt in 1 2 3 4 5; do
    slow_run >"$work/takeover.log" 2>&1 &
    runner=$!
    host=""
    for _ in $(seq 40); do
        host=$(running_on) && break
        sleep 0.5
    done
    if [ -n "$host" ] && [ "$host" != "$(container nova-api)" ]; then
        victim=$host
        killed_at=$(date +%s)
        podman kill "$victim" >/dev/null
        podman stop -t 0 "$victim" >/dev/null 2>&1 || true
        break
    fi
    wait $runner || true
done
if [ -z "$victim" ]; then
    report FAIL "worker killed mid-run: the slow node never ran on a worker container in 5 tries"
elif wait $runner; then
    report PASS "worker container $victim killed mid-run: another worker finished the run ($(cat "$work/takeover.log")) $(($(date +%s) - killed_at)) s later"
else
    report FAIL "worker $victim killed mid-run: $(tail -n 3 "$work/takeover.log" | tr '\n' ' ')"
fi
podman rm -f "${project}_nova-worker_2" >/dev/null 2>&1 || true
podman start "$(container nova-worker)" >/dev/null 2>&1 || true

# PostgreSQL restarted: nova reports it lost, then healthy again, and runs work.
podman restart "$(container postgres)" >/dev/null
restart_at=$(date +%s)
if wait_healthy 120 "$(container postgres)" "$(container nova-api)" && python3 scripts/lib/run-demo-workflow.py run "$base" "$workflow_id" examples/invoices/acme-office-supplies.txt 1 >"$work/recovery.log" 2>&1; then
    report PASS "PostgreSQL restarted: nova healthy again and a run succeeded $(($(date +%s) - restart_at)) s later"
else
    report FAIL "PostgreSQL restart: $(tail -n 5 "$work/recovery.log" 2>/dev/null | tr '\n' ' ')"
fi

# Containment inside the nova container, through the API: the probing node runs on one of nova's workers.
gateway=$(podman network inspect "${project}_default" --format '{{range .Subnets}}{{.Gateway}}{{end}}')
if python3 scripts/lib/containment-workflow.py "$base" "$api_key" /data enforced \
    "nova-rag:8001,postgres:5432,redis:6379,$gateway:8000" >"$work/containment.log" 2>&1; then
    report PASS "containment (landlock, network only through the egress proxy):"
else
    report FAIL "containment:"
fi
sed 's/^containment: /    /' "$work/containment.log"

echo "container check: $failures failed, $(($(date +%s) - started)) s in all"
[ "$failures" -eq 0 ]
