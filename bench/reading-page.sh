#!/usr/bin/env bash
# The reading page's measures of issue 12 (docs/performance.md, "Reading page"), on an app of its own.
#
# Builds the app and bench/Annotate.Bench.Reading (Release), starts the app on a free loopback port with a
# fresh SQLite file (rate limits and the demo off), then runs the measures against it: server render time and
# first-render bytes (500 and 2,000 threads), circuit bytes of the first interactive render and per live event,
# managed heap and resident set per open reading page against the bare /not-found page, and a post reaching
# 19 other open reading pages (one Chromium, 20 contexts). Prints one Markdown table.
#
#   bench/reading-page.sh                                   everything (about 10 minutes on 2 cores)
#   bench/reading-page.sh --threads 2000 --measures render  one measure (render, circuit, memory, fanout)
#   bench/reading-page.sh --quick                           small sizes, a minute or two
#   APP_DIR=/tmp/old bench/reading-page.sh                  an app published from another commit
# Other options go to the program (see bench/Annotate.Bench.Reading/Program.cs). Needs /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work=$(mktemp -d)
app=""
trap '[[ -n $app ]] && kill "$app" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

if [[ ${NO_BUILD:-0} != 1 ]]; then
    dotnet build src/Web -c Release -nologo -v quiet >/dev/null
    dotnet build bench/Annotate.Bench.Reading -c Release -nologo -v quiet >/dev/null
fi
dotnet tool restore >/dev/null
# Published, as in production: the build output alone has no manifest of the static assets outside Development.
# APP_DIR: an app published elsewhere (another commit, to compare).
annotate=${APP_DIR:-$work/annotate}
[[ -n ${APP_DIR:-} ]] || dotnet publish src/Web -c Release --no-build -nologo -v quiet -o "$annotate" >/dev/null
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port/"
(cd "$annotate" && exec env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Annotate="Data Source=$work/bench.db" \
    RateLimits__Enabled=false Demo__Enabled=false dotnet Annotate.Web.dll --urls "$url") >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 90); do curl -sf "${url}health" >/dev/null && break; sleep 1; done

echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
dotnet bench/Annotate.Bench.Reading/bin/Release/net10.0/Annotate.Bench.Reading.dll --url "$url" --pid "$app" --repository "$PWD" "$@"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
