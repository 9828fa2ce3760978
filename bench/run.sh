#!/usr/bin/env bash
# Issue 12 harness: Annotate against its baselines, measured in the same run on this machine.
#
# Publishes Annotate (Release) and the bare SignalR server, starts both on free loopback ports (Annotate on
# a fresh SQLite file, rate limits off, no demo seminar), then the load client (bench/Annotate.Bench.Load)
# makes the accounts, seminar and documents through the API and measures hub fan-out, API writes and
# memory per hub connection against the bare server and a raw SQLite insert loop, and the export and overview
# of 10,000 annotations against GET by id. Every executable bench/measures/*.sh then adds its own rows (see
# bench/README.md), and last comes search (issue 14, against GET by id): its 100,000 imported annotations would
# weigh on any measure after it. Prints one table:
#   measure | baseline | Annotate | ratio | target | met
#
#   bench/run.sh                 the issue's sizes (100, 500 and 1,000 hub clients; a few minutes)
#   bench/run.sh --quick         small sizes, under 2 minutes: CI checks that it runs and prints numbers
#   options: --no-build (use the Release build already made, as test.sh does), --out DIR (keep the rows,
#   the table and the servers' logs there), --app DIR (run an Annotate published there instead of this
#   tree's, e.g. an older commit's for a before/after), --counters (record dotnet-counters of both servers
#   every second into DIR of --out: runtime, Kestrel, SignalR connections), --trace (a dotnet-trace of
#   Annotate, sampled stacks and runtime events, into DIR of --out; read it with
#   `dotnet dotnet-trace report FILE topN -n 30`)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

quick=() build=1 out="" app="" counters=0 trace=0
while [[ $# -gt 0 ]]; do
    case $1 in
        --quick) quick=(--quick) ;;
        --no-build) build=0 ;;
        --out) out=$2; shift ;;
        --app) app=$(realpath "$2"); shift ;;
        --counters) counters=1 ;;
        --trace) trace=1 ;;
        *) echo "usage: bench/run.sh [--quick] [--no-build] [--out DIR] [--app DIR] [--counters] [--trace]" >&2; exit 2 ;;
    esac
    shift
done

work=$(mktemp -d)
pids=() tools=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    # The diagnostic tools finish their files once the process they watch has ended.
    for _ in $(seq 1 60); do
        running=0
        for pid in "${tools[@]}"; do kill -0 "$pid" 2>/dev/null && running=1; done
        [[ $running -eq 0 ]] && break
        sleep 0.5
    done
    for pid in "${tools[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    if [[ -n $out ]]; then mkdir -p "$out" && cp "$work"/*.log "$work"/*.csv "$work"/*.nettrace "$work"/results.jsonl "$work"/table.md "$out"/ 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

if [[ $build -eq 1 ]]; then
    for project in src/Web bench/Annotate.Bench.BareServer bench/Annotate.Bench.Load; do
        dotnet build "$project" -c Release -nologo -v quiet >/dev/null
    done
fi
if [[ -n $app ]]; then
    cp -r "$app" "$work/annotate"
else
    dotnet publish src/Web -c Release --no-build -nologo -v quiet -o "$work/annotate" >/dev/null
fi
dotnet publish bench/Annotate.Bench.BareServer -c Release --no-build -nologo -v quiet -o "$work/bare" >/dev/null
load=(dotnet bench/Annotate.Bench.Load/bin/Release/net10.0/Annotate.Bench.Load.dll)

annotate_port=$("${load[@]}" free-port)
bare_port=$("${load[@]}" free-port)
while [[ $bare_port == "$annotate_port" ]]; do bare_port=$("${load[@]}" free-port); done
annotate_url="http://127.0.0.1:$annotate_port/"
bare_url="http://127.0.0.1:$bare_port/"

(cd "$work/annotate" && exec env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Annotate="Data Source=$work/annotate.db" \
    RateLimits__Enabled=false Demo__Enabled=false dotnet Annotate.Web.dll --urls "$annotate_url") >"$work/annotate.log" 2>&1 &
pids+=($!)
annotate_pid=$!
(cd "$work/bare" && exec dotnet Annotate.Bench.BareServer.dll --urls "$bare_url") >"$work/bare.log" 2>&1 &
pids+=($!)
bare_pid=$!

if [[ $counters -eq 1 || $trace -eq 1 ]]; then dotnet tool restore >/dev/null; fi
if [[ $trace -eq 1 ]]; then
    dotnet dotnet-trace collect --process-id "$annotate_pid" --profile dotnet-sampled-thread-time,dotnet-common \
        --output "$work/annotate.nettrace" >"$work/annotate-trace.log" 2>&1 &
    tools+=($!)
fi
if [[ $counters -eq 1 ]]; then
    for server in annotate:$annotate_pid bare:$bare_pid; do
        dotnet dotnet-counters collect --process-id "${server#*:}" --refresh-interval 1 --format csv --output "$work/${server%%:*}-counters.csv" \
            --counters System.Runtime,Microsoft.AspNetCore.Hosting,Microsoft.AspNetCore.Http.Connections,Microsoft-AspNetCore-Server-Kestrel \
            >"$work/${server%%:*}-counters.log" 2>&1 &
        tools+=($!)
    done
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$SECONDS
failed=0
"${load[@]}" run "${quick[@]}" --annotate "$annotate_url" --annotate-pid "$annotate_pid" --annotate-db "$work/annotate.db" \
    --bare "$bare_url" --bare-pid "$bare_pid" --results "$work/results.jsonl" --work "$work" || failed=1

# Other measures (the browsers') add rows of their own, against the same running servers (bench/measures/README.md).
shopt -s nullglob
for hook in bench/measures/*.sh; do
    echo "Measure $(basename "$hook")"
    ANNOTATE_URL=$annotate_url ANNOTATE_PID=$annotate_pid ANNOTATE_DB="$work/annotate.db" BARE_URL=$bare_url \
        BENCH_RESULTS="$work/results.jsonl" BENCH_QUICK=${#quick[@]} BENCH_LOAD="${load[*]}" \
        bash "$hook" || { echo "$hook failed" >&2; failed=1; }
done

# Last, after every other measure: importing the search corpus leaves the process releasing memory for minutes.
echo "Measure search"
"${load[@]}" search "${quick[@]}" --annotate "$annotate_url" --annotate-pid "$annotate_pid" --results "$work/results.jsonl" || failed=1

{
    echo
    echo "Issue 12 harness, $(date -u '+%Y-%m-%d %H:%M UTC'): bench/run.sh ${quick[*]}"
    echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(dotnet --version) SDK;" \
        "load average (1/5/15 min) $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after; $((SECONDS - started)) s"
    echo
    "${load[@]}" report --results "$work/results.jsonl"
} | tee "$work/table.md"
exit $failed
