#!/usr/bin/env bash
# The project's test runner: installs what the tests need, builds once, checks that the EF model has
# a migration for every change, runs every test project, and ends with one line:
#   N passed, N failed, N skipped
# Exits non-zero when anything failed. CI runs it (via .ci/run) as root on a fresh clone.
# Every run also runs the engine-specific tests of Annotate.Web.Tests ([EngineSpecific]: migrations, search,
# the write lock and concurrency tokens, SQL the providers translate differently) on a throwaway PostgreSQL
# cluster (tests/postgres.sh); tests/README.md says what belongs there.
#   --postgres  runs the whole of Annotate.Web.Tests on PostgreSQL instead of only those
#   --slow      also runs the slow suite (tests marked [Trait("Suite", "Slow")]: the crash check, which
#               kills the app with SIGKILL mid-burst ANNOTATE_CRASH_ROUNDS times, 5 unless set)
#   --scale     also runs the two-instance proof (tests/scale.sh: PostgreSQL, Redis, two instances and nginx
#               as local processes, the tests of tests/Annotate.Scale against them)
# The default run leaves the slow suite and the two-instance proof out.
set -euo pipefail

postgres=0
slow=0
scale=0
for argument in "$@"; do
    case $argument in
        --postgres) postgres=1 ;;
        --slow) slow=1 ;;
        --scale) scale=1 ;;
        *) echo "usage: $0 [--postgres] [--slow] [--scale]" >&2; exit 2 ;;
    esac
done

cd "$(dirname "${BASH_SOURCE[0]}")"
started=$SECONDS
configuration="${CONFIGURATION:-Release}"
results="TestResults/run-$(date +%Y%m%d-%H%M%S)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step() { printf '\n== %s\n' "$*"; }

# --- What the tests need -------------------------------------------------------------------------
# Debian packages, installed when missing: Playwright cannot download its browsers here, so the E2E tests
# drive Debian's chromium; the tests of several instances start throwaway redis-servers of their own (on CI
# they fail rather than skip without one); the PostgreSQL run starts a throwaway cluster (initdb, pg_ctl).
postgres_installed() { command -v initdb >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; }
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
[[ -x /usr/bin/redis-server ]] || missing+=(redis-server)
postgres_installed || missing+=(postgresql)
if [[ ${#missing[@]} -gt 0 ]]; then
    step "Installing ${missing[*]}"
    sudo_if_needed=()
    [[ $(id -u) -ne 0 ]] && sudo_if_needed=(sudo)
    "${sudo_if_needed[@]}" apt-get update
    DEBIAN_FRONTEND=noninteractive "${sudo_if_needed[@]}" apt-get install -y "${missing[@]}"
fi

step "Restoring local tools"
dotnet tool restore

# --- Build once ------------------------------------------------------------------------------------
step "Building Annotate.sln ($configuration)"
dotnet build Annotate.sln -c "$configuration" -nologo

step "Checking that every model change has a migration (SQLite, then PostgreSQL)"
dotnet ef migrations has-pending-model-changes \
    --project src/Data --startup-project src/Web --no-build --configuration "$configuration"
# Design time only parses the connection string; no server is needed.
Database__Provider=Postgres ConnectionStrings__Annotate="Host=localhost" dotnet ef migrations has-pending-model-changes \
    --project src/Data.Postgres --startup-project src/Web --no-build --configuration "$configuration"
# Design time runs Program up to Build, which makes the default data folder; it holds nothing.
rmdir src/Web/App_Data 2>/dev/null || true

# --- Test every project, one after the other --------------------------------------------------
# One at a time: the E2E tests measure live latency and share two cores with everything else.
shopt -s nullglob
projects=(tests/*/*.csproj)
if [[ ${#projects[@]} -eq 0 ]]; then
    echo "No test projects under tests/." >&2
    exit 1
fi

crashed=()
runs=()
# A test that never ends (a wait with nothing to wake it) fails the run with its name, rather than holding CI
# until its time limit: vstest stops the test host after this long without a test finishing.
hang_guard=(--blame-hang --blame-hang-timeout 10m --blame-hang-dump-type none)
for project in "${projects[@]}"; do
    name=$(basename "$project" .csproj)
    # Its tests need what tests/scale.sh starts (--scale below); run here they would only be skipped.
    [[ $name == Annotate.Scale ]] && continue
    runs+=("$name")
    step "Testing $name"
    if ! dotnet test "$project" -c "$configuration" --no-build --nologo "${hang_guard[@]}" \
            --filter "Suite!=Slow" \
            --results-directory "$results" \
            --logger "trx;LogFileName=$name.trx" \
            --logger "console;verbosity=normal"; then
        crashed+=("$name")
    fi
done

# PostgreSQL: the engine-specific tests (--postgres: the whole suite), every test database a fresh database
# on a throwaway cluster. PostgreSQL is installed above like redis; one that still will not start fails the
# run (never a skip: these tests must not pass by being left out).
runs+=("Annotate.Web.Tests.Postgres")
if [[ $postgres -eq 1 ]]; then
    postgres_filter="Suite!=Slow"
    step "Testing Annotate.Web.Tests on PostgreSQL"
else
    postgres_filter="Engine=Specific&Suite!=Slow"
    step "Testing the engine-specific tests of Annotate.Web.Tests on PostgreSQL (Engine=Specific)"
fi
if ! tests/postgres.sh run dotnet test tests/Annotate.Web.Tests -c "$configuration" --no-build --nologo "${hang_guard[@]}" \
        --filter "$postgres_filter" \
        --results-directory "$results" \
        --logger "trx;LogFileName=Annotate.Web.Tests.Postgres.trx" \
        --logger "console;verbosity=normal"; then
    crashed+=("Annotate.Web.Tests.Postgres")
fi

if [[ $slow -eq 1 ]]; then
    # The slow suite (issue 13's crash check: the published app killed mid-burst of writes, restarted, the
    # file checked, ANNOTATE_CRASH_ROUNDS rounds). Only the slow tests: the rest ran above.
    runs+=("Annotate.Web.Tests.Slow")
    step "Testing the slow suite of Annotate.Web.Tests"
    if ! ANNOTATE_CRASH_ROUNDS="${ANNOTATE_CRASH_ROUNDS:-5}" dotnet test tests/Annotate.Web.Tests -c "$configuration" --no-build --nologo "${hang_guard[@]}" \
            --filter "Suite=Slow" \
            --results-directory "$results" \
            --logger "trx;LogFileName=Annotate.Web.Tests.Slow.trx" \
            --logger "console;verbosity=detailed"; then
        crashed+=("Annotate.Web.Tests.Slow")
    fi
fi

if [[ $scale -eq 1 ]]; then
    # Issue 13's proof: two instances on one PostgreSQL database and one Redis, nginx in front; the live
    # tests first, then those that kill instance A.
    runs+=("Annotate.Scale.Live" "Annotate.Scale.InstanceDown")
    step "Two instances behind nginx (tests/scale.sh)"
    if ! tests/scale.sh --no-build --results "$results"; then
        crashed+=("Annotate.Scale")
    fi
fi

# --- The issue 12 harness, small sizes --------------------------------------------------------------
# It must run and print its table with figures; the figures are never judged here (timings on a shared
# machine vary too much), the full run and its targets are bench/run.sh without --quick. It counts as one
# check in the final line. The 10-minute ceiling only turns a hang into a failure (a quick run takes well
# under 2 minutes); timeout signals the whole process group, so the servers run.sh started stop too.
step "Benchmark harness (bench/run.sh --quick)"
bench_log="$results/bench-quick.log"
bench_passed=0 bench_failed=0
mkdir -p "$results"
if timeout --kill-after=15 600 bench/run.sh --quick --no-build --out "$results/bench-quick" >"$bench_log" 2>&1 \
        && grep -q "^| measure | baseline | Annotate | ratio | target | met |" "$results/bench-quick/table.md" \
        && grep -Eq "^\| hub fan-out, [0-9,]+ clients, p95 \| [0-9.,]+ ms \| [0-9.,]+ ms \|" "$results/bench-quick/table.md" \
        && grep -Eq "^\| API writes, [^|]*\| [0-9.,]+/s \| [0-9.,]+/s \|" "$results/bench-quick/table.md"; then
    cat "$results/bench-quick/table.md"
    bench_passed=1
else
    tail -n 60 "$bench_log"
    echo "bench/run.sh --quick did not print its table with figures (log: $bench_log)"
    bench_failed=1
fi

# --- Sum up ------------------------------------------------------------------------------------------
passed=$bench_passed failed=$bench_failed skipped=0
counter() { # attribute value from a TRX <Counters .../> line
    local value
    value=$(grep -o "<Counters [^>]*" "$2" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]\+' || true)
    echo "${value:-0}"
}
for name in "${runs[@]}"; do
    trx="$results/$name.trx"
    if [[ ! -f $trx ]]; then
        # A run that left no results (PostgreSQL that would not start, a crashed test host) counts as a failure.
        echo "$name: no results (did the test run start?); counted as one failure" >&2
        failed=$((failed + 1))
        continue
    fi
    passed=$((passed + $(counter passed "$trx")))
    # xunit's skipped tests are results with the outcome NotExecuted, but the TRX counters leave notExecuted at 0:
    # they are what was not executed of the total. Errors, timeouts and aborts are failures.
    skipped=$((skipped + $(counter total "$trx") - $(counter executed "$trx")))
    for kind in failed error timeout aborted; do
        failed=$((failed + $(counter "$kind" "$trx")))
    done
done

# Figures the E2E tests measure, so they can be quoted from the CI log.
measures=$(cat "$results"/*.trx </dev/null 2>/dev/null \
    | grep -o -E '(Live latency|axe \()[^<]*' \
    | sed -e 's/&gt;/>/g' -e 's/&lt;/</g' -e 's/&amp;/\&/g' -e 's/&quot;/"/g' || true)
if [[ -n $measures ]]; then
    step "Measured"
    echo "$measures"
fi

# The failed tests by name, with the first line of what each said, at the end where a cut log still shows them.
failures=$(perl -0777 -ne '
    while (/<UnitTestResult [^>]*testName="([^"]*)"[^>]*outcome="(?:Failed|Error|Timeout|Aborted)"[^>]*>(.*?)<\/UnitTestResult>/gs) {
        my ($name, $body) = ($1, $2);
        my ($message) = $body =~ /<Message>([^\n<]*)/;
        $message //= "";
        for ($name, $message) { s/&gt;/>/g; s/&lt;/</g; s/&quot;/"/g; s/&apos;/\x27/g; s/&amp;/&/g; }
        print "FAILED $name\n    ", substr($message, 0, 300), "\n";
    }' "$results"/*.trx </dev/null 2>/dev/null || true)
if [[ -n $failures ]]; then
    step "Failed tests"
    echo "$failures"
fi

step "Done in $((SECONDS - started)) s; results in $results"
if [[ ${#crashed[@]} -gt 0 ]]; then
    echo "dotnet test reported failure for: ${crashed[*]}"
fi
echo "The benchmark harness (bench/run.sh --quick) counts as one check: $([[ $bench_passed -eq 1 ]] && echo passed || echo failed)"
echo "$passed passed, $failed failed, $skipped skipped"
if [[ $failed -gt 0 || ${#crashed[@]} -gt 0 ]]; then
    exit 1
fi
