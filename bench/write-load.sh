#!/usr/bin/env bash
# Write throughput (issue 12): 20 members post annotations to one document at once through the HTTP
# API of a fresh app (Release, Kestrel, embedded SQLite), next to the baseline of bare Microsoft.Data.Sqlite
# inserts from 20 connections on the same disk in the same run. Prints the load average before and
# after, each measure's rate and p50/p95/p99/max, the failed requests by status, the acknowledged
# annotations missing afterwards, and how often the app's log says "database is locked".
#
#   bench/write-load.sh                  # WRITERS=20 COUNT=10000 PORT=5097; SYNCHRONOUS=NORMAL for that baseline too
set -euo pipefail
cd "$(dirname "$0")/.."

writers=${WRITERS:-20}
count=${COUNT:-10000}
port=${PORT:-5097}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
app=""
trap '[ -n "$app" ] && kill "$app" 2>/dev/null; rm -rf "$work"' EXIT

dotnet build src/Web -c Release -v quiet -nologo >/dev/null
dotnet build bench/Annotate.WriteLoad -c Release -v quiet -nologo >/dev/null
load() { dotnet bench/Annotate.WriteLoad/bin/Release/net10.0/Annotate.WriteLoad.dll "$@"; }

echo "$(date -u +%FT%TZ)  $(nproc) cores  load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
load raw --db "$work/raw.db" --writers "$writers" --count "$count" --pid "$app"
[ -n "${SYNCHRONOUS:-}" ] && load raw --db "$work/raw-$SYNCHRONOUS.db" --writers "$writers" --count "$count" --synchronous "$SYNCHRONOUS"

ConnectionStrings__Annotate="Data Source=$work/app.db" ASPNETCORE_ENVIRONMENT=Production RateLimits__Enabled=false Demo__Enabled=false \
  dotnet src/Web/bin/Release/net10.0/Annotate.Web.dll --urls "$base" --contentRoot "$PWD/src/Web" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 90); do curl -sf "$base/health" >/dev/null && break; sleep 1; done

load api --url "$base" --text src/Web/Content/proletarian-internationalism.txt --writers "$writers" --count "$count" --pid "$app"
echo "\"database is locked\" in the app's log: $(grep -c 'database is locked' "$work/app.log" || true)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
