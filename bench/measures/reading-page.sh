#!/usr/bin/env bash
# Hook for bench/run.sh: the reading page's rows (render, circuit bytes, memory per page, 20-context fan-out)
# against the harness's running app. It reads ANNOTATE_URL, appends rows to BENCH_RESULTS (one JSON object a
# line: measure, unit, baseline, annotate, target, ratioAtMost, atMost, atLeast) and honours BENCH_QUICK=1.
# The memory rows need the app's process id: ANNOTATE_PID, or the process listening on ANNOTATE_URL's port.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
: "${ANNOTATE_URL:?}" "${BENCH_RESULTS:?}"

port=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.urlparse(sys.argv[1]).port)' "$ANNOTATE_URL")
pid=${ANNOTATE_PID:-$(ss -ltnpH "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)}
quick=()
[[ ${BENCH_QUICK:-0} == 1 ]] && quick=(--quick)
measures=render,circuit,fanout
[[ -n $pid ]] && measures=$measures,memory

dotnet build bench/Annotate.Bench.Reading -c Release -nologo -v quiet >/dev/null
dotnet tool restore >/dev/null
dotnet bench/Annotate.Bench.Reading/bin/Release/net10.0/Annotate.Bench.Reading.dll --url "$ANNOTATE_URL" ${pid:+--pid "$pid"} \
    --repository "$PWD" --measures "$measures" --results "$BENCH_RESULTS" "${quick[@]}" >/dev/null
