#!/usr/bin/env bash
# Runs the release binaries the way deploy/Dockerfile's targets nova and nova-rag run them, without Docker,
# and checks `/health` of both and one search through nova (issue 10). Run by scripts/test.sh; fails on any miss.
#   usage: scripts/release-check.sh <folder holding the release nova and nova-rag>
# Like the images:
#   - the environment is exactly the target's `ENV` (image paths mapped onto a temporary image tree, /data onto
#     a fresh data directory per service), `PORT` set from outside as Railway does, plus the variables an operator
#     sets (keys, RAG_SERVICE_URL); the command is the target's `CMD`; no HOME, no TMPDIR;
#   - an unprivileged user: `nobody` when this runs as root (as in CI), else the calling user;
#   - the working directory is the image's /app, which that user cannot write;
#   - a read-only root file system: bubblewrap binds / read-only and only the service's data directory writable
#     (stricter than docker-compose.yml, which adds a tmpfs /tmp), so a write anywhere else fails the start.
# Needs NOVA_SANDBOX_VENV (default ./data/sandbox-venv, made by scripts/setup-sandbox.sh): the image has one.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/packages.sh

bin="$(cd "${1:?usage: scripts/release-check.sh <release bin folder>}" && pwd)"
venv="$(cd "${NOVA_SANDBOX_VENV:-data/sandbox-venv}" 2>/dev/null && pwd)" || {
    echo "release check: no sandbox virtual environment at ${NOVA_SANDBOX_VENV:-data/sandbox-venv} (run scripts/setup-sandbox.sh)" >&2
    exit 1
}
models="${NOVA_MODEL_DIR:-models}"
started=$(date +%s)

work=$(mktemp -d)
chmod 755 "$work"
pids=()
finish() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap finish EXIT

# The image tree: executables in /usr/local/bin, /app (models, knowledge) owned by root and read-only to the user.
image="$work/image"
mkdir -p "$image/usr/local/bin" "$image/app" "$work/logs"
install -m 755 "$bin/nova" "$bin/nova-rag" "$image/usr/local/bin/"
cp -r "$models" "$image/app/models"
cp -r knowledge "$image/app/knowledge"
chmod -R a+rX,go-w "$image"

run_as=()
if [ "$(id -u)" -eq 0 ]; then
    run_as=(setpriv --reuid=65534 --regid=65534 --clear-groups --)
    user=nobody
else
    user=$(id -un)
fi

# Prints the ENV assignments of deploy/Dockerfile's stage <target> (one per line, image paths mapped) and then its CMD
# (one word per line after a line `--`).
dockerfile_runtime() {
    python3 - deploy/Dockerfile "$1" "$2" "$image/app" "$venv" <<'PY'
import json, re, shlex, sys
dockerfile, target, data, app, venv = sys.argv[1:6]
mapping = {"/data": data, "/app": app, "/opt/nova/sandbox-venv": venv}
stages = open(dockerfile).read().replace("\\\n", " ").split("\nFROM ")
final = next((stage for stage in stages if stage.splitlines()[0].endswith(" AS " + target)), None)
if final is None:
    sys.exit(f"{dockerfile}: no stage {target}")
for line in final.splitlines():
    if line.startswith("ENV "):
        for assignment in shlex.split(line[4:]):
            key, value = assignment.split("=", 1)
            if value.startswith("/"):
                root = next((path for path in mapping if value == path or value.startswith(path + "/")), None)
                if root is None:
                    sys.exit(f"{dockerfile}: ENV {key}={value} is a path this check does not know how to map")
                value = mapping[root] + value[len(root):]
            print(f"{key}={value}")
command = re.search(r"^CMD (\[.*\])$", final, re.M)
if command is None:
    sys.exit(f"{dockerfile}: no CMD [...] line")
print("--")
print("\n".join(json.loads(command.group(1))))
PY
}

# start <target> <port> [KEY=VALUE…]: starts the service as the image of that target would, in the background.
start() {
    local name="$1" port="$2"
    shift 2
    local data="$work/$name-data"
    mkdir -p "$data"
    chmod 700 "$data"
    [ "$(id -u)" -ne 0 ] || chown 65534:65534 "$data"
    local runtime environment=() command=() seen_separator=0 line
    runtime=$(dockerfile_runtime "$name" "$data")
    while IFS= read -r line; do
        if [ "$line" = "--" ]; then
            seen_separator=1
        elif [ "$seen_separator" -eq 0 ]; then
            environment+=("$line")
        else
            command+=("$line")
        fi
    done <<<"$runtime"
    environment+=("PATH=$image/usr/local/bin:/usr/local/bin:/usr/bin:/bin" "PORT=$port" "$@")
    echo "$name: ${command[*]} as $user in $image/app, read-only root, writable $data"
    env -i "${environment[@]}" "${run_as[@]}" \
        bwrap --ro-bind / / --dev /dev --bind /proc /proc --bind "$data" "$data" --die-with-parent --chdir "$image/app" \
        -- "${command[@]}" >"$work/logs/$name.log" 2>&1 &
    pids+=($!)
}

# wait_healthy <name> <url>: waits until <url> answers 200, failing with the service's log if it exits or never does.
wait_healthy() {
    local name="$1" url="$2" pid="${pids[-1]}"
    for _ in $(seq 600); do
        if curl -fsS "$url" >/dev/null 2>&1; then
            echo "$name GET /health → $(curl -fsS "$url")"
            return 0
        fi
        if ! kill -0 "$pid" 2>/dev/null; then break; fi
        sleep 0.2
    done
    echo "release check: $name did not become healthy; its log:" >&2
    tail -n 40 "$work/logs/$name.log" >&2
    exit 1
}

rag_key="release-check-rag-$RANDOM$RANDOM"
nova_key="release-check-nova-$RANDOM$RANDOM"
rag_port=$(nova_free_port)
start nova-rag "$rag_port" "RAG_API_KEY=$rag_key"
wait_healthy nova-rag "http://127.0.0.1:$rag_port/health"

nova_port=$(nova_free_port)
start nova "$nova_port" "RAG_API_KEY=$rag_key" "NOVA_API_KEYS=$nova_key" \
    "RAG_SERVICE_URL=http://127.0.0.1:$rag_port"
wait_healthy nova "http://127.0.0.1:$nova_port/health"

# nova's /health answers from a background check every 5 s: wait for it to see nova-rag over HTTP.
for _ in $(seq 100); do
    curl -fsS "http://127.0.0.1:$nova_port/health" | grep -q '"rag_service":"connected"' && break
    sleep 0.2
done
curl -fsS "http://127.0.0.1:$nova_port/health" | grep -q '"rag_service":"connected"' || {
    echo "release check: nova never reported rag_service connected" >&2
    tail -n 40 "$work/logs/nova.log" >&2
    exit 1
}

python3 scripts/lib/search-round-trip.py "http://127.0.0.1:$nova_port" "http://127.0.0.1:$rag_port" "$nova_key" "$rag_key" || {
    echo "release check: nova's log:" >&2
    tail -n 40 "$work/logs/nova.log" >&2
    exit 1
}

for file in "$work/nova-rag-data/nova-rag.sqlite" "$work/nova-data/nova.sqlite"; do
    [ -f "$file" ] || {
        echo "release check: $file is missing: the service did not keep its data in its data directory" >&2
        exit 1
    }
done
grep -hE 'sandbox (enforced|degraded|refused)' "$work/logs/nova.log" | head -n 1 || true
echo "release check passed in $(($(date +%s) - started)) s"
