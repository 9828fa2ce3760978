#!/usr/bin/env bash
# Issue 13's measurements, in one run: the issue 12 hub fan-out and API writes against one instance on SQLite,
# one instance on PostgreSQL + Redis, and two instances on PostgreSQL + Redis (tests/scale.sh starts
# PostgreSQL, Redis, the two instances and nginx; this script adds the SQLite instance from the same published
# app, then the load client measures all three, taking turns). Prints one table:
#   measure | one instance, SQLite | one instance, PostgreSQL + Redis | two instances, PostgreSQL + Redis | ratios
#
#   bench/scale.sh              the full sizes (1,000 and 100 hub clients per set-up; 20 writers)
#   bench/scale.sh --quick      small sizes, to see that it runs
#   options: --no-build (use the Release build there is), --out DIR (keep the rows, the table and the logs)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

quick=() build=1 out="" measure=0
while [[ $# -gt 0 ]]; do
    case $1 in
        --quick) quick=(--quick) ;;
        --no-build) build=0 ;;
        --out) out=$2; shift ;;
        --measure) measure=1 ;; # inside tests/scale.sh run: the set-up is up
        *) echo "usage: bench/scale.sh [--quick] [--no-build] [--out DIR]" >&2; exit 2 ;;
    esac
    shift
done
out=${out:-$(mktemp -d /tmp/annotate-bench-scale.XXXXXX)}
mkdir -p "$out"
out=$(realpath "$out")

if [[ $measure -eq 0 ]]; then
    if [[ $build -eq 1 ]]; then
        for project in src/Web bench/Annotate.Bench.Load; do
            dotnet build "$project" -c Release -nologo -v quiet >/dev/null
        done
    fi
    exec tests/scale.sh --no-build --results "$out" run "$0" --measure "${quick[@]}" --out "$out"
fi

# --- Inside tests/scale.sh: the SQLite instance beside A and B -------------------------------------
load=(dotnet bench/Annotate.Bench.Load/bin/Release/net10.0/Annotate.Bench.Load.dll)
work=$(mktemp -d /tmp/annotate-bench-sqlite.XXXXXX)
sqlite_pid=""
cleanup() {
    [[ -n $sqlite_pid ]] && kill "$sqlite_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    cp "$work/sqlite.log" "$out/instance-sqlite.log" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

sqlite_url="http://127.0.0.1:$("${load[@]}" free-port)/"
# The same settings as A and B (tests/scale.sh), on a file of its own.
(cd "$ANNOTATE_SCALE_APP" && exec env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Annotate="Data Source=$work/annotate.db" \
    Demo__Enabled=true RateLimits__Enabled=false dotnet Annotate.Web.dll --urls "$sqlite_url") >"$work/sqlite.log" 2>&1 &
sqlite_pid=$!

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$SECONDS
rm -f "$out/scale.jsonl"
"${load[@]}" scale "${quick[@]}" --sqlite "$sqlite_url" --sqlite-pid "$sqlite_pid" \
    --a "$ANNOTATE_SCALE_A" --a-pid "$ANNOTATE_SCALE_A_PID" --b "$ANNOTATE_SCALE_B" --results "$out/scale.jsonl"
{
    echo
    echo "Issue 13 measurements, $(date -u '+%Y-%m-%d %H:%M UTC'): bench/scale.sh ${quick[*]}"
    echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(dotnet --version) SDK;" \
        "load average (1/5/15 min) $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after; $((SECONDS - started)) s"
    echo
    "${load[@]}" scale-report --results "$out/scale.jsonl"
} | tee "$out/table.md"
