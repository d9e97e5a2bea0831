#!/usr/bin/env bash
# bench/run.sh [--quick] [--store sqlite|postgresql] [scenario ...]: builds the benchmark in Release and runs it. One
# line per scenario on stdout; build output and progress on stderr. Exits non-zero when an invariant is broken.
# With --store postgresql and no SHOP_BENCH_POSTGRES (a connection string), it starts a throwaway PostgreSQL
# (scripts/postgres.sh) and stops it afterwards, even on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Bench.csproj -c Release -nologo -v quiet >&2

store=sqlite
previous=""
for argument in "$@"; do
  [ "$previous" = "--store" ] && store="$argument"
  previous="$argument"
done

if [ "${store,,}" = "postgresql" ] && [ -z "${SHOP_BENCH_POSTGRES:-}" ]; then
  export SHOP_POSTGRES_STATE
  SHOP_POSTGRES_STATE="$(mktemp -u "${TMPDIR:-/tmp}/shop-bench-postgres.XXXXXX")"
  trap 'scripts/postgres.sh stop' EXIT
  SHOP_BENCH_POSTGRES="$(scripts/postgres.sh start)"
  export SHOP_BENCH_POSTGRES
  dotnet bench/bin/Release/net10.0/ECommerce.Bench.dll "$@"
  exit
fi
exec dotnet bench/bin/Release/net10.0/ECommerce.Bench.dll "$@"
