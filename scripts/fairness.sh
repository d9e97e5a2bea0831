#!/usr/bin/env bash
# scripts/fairness.sh [--before REF] [race options]: the multi-process fairness measurement of docs/concurrency.md.
# Builds tests/DomainWorker of this tree ("after") and of git REF ("before", default main, skipped with --before none),
# then runs three processes paying and claiming on one SQLite file, both builds interleaved in every round, and prints
# each run's shares and p50/p99 per process with the load average. Race options: --rounds N (3), --processes N (3),
# --seconds S (4), --alone (a lone process of each build as a floor), --build name=worker.dll[;VAR=value] (more builds).
set -euo pipefail
cd "$(dirname "$0")/.."
before=main
if [ "${1:-}" = "--before" ]; then
  before="$2"
  shift 2
fi

dotnet build tests/DomainWorker -c Release -nologo -v quiet >&2
builds=(--build "after=tests/DomainWorker/bin/Release/net10.0/ECommerce.DomainWorker.dll")
if [ "$before" != "none" ]; then
  tree="$(mktemp -d)"
  trap 'rm -rf "$tree"' EXIT
  git archive "$before" | tar -x -C "$tree"
  dotnet build "$tree/tests/DomainWorker" -c Release -nologo -v quiet >&2
  builds=(--build "before=$tree/tests/DomainWorker/bin/Release/net10.0/ECommerce.DomainWorker.dll" "${builds[@]}")
fi

echo "load before: $(uptime)" >&2
dotnet tests/DomainWorker/bin/Release/net10.0/ECommerce.DomainWorker.dll race "${builds[@]}" "$@"
echo "load after: $(uptime)" >&2
