#!/usr/bin/env bash
# Proves the sandbox inside an ordinary container (issue 22; scripts/container-check.sh checks the whole stack): runs a host-built `nova` in a podman container as the unprivileged user `nova`, under the runtime's
# default seccomp profile, with no added capability or device, and checks that /health/components reports an
# enforced sandbox and that node code run through the API cannot read /proc/1/environ or nova's data, write outside
# its scratch directory, open a socket or signal nova. Long (a first run makes a Debian base image with debootstrap,
# a few minutes): not part of scripts/test.sh.
#   usage: scripts/container-sandbox-check.sh [BIN_DIR]       (default .build/debug; the host must be Debian 12 too)
#   NOVA_CHECK_SECCOMP=<profile.json> runs the container under that seccomp profile instead (Docker's, say).
# Needs root (apt-get, debootstrap, rootful podman) and the sandbox's virtual environment (scripts/setup-sandbox.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/packages.sh
source scripts/lib/containers.sh

bin="$(cd "${1:-.build/debug}" && pwd)"
venv="$(cd "${NOVA_SANDBOX_VENV:-data/sandbox-venv}" 2>/dev/null && pwd -P)" || {
    echo "container sandbox check: no virtual environment at ${NOVA_SANDBOX_VENV:-data/sandbox-venv} (run scripts/setup-sandbox.sh)" >&2
    exit 1
}
image=localhost/nova-sandbox-check:latest
name=nova-sandbox-check-$$
started=$(date +%s)

nova_install_podman

work=$(mktemp -d)
finish() {
    podman rm -f "$name" >/dev/null 2>&1 || true
    podman rmi -f "$image" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap finish EXIT

nova_containers_conf "$work"
nova_base_image "$work"

# The image: nova, the Swift runtime libraries it links that Debian does not ship, the virtual environment, and the
# user and layout of deploy/Dockerfile's target nova.
context="$work/context"
mkdir -p "$context/lib"
install -m 755 "$bin/nova" "$context/nova"
ldd "$bin/nova" | awk '$3 ~ /^\// && $3 !~ /^\/(usr\/)?lib\// {print $3}' | xargs -r cp -L -t "$context/lib"
cp -a "$venv" "$context/sandbox-venv"
cat >"$context/Containerfile" <<'CONTAINERFILE'
FROM localhost/nova-check-base:bookworm
COPY lib/ /usr/local/lib/nova/
COPY nova /usr/local/bin/nova
COPY sandbox-venv /opt/nova/sandbox-venv
RUN echo /usr/local/lib/nova > /etc/ld.so.conf.d/nova.conf && ldconfig \
    && groupadd --system --gid 10001 nova && useradd --system --uid 10001 --gid nova --home-dir /data nova \
    && mkdir /data && chown nova:nova /data && chmod -R a+rX /opt/nova
ENV HOST=0.0.0.0 PORT=8000 NOVA_DATA_DIR=/data NOVA_SANDBOX_VENV=/opt/nova/sandbox-venv
USER nova
CMD ["nova", "serve"]
CONTAINERFILE
build_started=$(date +%s)
podman build --format docker -q -t "$image" "$context" >/dev/null
echo "image $image built in $(($(date +%s) - build_started)) s, $(podman image inspect "$image" --format '{{.Size}}') bytes"

key="container-check-$RANDOM$RANDOM"
port=$(nova_free_port)
security=()
[ -n "${NOVA_CHECK_SECCOMP:-}" ] && security=(--security-opt "seccomp=$NOVA_CHECK_SECCOMP")

# start_nova [-e KEY=VALUE…]: (re)starts the nova container, waits for /health and prints the sandbox's state.
start_nova() {
    podman rm -f "$name" >/dev/null 2>&1 || true
    local launched
    launched=$(date +%s)
    podman run -d --name "$name" "${security[@]}" -p "127.0.0.1:$port:8000" -e NOVA_API_KEYS="$key" -e SANDBOX_NETWORK=none \
        "$@" "$image" >/dev/null
    for _ in $(seq 300); do
        curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
        sleep 0.2
    done
    curl -fsS "http://127.0.0.1:$port/health" >/dev/null || {
        echo "container sandbox check: nova did not become healthy; its log:" >&2
        podman logs "$name" 2>&1 | tail -n 40 >&2
        exit 1
    }
    echo "container $name (${*:-no extra settings}): user $(podman exec "$name" id -un), seccomp profile ${NOVA_CHECK_SECCOMP:-the runtime default}," \
        "healthy $(($(date +%s) - launched)) s after podman run"
    curl -fsS -H "Authorization: Bearer $key" "http://127.0.0.1:$port/health/components" | python3 -c '
import json, sys
components = json.load(sys.stdin)
for field in ("sandbox", "sandbox_mode", "sandbox_reason"):
    print(field + ":", components[field])'
}

# containment <enforced|refused>: runs the probing workflow and checks its outcome, with nova's log on failure.
containment() {
    python3 scripts/lib/containment-workflow.py "http://127.0.0.1:$port" "$key" /data "$1" || {
        echo "container sandbox check: nova's log:" >&2
        podman logs "$name" 2>&1 | tail -n 40 >&2
        exit 1
    }
}

start_nova
containment enforced
start_nova -e SANDBOX_ISOLATION=namespaces
containment refused
echo "container sandbox check passed in $(($(date +%s) - started)) s"
