#!/usr/bin/env bash
# Creates (or updates) the virtual environment whose python3 runs node code in the sandbox, and installs
# deploy/sandbox-requirements.txt into it. Idempotent: an existing environment is reused, pip runs only when the
# requirements changed since the environment was last updated, and then installs only what is missing or pinned
# differently.
#   NOVA_SANDBOX_VENV     where the environment goes (default ./data/sandbox-venv); nova reads the same variable
#   NOVA_SANDBOX_PYTHON   the interpreter it is made from (default /usr/bin/python3, which the sandbox can see: the
#                         environment's python3 links to it, and the sandbox binds only /usr, /etc, /lib* and the venv)
set -euo pipefail
cd "$(dirname "$0")/.."

venv="${NOVA_SANDBOX_VENV:-./data/sandbox-venv}"
base_python="${NOVA_SANDBOX_PYTHON:-/usr/bin/python3}"
requirements="deploy/sandbox-requirements.txt"

if ! "$base_python" -c 'import ensurepip, venv' 2>/dev/null; then
    echo "installing python3-venv"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv >/dev/null
fi

if [ ! -x "$venv/bin/python3" ]; then
    echo "creating the sandbox virtual environment at $venv"
    mkdir -p "$(dirname "$venv")"
    "$base_python" -m venv "$venv"
fi

# The environment records the requirements it was made from: an unchanged file costs no pip run (CI runs this
# script every time; a cached ./data keeps the environment).
stamp="$venv/.requirements.sha256"
wanted=$(sha256sum "$requirements" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    "$venv/bin/python3" -m pip install --quiet --disable-pip-version-check --no-input -r "$requirements"
    echo "$wanted" >"$stamp"
fi
# The sandbox runs as an unprivileged user: the environment must be readable and searchable by everyone.
chmod -R a+rX "$venv"

echo "sandbox virtual environment ready: $(cd "$venv" && pwd)"
"$venv/bin/python3" -c 'import sys; print("python", sys.version.split()[0])'
