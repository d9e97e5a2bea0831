#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: installs Debian's Chromium for the browser tests when it
# is missing, builds, runs all test projects and the quick benchmarks (domain and HTTP API), and ends with one line
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
for project in tests/Domain.Tests tests/UI.Tests tests/E2E; do
  dotnet test "$project" --no-build --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?
done

# The benchmark at its small size: it keeps building and running, and its invariant checks fail loudly.
bench/run.sh --quick || status=$?
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
