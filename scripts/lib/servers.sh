# Starts throw-away PostgreSQL and Redis servers on loopback under a temporary directory (sourced by test.sh).
# Exports POSTGRES_URL and REDIS_URL; nova_stop_servers stops them. PostgreSQL accepts 500 connections: the suite runs
# many tests at once, each with its own pool of up to 20.

nova_start_postgres() {
    local dir="$1/postgres" port
    port=$(nova_free_port)
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    mkdir -p "$dir"
    local run=()
    if [ "$(id -u)" -eq 0 ]; then
        chown -R postgres:postgres "$dir"
        run=(runuser -u postgres --)
    fi
    "${run[@]}" "$bin/initdb" -D "$dir/data" -U nova -A trust --no-sync >"$dir/initdb.log" 2>&1
    "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=500" start >/dev/null
    "${run[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U nova nova_test
    NOVA_PG_STOP=("${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop)
    export POSTGRES_URL="postgres://nova@127.0.0.1:$port/nova_test?sslmode=disable"
    echo "PostgreSQL on 127.0.0.1:$port"
}

nova_start_redis() {
    local dir="$1/redis" port
    port=$(nova_free_port)
    mkdir -p "$dir"
    redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --save "" --appendonly no \
        --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
    for _ in $(seq 50); do
        redis-cli -p "$port" ping >/dev/null 2>&1 && break
        sleep 0.1
    done
    NOVA_REDIS_PIDFILE="$dir/redis.pid"
    export REDIS_URL="redis://127.0.0.1:$port"
    echo "Redis on 127.0.0.1:$port"
}

nova_stop_servers() {
    if [ -n "${NOVA_PG_STOP+x}" ]; then "${NOVA_PG_STOP[@]}" >/dev/null 2>&1 || true; fi
    if [ -n "${NOVA_REDIS_PIDFILE:-}" ] && [ -f "$NOVA_REDIS_PIDFILE" ]; then kill "$(cat "$NOVA_REDIS_PIDFILE")" 2>/dev/null || true; fi
}
