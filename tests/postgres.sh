#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: a local process on loopback in a temp folder, no
# container, no system service. Debian's postgresql 15 (or any initdb/pg_ctl on PATH).
#
#   tests/postgres.sh start   prints the connection string of a superuser on the new cluster
#   tests/postgres.sh stop    stops it and removes its folder
#   tests/postgres.sh run CMD runs CMD with ANNOTATE_TEST_PROVIDER=Postgres and
#                             ANNOTATE_TEST_POSTGRES=<connection string>, then stops the cluster
#
# The cluster's folder is remembered in $ANNOTATE_PG_STATE (default /tmp/annotate-pg.state) between
# start and stop; $ANNOTATE_PG_PORT chooses its port. It skips fsync unless ANNOTATE_PG_DURABLE=1 (as
# tests/scale.sh runs it: bench/scale.sh compares its commits with SQLite's, which are synced).
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.
set -euo pipefail

state="${ANNOTATE_PG_STATE:-/tmp/annotate-pg.state}"
port="${ANNOTATE_PG_PORT:-55432}"
bin=$(dirname "$(command -v pg_ctl 2>/dev/null || echo /usr/lib/postgresql/15/bin/pg_ctl)")
[[ -x $bin/pg_ctl ]] || bin=/usr/lib/postgresql/15/bin

as_owner() { # runs a PostgreSQL binary as the cluster's owner
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
    if [[ ! -x $bin/initdb ]]; then
        echo "PostgreSQL is not installed (no initdb); apt-get install postgresql" >&2
        exit 1
    fi
    local dir
    dir=$(mktemp -d /tmp/annotate-pg.XXXXXX)
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U annotate --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    # Tests create a database per fixture; fsync off because the cluster is thrown away afterwards.
    local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [[ ${ANNOTATE_PG_DURABLE:-0} == 1 ]] && durability=""
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o \
        "-k $dir -p $port -h 127.0.0.1 $durability -c max_connections=300" start >/dev/null \
        || { cat "$dir/server.log" >&2; exit 1; }
    echo "$dir" >"$state"
    echo "Host=127.0.0.1;Port=$port;Username=annotate;Database=postgres"
}

stop() {
    [[ -f $state ]] || return 0
    local dir
    dir=$(cat "$state")
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir" "$state"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    run)
        shift
        connection=$(start)
        trap stop EXIT
        ANNOTATE_TEST_PROVIDER=Postgres ANNOTATE_TEST_POSTGRES="$connection" "$@"
        ;;
    *) echo "usage: $0 start | stop | run COMMAND..." >&2; exit 2 ;;
esac
