#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: installs Debian's Chromium for the browser tests when it
# is missing, builds, runs all test projects, the domain tests a second time on a throwaway PostgreSQL, the
# quick domain benchmark on both stores and the quick HTTP API benchmark, and ends with one line
# "Tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "Chromium not found at $chromium: installing Debian's chromium package for the browser tests." >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

results="$(pwd)/TestResults"
rm -rf "$results"
status=0
# One test project at a time: the multi-process races and the browser tests each want the machine's two cores.
dotnet build ECommerce.sln -nologo -v quiet
for project in tests/Domain.Tests tests/UI.Tests tests/Api.Tests tests/E2E; do
  # Tests of PostgreSQL itself (LISTEN/NOTIFY between instances) carry Store=PostgreSqlOnly and run in the run below.
  dotnet test "$project" --no-build --filter "Store!=PostgreSqlOnly" --logger "trx;LogFileName=$(basename "$project").trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || status=$?
done

# The domain suite again on PostgreSQL, on a throwaway server (scripts/postgres.sh), stopped even on failure. The
# tests about SQLite itself (its file, its query plans, its write turns) carry the trait Store=SqliteOnly, and those
# that open no database Store=NoDatabase: both stay out.
# SHOP_TEST_POSTGRES set beforehand: that server is used and left alone.
if [ -z "${SHOP_TEST_POSTGRES:-}" ]; then
  export SHOP_POSTGRES_STATE="$results/postgres-server"
  mkdir -p "$results"
  trap 'scripts/postgres.sh stop' EXIT
  SHOP_TEST_POSTGRES="$(scripts/postgres.sh start)"
fi
SHOP_TEST_STORE=postgresql SHOP_TEST_POSTGRES="$SHOP_TEST_POSTGRES" dotnet test tests/Domain.Tests --no-build \
  --filter "Store!=SqliteOnly&Store!=NoDatabase" --logger "trx;LogFileName=Domain.Tests.postgresql.trx" --logger "console;verbosity=minimal" \
  --results-directory "$results" || status=$?

# The benchmark at its small size on both stores: it keeps building and running, and its invariant checks fail loudly.
bench/run.sh --quick || status=$?
SHOP_BENCH_POSTGRES="$SHOP_TEST_POSTGRES" bench/run.sh --quick --store postgresql || status=$?
# The JSON API's load scenarios at their small size, over HTTP against the Release build: same loud invariants.
bench/api.sh --quick || status=$?

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed)))
  skipped=$((skipped + $(get notExecuted)))
done
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
