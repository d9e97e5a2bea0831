#!/usr/bin/env bash
# bench/run.sh [--quick] [scenario ...]: builds the benchmark in Release and runs it. One line per scenario
# on stdout; build output and progress on stderr. Exits non-zero when an invariant is broken.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Bench.csproj -c Release -nologo -v quiet >&2
exec dotnet bench/bin/Release/net10.0/ECommerce.Bench.dll "$@"
