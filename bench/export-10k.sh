#!/usr/bin/env bash
# Times the whole HTTP export of 10,000 annotations (JSON-LD, CSV, Markdown) on a real SQLite file, and
# the other reads of the whole discussion at that size: the collection, a search (?q= on it) and the
# teacher's participation overview.
#
# Starts the app (Release, Kestrel) on a fresh database with the demo seminar, registers its teacher,
# posts 300 comments and 200 replies through the API over the sample article, then copies those rows
# in the database file until the document holds 6,000 threads and 4,000 replies (the API would take
# minutes to post them one by one). Each request is made once to warm up, then 5 times with curl;
# the script prints every time and size, the app's resident memory before and after, and the load average.
#
#   bench/export-10k.sh            # needs curl and python3
set -euo pipefail
cd "$(dirname "$0")/.."

port=${PORT:-5098}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
trap 'kill "$app" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build src/Web -c Release -v quiet -nologo >/dev/null
ConnectionStrings__Annotate="Data Source=$work/bench.db" ASPNETCORE_ENVIRONMENT=Production RateLimits__Enabled=false \
  dotnet src/Web/bin/Release/net10.0/Annotate.Web.dll --urls "$base" --contentRoot "$PWD/src/Web" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 90); do curl -sf "$base/health" >/dev/null && break; sleep 1; done

curl -sf -X POST "$base/api/auth/register" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.org","password":"Bench-pass1"}' >/dev/null
token=$(curl -sf -X POST "$base/api/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.org","password":"Bench-pass1"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["accessToken"])')
auth="Authorization: Bearer $token"

# 300 passages of 3-12 words at random places (ambiguous quotes are refused by the API and skipped).
curl -sf "$base/api/documents/1" -H "$auth" > "$work/doc.json"
python3 - "$work/doc.json" > "$work/annotations.jsonl" <<'PY'
import json, random, sys
text = json.load(open(sys.argv[1]))["text"]
random.seed(7)
words = [i for i, c in enumerate(text) if c == " " and text[i-1] != "\n"]
for n in range(600):
    i = random.randrange(len(words) - 13)
    start, end = words[i] + 1, words[i + random.randint(3, 12)]
    quote = text[start:end]
    if "\n" in quote: continue
    cp = lambda k: len(text[:k].encode("utf-16-le")) // 2 - sum(1 for ch in text[:k] if ord(ch) > 0xFFFF)
    print(json.dumps({"motivation": "commenting", "visibility": "seminar",
        "body": [{"type": "TextualBody", "value": f"Note {n}: is *this* still true today? Compare \"the workers have no country\" (¶ 3).", "format": "text/markdown"},
                 {"type": "TextualBody", "value": "question", "purpose": "tagging"}],
        "target": {"selector": [{"type": "TextQuoteSelector", "exact": quote},
                                {"type": "TextPositionSelector", "start": cp(start), "end": cp(end)}]}}))
PY
threads=()
while IFS= read -r body && [ "${#threads[@]}" -lt 300 ]; do
  id=$(curl -sf -X POST "$base/api/documents/1/annotations" -H "$auth" -H 'Content-Type: application/ld+json' -d "$body" \
    | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])') && threads+=("$id")
done < "$work/annotations.jsonl"
for n in $(seq 1 200); do
  parent=${threads[$(( (n * 37) % ${#threads[@]} ))]}
  curl -sf -X POST "$base/api/documents/1/annotations" -H "$auth" -H 'Content-Type: application/ld+json' \
    -d "{\"motivation\":\"replying\",\"target\":\"$parent\",\"body\":[{\"type\":\"TextualBody\",\"value\":\"Reply $n: I read it differently, see the next paragraph.\",\"format\":\"text/markdown\"}]}" >/dev/null
done

# Copies of those rows, new ids, up to 6,000 threads and 4,000 replies.
python3 - "$work/bench.db" <<'PY'
import random, sqlite3, sys, uuid
db = sqlite3.connect(sys.argv[1])
columns = [row[1] for row in db.execute("PRAGMA table_info(Annotations)")]
rows = [dict(zip(columns, row)) for row in db.execute("SELECT * FROM Annotations")]
threads = [r for r in rows if r["ThreadId"] is None]
replies = [r for r in rows if r["ThreadId"] is not None]
random.seed(11)
new_ids = []
def insert(row):
    db.execute(f"INSERT INTO Annotations ({','.join(columns)}) VALUES ({','.join('?' * len(columns))})", [row[c] for c in columns])
for i in range(6000 - len(threads)):
    row = dict(threads[i % len(threads)], Id=str(uuid.uuid4()).upper())
    new_ids.append(row["Id"]); insert(row)
all_threads = [t["Id"] for t in threads] + new_ids
for i in range(4000 - len(replies)):
    parent = random.choice(all_threads)
    insert(dict(replies[i % len(replies)], Id=str(uuid.uuid4()).upper(), ParentId=parent, ThreadId=parent))
db.commit()
print("rows:", db.execute("SELECT COUNT(*) FROM Annotations").fetchone()[0])
PY
total=$(curl -sf "$base/api/documents/1/annotations" -H "$auth" | python3 -c 'import sys,json; print(json.load(sys.stdin)["total"])')
echo "annotations the teacher sees: $total"

rss() { awk '/VmRSS|VmHWM/ {printf "%s %d MB  ", $1, $2/1024}' "/proc/$app/status"; echo; }
echo "app memory before: $(rss)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
timed() {  # name, path
  curl -sf -o /dev/null "$base$2" -H "$auth"   # warm-up
  for run in 1 2 3 4 5; do
    curl -sf -o /dev/null -w "$1 run $run: %{time_total} s, %{size_download} bytes, first byte after %{time_starttransfer} s\n" "$base$2" -H "$auth"
  done
}
for format in jsonld csv markdown; do timed "$format" "/api/documents/1/export?format=$format"; done
timed "collection" "/api/documents/1/annotations"
timed "search q=workers" "/api/documents/1/annotations?q=workers"
timed "search q=differently" "/api/documents/1/annotations?q=differently"
timed "overview" "/api/documents/1/participation"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "app memory after: $(rss)"
