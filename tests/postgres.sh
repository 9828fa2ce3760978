#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: a local process on loopback in a temp folder, no
# container, no system service. Debian's postgresql (the newest version under /usr/lib/postgresql, or
# any initdb/pg_ctl on PATH).
#
#   tests/postgres.sh start   prints the connection string of a superuser on the new cluster
#   tests/postgres.sh stop    stops it and removes its folder
#   tests/postgres.sh run CMD runs CMD with ANNOTATE_TEST_PROVIDER=Postgres and
#                             ANNOTATE_TEST_POSTGRES=<connection string>, then stops the cluster
#
# The cluster's folder is remembered in $ANNOTATE_PG_STATE (default /tmp/annotate-pg.state) between
# start and stop (`run` keeps a state file of its own, so runs side by side do not stop each other's);
# $ANNOTATE_PG_PORT chooses its port, else the first free one from 55432. It skips fsync unless
# ANNOTATE_PG_DURABLE=1 (as tests/scale.sh runs it: bench/scale.sh compares its commits with SQLite's,
# which are synced). PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.
set -euo pipefail

state="${ANNOTATE_PG_STATE:-/tmp/annotate-pg.state}"

# The binaries: pg_ctl on PATH, else the newest Debian version.
bin=
if command -v pg_ctl >/dev/null 2>&1; then
    bin=$(dirname "$(command -v pg_ctl)")
else
    newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    bin=${newest:-/usr/lib/postgresql/none/bin}
fi

free_port() { # the first port from 55432 that nothing listens on
    local candidate
    for candidate in $(seq 55432 55531); do
        (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null || { echo "$candidate"; return; }
    done
    echo "No free port in 55432-55531 for PostgreSQL." >&2
    exit 1
}

as_owner() { # runs a PostgreSQL binary as the cluster's owner
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
    if [[ ! -x $bin/initdb ]]; then
        echo "PostgreSQL is not installed (no initdb in $bin): apt-get install postgresql (./test.sh does)." >&2
        exit 1
    fi
    local dir port
    port="${ANNOTATE_PG_PORT:-$(free_port)}"
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
        state=$(mktemp /tmp/annotate-pg-run.XXXXXX)
        trap stop EXIT
        connection=$(start)
        ANNOTATE_TEST_PROVIDER=Postgres ANNOTATE_TEST_POSTGRES="$connection" "$@"
        ;;
    *) echo "usage: $0 start | stop | run COMMAND..." >&2; exit 2 ;;
esac
