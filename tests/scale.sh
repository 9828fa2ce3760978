#!/usr/bin/env bash
# Two Annotate instances as one installation (issue 13): PostgreSQL, Redis and nginx as local processes on
# loopback in a temp folder (no containers, no system services; installed from Debian's packages when
# absent), the app published once, its migrations applied once by `migrate`, instances A and B started on
# the same database and Redis, nginx in front of them (WebSocket upgrade, sticky sessions by cookie, each
# instance the other's backup: tests/Annotate.Scale/nginx.conf). Everything stops when the script ends.
#
#   tests/scale.sh [--no-build] [--results DIR]
#       runs the two-instance proof (tests/Annotate.Scale) in two phases: first the live tests, then those
#       that kill instance A (kill -9) and watch what happens on B and through nginx
#   tests/scale.sh [--no-build] [--results DIR] run COMMAND...
#       runs COMMAND against the running set-up instead (bench/scale.sh does), with these set:
#         ANNOTATE_SCALE_A, ANNOTATE_SCALE_B      the instances' addresses (http://127.0.0.1:PORT/)
#         ANNOTATE_SCALE_A_PID, ANNOTATE_SCALE_B_PID   their processes
#         ANNOTATE_SCALE_PROXY                    nginx's address
#         ANNOTATE_SCALE_POSTGRES, ANNOTATE_SCALE_REDIS   the connection strings the instances use
#         ANNOTATE_SCALE_APP                      the published app they run
#
# --no-build uses the Release build there is (test.sh builds the solution first); --results DIR keeps the
# TRX files and the servers' logs there (default TestResults/scale-DATE).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

build=1 results="TestResults/scale-$(date +%Y%m%d-%H%M%S)" command=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --no-build) build=0 ;;
        --results) results=$2; shift ;;
        run) shift; command=("$@"); break ;;
        *) echo "usage: tests/scale.sh [--no-build] [--results DIR] [run COMMAND...]" >&2; exit 2 ;;
    esac
    shift
done
[[ ${#command[@]} -eq 0 && $# -gt 0 ]] && { echo "tests/scale.sh run: which command?" >&2; exit 2; }
mkdir -p "$results"
results=$(realpath "$results")

step() { printf '\n== %s\n' "$*"; }

# --- What it needs, from Debian's packages ---------------------------------------------------------
missing=()
[[ -x /usr/lib/postgresql/15/bin/initdb ]] || command -v initdb >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
command -v curl >/dev/null || missing+=(curl)
if [[ ${#missing[@]} -gt 0 ]]; then
    step "Installing ${missing[*]}"
    sudo_if_needed=()
    [[ $(id -u) -ne 0 ]] && sudo_if_needed=(sudo)
    # The packages would start their system services; this script runs its own processes instead.
    made_policy=0
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' | "${sudo_if_needed[@]}" tee /usr/sbin/policy-rc.d >/dev/null
        "${sudo_if_needed[@]}" chmod +x /usr/sbin/policy-rc.d
        made_policy=1
    fi
    "${sudo_if_needed[@]}" apt-get update
    DEBIAN_FRONTEND=noninteractive "${sudo_if_needed[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
    [[ $made_policy -eq 1 ]] && "${sudo_if_needed[@]}" rm -f /usr/sbin/policy-rc.d
fi
nginx_binary=$(command -v nginx || echo /usr/sbin/nginx)

# --- Build and publish once ------------------------------------------------------------------------
if [[ $build -eq 1 ]]; then
    step "Building tests/Annotate.Scale (Release)"
    dotnet build tests/Annotate.Scale -c Release -nologo -v quiet
fi
work=$(mktemp -d /tmp/annotate-scale.XXXXXX)
chmod 755 "$work"
pids=()
postgres_state="$work/postgres.state"
cleanup() {
    local status=$?
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    ANNOTATE_PG_STATE=$postgres_state tests/postgres.sh stop || true
    cp "$work"/*.log "$results"/ 2>/dev/null || true
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step "Publishing the app"
dotnet publish src/Web -c Release --no-build -nologo -v quiet -o "$work/app" >/dev/null

# A loopback port nobody listens on and this script has not given out yet (the caller adds it to given).
given=()
free_port() {
    local port
    while true; do
        port=$((20000 + RANDOM % 30000))
        [[ " ${given[*]} " == *" $port "* ]] && continue
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
}
postgres_port=$(free_port); given+=("$postgres_port")
redis_port=$(free_port); given+=("$redis_port")
a_port=$(free_port); given+=("$a_port")
b_port=$(free_port); given+=("$b_port")
proxy_port=$(free_port); given+=("$proxy_port")

# --- PostgreSQL and Redis ----------------------------------------------------------------------------
step "Starting PostgreSQL (port $postgres_port) and Redis (port $redis_port)"
# Durable (fsync and synchronous commits on), as in production: bench/scale.sh compares its writes with SQLite's.
server=$(ANNOTATE_PG_STATE=$postgres_state ANNOTATE_PG_PORT=$postgres_port ANNOTATE_PG_DURABLE=1 tests/postgres.sh start)
psql "postgresql://annotate@127.0.0.1:$postgres_port/postgres" -q -c "CREATE DATABASE annotate" >/dev/null
postgres="${server/Database=postgres/Database=annotate}"
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize no --dir "$work" \
    >"$work/redis.log" 2>&1 &
pids+=($!)
redis="127.0.0.1:$redis_port"

# --- The app: migrations once, then two instances that wait for them ------------------------------
app_environment=(
    ASPNETCORE_ENVIRONMENT=Production
    ASPNETCORE_FORWARDEDHEADERS_ENABLED=true
    Database__Provider=Postgres
    "ConnectionStrings__Annotate=$postgres"
    "ConnectionStrings__Redis=$redis"
    Database__MigrateOnStart=false
    # The browser tests' people read their sample seminar's article (tests/Annotate.E2E/README.md).
    Demo__Enabled=true
    # Tests register many accounts in moments; the limits have their own tests.
    RateLimits__Enabled=false
)
step "Applying the migrations (dotnet Annotate.Web.dll migrate)"
(cd "$work/app" && env "${app_environment[@]}" dotnet Annotate.Web.dll migrate)

step "Starting instance A (port $a_port) and instance B (port $b_port)"
(cd "$work/app" && exec env "${app_environment[@]}" dotnet Annotate.Web.dll --urls "http://127.0.0.1:$a_port") >"$work/instance-a.log" 2>&1 &
pids+=($!)
a_pid=$!
(cd "$work/app" && exec env "${app_environment[@]}" dotnet Annotate.Web.dll --urls "http://127.0.0.1:$b_port") >"$work/instance-b.log" 2>&1 &
pids+=($!)
b_pid=$!

# --- nginx in front ---------------------------------------------------------------------------------
mkdir -p "$work/nginx-temp"
sed -e "s|@WORK@|$work|g" -e "s|@LISTEN@|$proxy_port|g" -e "s|@A@|$a_port|g" -e "s|@B@|$b_port|g" \
    tests/Annotate.Scale/nginx.conf >"$work/nginx.conf"
"$nginx_binary" -t -q -p "$work" -e "$work/nginx-error.log" -c "$work/nginx.conf"
"$nginx_binary" -p "$work" -e "$work/nginx-error.log" -c "$work/nginx.conf" -g "daemon off;" &
pids+=($!)

ready() { # waits until $1/health/ready answers 200
    for _ in $(seq 1 240); do
        curl -fsS -o /dev/null "$1/health/ready" 2>/dev/null && return 0
        sleep 0.5
    done
    echo "$1 did not become ready in 120 s" >&2
    tail -n 40 "$work"/instance-*.log >&2
    return 1
}
ready "http://127.0.0.1:$a_port"
ready "http://127.0.0.1:$b_port"
ready "http://127.0.0.1:$proxy_port"
echo "A http://127.0.0.1:$a_port (pid $a_pid), B http://127.0.0.1:$b_port (pid $b_pid), nginx http://127.0.0.1:$proxy_port"

export ANNOTATE_SCALE_A="http://127.0.0.1:$a_port/" ANNOTATE_SCALE_B="http://127.0.0.1:$b_port/"
export ANNOTATE_SCALE_A_PID=$a_pid ANNOTATE_SCALE_B_PID=$b_pid
export ANNOTATE_SCALE_PROXY="http://127.0.0.1:$proxy_port/"
export ANNOTATE_SCALE_POSTGRES=$postgres ANNOTATE_SCALE_REDIS=$redis ANNOTATE_SCALE_APP="$work/app"

if [[ ${#command[@]} -gt 0 ]]; then
    "${command[@]}"
    exit $?
fi

# --- The proof, in two phases: the live tests with both instances up, then A killed ---------------
failed=0
for phase in Live InstanceDown; do
    step "Two-instance proof: $phase"
    dotnet test tests/Annotate.Scale -c Release --no-build --nologo \
        --filter "Phase=$phase" \
        --results-directory "$results" \
        --logger "trx;LogFileName=Annotate.Scale.$phase.trx" \
        --logger "console;verbosity=normal" || failed=1
done
exit $failed
