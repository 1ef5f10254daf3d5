#!/usr/bin/env bash
# Runs the dashboard's browser test (Tests/UI/dashboard_test.py): Debian's headless Chromium, driven by Playwright
# for Python, against the nova and nova-rag binaries of BIN_DIR (default: the debug build), started by the test on
# loopback with SQLite in a temporary directory. Installs Debian's chromium (Playwright never downloads a browser here)
# and Playwright into a virtual environment (NOVA_UI_VENV, default ~/.cache/nova/ui-test-venv), and the MiniLM
# weights nova-rag needs. Prints the folder of the screenshots (NOVA_UI_SCREENSHOTS to choose it) and the
# measurements quoted in the README.
#
#   scripts/ui-test.sh [BIN_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/packages.sh
source scripts/lib/sandbox.sh

readonly PLAYWRIGHT_VERSION="1.65.3"

nova_install_packages chromium
bash scripts/fetch-model.sh >/dev/null
nova_choose_sandbox_venv
bin="${1:-$(swift build --show-bin-path)}"
venv="${NOVA_UI_VENV:-$HOME/.cache/nova/ui-test-venv}"
if ! "$venv/bin/python" -c "import playwright, sys; from importlib.metadata import version; sys.exit(version('playwright') != '$PLAYWRIGHT_VERSION')" 2>/dev/null; then
    echo "installing Playwright $PLAYWRIGHT_VERSION for Python into $venv (no browser download)"
    python3 -m venv "$venv"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 "$venv/bin/pip" install -q "playwright==$PLAYWRIGHT_VERSION"
fi
timeout --kill-after=15 300 "$venv/bin/python" Tests/UI/dashboard_test.py "$bin"
