#!/usr/bin/env bash
# Issue 14's search benchmark on its own (bench/run.sh runs it too, last): starts Annotate (Release, Kestrel) on a
# fresh SQLite file with rate limits off, imports a seminar of 10,000 and one of 100,000 annotations through the API
# and times GET /api/search over a mix of searches against GET /api/annotations/{id} in turn (see
# bench/Annotate.Bench.Load/SearchRun.cs). Prints each search's p50/p99 and the table: measure | baseline |
# Annotate | ratio | target | met, with the load average before and after.
#
#   bench/search.sh                       10,000 and 100,000 annotations, 30 rounds (a few minutes)
#   bench/search.sh --quick               10,000 only, 10 rounds
#   bench/search.sh --sizes 100000 --rounds 50
#   options: --no-build, --out DIR (keep the rows, the table and the app's log), --app DIR (run an Annotate published
#   there instead of this checkout's build, e.g. an older commit's, for a before/after in the same hour), --keep-db FILE
#   (copy the SQLite file there afterwards, to look at the queries in the sqlite3 shell)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

build=1 out="" app_dir="" keep_db="" pass=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --no-build) build=0 ;;
        --out) out=$2; shift ;;
        --app) app_dir=$(realpath "$2"); shift ;;
        --keep-db) keep_db=$2; shift ;;
        --quick) pass+=(--quick) ;;
        --sizes|--rounds) pass+=("$1" "$2"); shift ;;
        *) echo "usage: bench/search.sh [--quick] [--sizes N,N] [--rounds N] [--no-build] [--out DIR] [--app DIR] [--keep-db FILE]" >&2; exit 2 ;;
    esac
    shift
done

work=$(mktemp -d)
app=""
cleanup() {
    [[ -n $app ]] && kill "$app" 2>/dev/null || true
    wait 2>/dev/null || true
    if [[ -n $keep_db ]]; then for f in "$work"/annotate.db*; do cp "$f" "$keep_db${f#"$work"/annotate.db}"; done; fi
    if [[ -n $out ]]; then mkdir -p "$out" && cp "$work"/*.log "$work"/results.jsonl "$work"/table.md "$out"/ 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

if [[ $build -eq 1 ]]; then
    dotnet build src/Web -c Release -nologo -v quiet >/dev/null
    dotnet build bench/Annotate.Bench.Load -c Release -nologo -v quiet >/dev/null
fi
load=(dotnet bench/Annotate.Bench.Load/bin/Release/net10.0/Annotate.Bench.Load.dll)
url="http://127.0.0.1:$("${load[@]}" free-port)/"

app_dll=bin/Release/net10.0/Annotate.Web.dll
[[ -n $app_dir ]] && app_dll=$app_dir/Annotate.Web.dll
(cd "${app_dir:-src/Web}" && exec env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Annotate="Data Source=$work/annotate.db" \
    RateLimits__Enabled=false Demo__Enabled=false dotnet "$app_dll" --urls "$url") >"$work/annotate.log" 2>&1 &
app=$!

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$SECONDS
"${load[@]}" search --annotate "$url" --annotate-pid "$app" --results "$work/results.jsonl" "${pass[@]}"
{
    echo
    echo "Search benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'): bench/search.sh ${pass[*]}${app_dir:+ --app $app_dir}"
    echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(dotnet --version) SDK;" \
        "load average (1/5/15 min) $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after; $((SECONDS - started)) s"
    echo
    "${load[@]}" report --results "$work/results.jsonl"
} | tee "$work/table.md"
