#!/usr/bin/env bash
# Measures the reading page's server render time with 500 annotations.
#
# Starts the app (Release) on a fresh SQLite file, registers a reader, posts 500 annotations through
# the API spread over the sample article, then requests /documents/1 with the reader's cookie. That
# request runs the whole server render (prerender): load the document and the visible annotations,
# place every highlight, lay out the marks and the 500 thread cards. wrk reports the latency.
#
#   bench/render-500.sh            # needs curl, python3 and wrk (apt-get install -y wrk)
set -euo pipefail
cd "$(dirname "$0")/.."

port=${PORT:-5097}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
trap 'kill "$app" 2>/dev/null || true; rm -rf "$work"' EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
dotnet build src/Web -c Release -v quiet -nologo >/dev/null
ConnectionStrings__Annotate="Data Source=$work/bench.db" ASPNETCORE_ENVIRONMENT=Production RateLimits__Enabled=false \
  dotnet src/Web/bin/Release/net10.0/Annotate.Web.dll --urls "$base" --contentRoot "$PWD/src/Web" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 60); do curl -sf "$base/health" >/dev/null && break; sleep 1; done

curl -sf -X POST "$base/api/auth/register" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.org","password":"Bench-pass1"}' >/dev/null
token=$(curl -sf -X POST "$base/api/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.org","password":"Bench-pass1"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["accessToken"])')
curl -sf -c "$work/cookies" -X POST "$base/api/auth/login?useCookies=true" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.org","password":"Bench-pass1"}' >/dev/null
cookie=$(awk '$6 ~ /Identity.Application/ {print $6"="$7}' "$work/cookies")

# 500 passages of 3–12 words at random places, with overlaps (candidates whose quote is ambiguous are refused by the API and skipped).
curl -sf "$base/api/documents/1" -H "Authorization: Bearer $token" > "$work/doc.json"
python3 - "$work/doc.json" > "$work/annotations.jsonl" <<'PY'
import json, random, sys
text = json.load(open(sys.argv[1]))["text"]
random.seed(42)
words = [i for i, c in enumerate(text) if c == " " and text[i-1] != "\n"]
for n in range(900):
    i = random.randrange(len(words) - 13)
    start, end = words[i] + 1, words[i + random.randint(3, 12)]
    quote = text[start:end]
    if "\n" in quote: continue
    cp = lambda k: len(text[:k].encode("utf-16-le")) // 2 - sum(1 for ch in text[:k] if ord(ch) > 0xFFFF)
    print(json.dumps({"motivation": "commenting", "visibility": "seminar",
        "body": [{"type": "TextualBody", "value": f"Note {n}: what does *this* mean here?", "format": "text/markdown"}],
        "target": {"selector": [{"type": "TextQuoteSelector", "exact": quote},
                                {"type": "TextPositionSelector", "start": cp(start), "end": cp(end)}]}}))
PY
posted=0
while IFS= read -r body && [ "$posted" -lt 500 ]; do
  curl -sf -X POST "$base/api/documents/1/annotations" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/ld+json' -d "$body" >/dev/null && posted=$((posted + 1))
done < "$work/annotations.jsonl"
echo "annotations posted: $posted"

size=$(curl -sf "$base/documents/1" -H "Cookie: $cookie" | wc -c)
marks=$(curl -sf "$base/documents/1" -H "Cookie: $cookie" | grep -o '<mark' | wc -l)
echo "page: $size bytes, $marks <mark> elements"
wrk -t1 -c1 -d5s "$base/documents/1" -H "Cookie: $cookie" >/dev/null   # warm-up
wrk -t1 -c1 -d20s --latency "$base/documents/1" -H "Cookie: $cookie"
echo "for comparison, the same 500 annotations as JSON (data path only, no rendering):"
wrk -t1 -c1 -d10s --latency "$base/api/documents/1/annotations" -H "Authorization: Bearer $token" | grep -A4 "Latency Distribution"
