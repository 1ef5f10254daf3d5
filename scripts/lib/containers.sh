# Podman pieces shared by scripts/container-sandbox-check.sh and scripts/container-check.sh (sourced; both need root).
# Registries may be unreachable here, so images come from Debian's own archive (debootstrap) and this machine's Swift
# toolchain; the Dockerfiles themselves stay as a user with internet builds them.

NOVA_CHECK_BASE=localhost/nova-check-base:bookworm
NOVA_CHECK_BUILDER=localhost/nova-check-builder:6.3

# Installs podman, buildah, debootstrap and their helpers from Debian, and podman-compose from PyPI when asked
# (nova_install_podman compose).
nova_install_podman() {
    local missing=()
    for tool in podman buildah debootstrap slirp4netns newuidmap fuse-overlayfs; do
        command -v "$tool" >/dev/null || missing+=("$tool")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman buildah debootstrap slirp4netns uidmap fuse-overlayfs >/dev/null
    fi
    if [ "${1:-}" = compose ] && ! command -v podman-compose >/dev/null; then
        python3 -m pip install -q podman-compose
    fi
}

# Points CONTAINERS_CONF at a file in DIR with the limits podman needs here (without them every container fails with
# "error setting rlimit … operation not permitted"), unless the caller set one.
nova_containers_conf() {
    if [ -z "${CONTAINERS_CONF:-}" ]; then
        printf '[containers]\ndefault_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]\n' >"$1/containers.conf"
        export CONTAINERS_CONF="$1/containers.conf"
    fi
}

# Makes NOVA_CHECK_BASE unless it exists (DIR is scratch space): Debian 12 minbase from Debian's archive, with the
# runtime packages of deploy/Dockerfile's target nova, so that a host-built nova runs on it as it is.
nova_base_image() {
    local dir=$1
    local packages=libhiredis0.14,libsqlite3-0,libcurl4,ca-certificates,curl,tzdata,python3,python3-venv,bubblewrap,slirp4netns,iproute2,util-linux
    podman image exists "$NOVA_CHECK_BASE" && return 0
    echo "making $NOVA_CHECK_BASE with debootstrap (a few minutes)"
    debootstrap --variant=minbase --include="$packages" bookworm "$dir/rootfs" http://deb.debian.org/debian >"$dir/debootstrap.log" 2>&1 || {
        tail -n 20 "$dir/debootstrap.log" >&2
        return 1
    }
    tar -C "$dir/rootfs" -c . | podman import - "$NOVA_CHECK_BASE" >/dev/null
    rm -rf "$dir/rootfs"
}

# Makes NOVA_CHECK_BUILDER unless it exists: the base with what the official swift:6.3-bookworm image adds to Debian,
# /opt/swift/usr/bin on PATH and git reading github.com from /opt/swift-packages. The toolchain and the package copies
# themselves are this machine's, mounted read-only into each build (nova_build_volumes), not copied (3.3 GB).
nova_builder_image() {
    local dir=$1
    podman image exists "$NOVA_CHECK_BUILDER" && return 0
    echo "making $NOVA_CHECK_BUILDER"
    mkdir -p "$dir/builder"
    cat >"$dir/builder/Containerfile" <<'CONTAINERFILE'
FROM localhost/nova-check-base:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends \
        binutils git gnupg2 libc6-dev libcurl4-openssl-dev libedit2 libgcc-12-dev libncurses6 libpython3-dev libsqlite3-0 \
        libstdc++-12-dev libxml2-dev libz3-dev pkg-config tzdata zlib1g-dev ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && git config --system url./opt/swift-packages/.insteadOf https://github.com/
ENV PATH=/opt/swift/usr/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
CONTAINERFILE
    podman build --format docker -q -t "$NOVA_CHECK_BUILDER" "$dir/builder" >/dev/null
}

# The podman build options that give a build stage this machine's toolchain and Swift package copies.
nova_build_volumes() {
    printf '%s\n' -v /opt/swift:/opt/swift:ro -v /opt/swift-packages:/opt/swift-packages:ro
}

# Makes stand-ins for the postgres:16 and redis:7 images from Debian's PostgreSQL 15 and Redis 7 on NOVA_CHECK_BASE,
# tagged with those names so docker-compose.yml runs them unchanged (DIR is scratch space): the same environment
# (POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB), data paths, commands and health-check tools.
nova_stand_in_images() {
    local dir=$1
    if ! podman image exists docker.io/library/postgres:16; then
        echo "making a stand-in for postgres:16 from Debian's postgresql-15"
        mkdir -p "$dir/postgres"
        cat >"$dir/postgres/entrypoint.sh" <<'SCRIPT'
#!/bin/sh
set -e
mkdir -p "$PGDATA" /run/postgresql
chown -R postgres:postgres "$PGDATA" /run/postgresql
chmod 700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    printf '%s\n' "$POSTGRES_PASSWORD" >/run/postgresql/password
    chown postgres /run/postgresql/password
    runuser -u postgres -- initdb -D "$PGDATA" -U "$POSTGRES_USER" --pwfile=/run/postgresql/password --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    rm /run/postgresql/password
    echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
    runuser -u postgres -- pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
    [ "$POSTGRES_DB" = postgres ] || runuser -u postgres -- createdb -U "$POSTGRES_USER" "$POSTGRES_DB"
    runuser -u postgres -- pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
fi
exec runuser -u postgres -- postgres -D "$PGDATA" -c listen_addresses='*'
SCRIPT
        cat >"$dir/postgres/Containerfile" <<'CONTAINERFILE'
FROM localhost/nova-check-base:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-15 && rm -rf /var/lib/apt/lists/*
COPY entrypoint.sh /usr/local/bin/docker-entrypoint.sh
RUN chmod 755 /usr/local/bin/docker-entrypoint.sh && mkdir -p /var/lib/postgresql/data && chown postgres:postgres /var/lib/postgresql/data
ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin PGDATA=/var/lib/postgresql/data
ENTRYPOINT ["docker-entrypoint.sh"]
CONTAINERFILE
        podman build --format docker -q -t docker.io/library/postgres:16 "$dir/postgres" >/dev/null
    fi
    if ! podman image exists docker.io/library/redis:7; then
        echo "making a stand-in for redis:7 from Debian's redis-server"
        mkdir -p "$dir/redis"
        cat >"$dir/redis/Containerfile" <<'CONTAINERFILE'
FROM localhost/nova-check-base:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends redis-server && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /data && chown redis:redis /data
WORKDIR /data
USER redis
CMD ["redis-server"]
CONTAINERFILE
        podman build --format docker -q -t docker.io/library/redis:7 "$dir/redis" >/dev/null
    fi
}

# Whether Docker Hub answers (401 to an anonymous /v2/ is an answer).
nova_registry_reachable() {
    [ "$(curl -s -o /dev/null -w '%{http_code}' -m 10 https://registry-1.docker.io/v2/ || true)" = 401 ]
}
