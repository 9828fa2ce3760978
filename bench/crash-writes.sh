#!/usr/bin/env bash
# Crash test of the write path (issue 12): kill -9 the app in the middle of a burst of API writes, then
# check the database file (PRAGMA integrity_check) and that every annotation the app answered 201 for
# is in it; restart the app on the file and check it serves again. Repeated ROUNDS times on one file,
# each kill at a different moment. A 201 promises the annotation is on disk: any missing one fails.
#
#   bench/crash-writes.sh                # ROUNDS=5 WRITERS=20 PORT=5095; needs curl and python3
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${ROUNDS:-5}
writers=${WRITERS:-20}
port=${PORT:-5095}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
app=""
load_pid=""
trap '[ -n "$app" ] && kill -9 "$app" 2>/dev/null; [ -n "$load_pid" ] && kill "$load_pid" 2>/dev/null; rm -rf "$work"' EXIT

dotnet build src/Web -c Release -v quiet -nologo >/dev/null
dotnet build bench/Annotate.WriteLoad -c Release -v quiet -nologo >/dev/null

start_app() {
  ConnectionStrings__Annotate="Data Source=$work/app.db" ASPNETCORE_ENVIRONMENT=Production RateLimits__Enabled=false Demo__Enabled=false \
    dotnet src/Web/bin/Release/net10.0/Annotate.Web.dll --urls "$base" --contentRoot "$PWD/src/Web" >>"$work/app.log" 2>&1 &
  app=$!
  for _ in $(seq 1 90); do curl -sf "$base/health" >/dev/null && return 0; sleep 1; done
  echo "the app did not answer /health"; exit 1
}

echo "$(date -u +%FT%TZ)  load average: $(cut -d' ' -f1-3 /proc/loadavg)"
failed=0
start_app
for round in $(seq 1 "$rounds"); do
  : > "$work/acknowledged.txt"
  dotnet bench/Annotate.WriteLoad/bin/Release/net10.0/Annotate.WriteLoad.dll api --url "$base" \
    --text src/Web/Content/proletarian-internationalism.txt --writers "$writers" --count 1000000 --warmup 0 \
    --acknowledged "$work/acknowledged.txt" >"$work/load.log" 2>&1 &
  load_pid=$!
  # Let the burst get going (the set-up registers the writers first), then kill at a different moment each round.
  for _ in $(seq 1 120); do [ "$(wc -l < "$work/acknowledged.txt")" -ge 200 ] && break; sleep 0.5; done
  sleep "$(( round % 3 )).$(( RANDOM % 10 ))"
  kill -9 "$app"; wait "$app" 2>/dev/null || true; app=""
  sleep 1; kill "$load_pid" 2>/dev/null || true; wait "$load_pid" 2>/dev/null || true; load_pid=""

  python3 - "$work/app.db" "$work/acknowledged.txt" "$round" <<'PY' || failed=1
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
acknowledged = [line.strip().upper() for line in open(sys.argv[2]) if line.strip()]
stored = {row[0].upper() for row in db.execute("SELECT Id FROM Annotations")}
missing = [i for i in acknowledged if i not in stored]
print(f"round {sys.argv[3]}: killed after {len(acknowledged)} answered 201; integrity_check: {integrity}; "
      f"rows: {len(stored)}; answered 201 and missing: {len(missing)}")
sys.exit(0 if integrity == "ok" and not missing else 1)
PY
  start_app
done
echo "restarted after the last kill and answering /health"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $failed
