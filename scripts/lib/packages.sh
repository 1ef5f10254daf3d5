# Installs the Debian packages Nova needs to build, test and run (sourced by demo.sh and test.sh).
NOVA_DEBIAN_PACKAGES=(
    libcurl4-openssl-dev libpq-dev libhiredis-dev libsqlite3-dev libopenblas-dev
    postgresql redis-server bubblewrap slirp4netns iproute2 python3 python3-venv python3-yaml curl docker-compose e2fsprogs
)

# Installs the packages of NOVA_DEBIAN_PACKAGES and any named as arguments (scripts/ui-test.sh adds chromium) that
# are missing.
nova_install_packages() {
    local missing=()
    for package in "${NOVA_DEBIAN_PACKAGES[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "installing Debian packages: ${missing[*]}"
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

# Prints a TCP port that is free on loopback right now.
nova_free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
