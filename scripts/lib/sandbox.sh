# Chooses where the sandbox's virtual environment lives (sourced by demo.sh and test.sh). Nova run as root starts node
# code as nobody, who must be able to reach the environment: from a checkout nobody cannot reach (under root's 0700
# home, say) the default ./data/sandbox-venv would leave node code unable to start, so NOVA_SANDBOX_VENV, when unset,
# becomes /opt/nova/sandbox-venv (where the nova image has it). An explicit NOVA_SANDBOX_VENV is kept as it is.
nova_choose_sandbox_venv() {
    if [ -n "${NOVA_SANDBOX_VENV:-}" ] || [ "$(id -u)" -ne 0 ]; then return 0; fi
    if setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$PWD"; then return 0; fi
    export NOVA_SANDBOX_VENV=/opt/nova/sandbox-venv
    echo "the sandbox user (nobody) cannot reach $PWD: the sandbox's virtual environment goes to $NOVA_SANDBOX_VENV"
}
