#!/usr/bin/env bash
# bench/circuits.sh [pages] [contexts] [actions] [--heap] [--path=/x] [--server-log]: memory and capacity of one instance holding real circuits.
# Starts the storefront from its Release build output in Production over a fresh SQLite file on a free loopback port,
# with its local-only POST /diagnostics/memory on (a forced full collection, then the managed heap and working set),
# and drives it with bench/CircuitLoad: [pages] Chromium pages (default 100) on the home page in [contexts] browser
# contexts, held open; memory per idle circuit = the change after a forced collection divided by the circuits held;
# the p99 of a page action (the theme switch, [actions] clicks) with no other circuit open and then with all of them.
# --heap also reads the heap by type with ClrMD (the process suspended while read) to say what a circuit is made of.
# --server-log runs the instance with the circuits' debug log on and reads from it the server's share of each action
# (event arrived -> render batch sent) and the browser's (batch sent -> applied and acknowledged); the debug log costs
# the instance a little, so the action's timings of such a run are not the ones to compare.
# The action is timed inside the page (click -> DOM updated -> next frame); see docs/operations.md.
# Not part of scripts/test.sh: it takes minutes and gigabytes. Figures and what they mean: docs/operations.md.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build src/Storefront -c Release -nologo -v quiet >&2
dotnet build bench/CircuitLoad -c Release -nologo -v quiet >&2
app="$(pwd)/src/Storefront/bin/Release/net10.0"
driver="$(pwd)/bench/CircuitLoad/bin/Release/net10.0/ECommerce.CircuitLoad.dll"

data="$(mktemp -d /tmp/circuits-bench-XXXXXX)"
pid=""
driver_args=()
circuit_log=()
for arg in "${@:4}"; do
  if [ "$arg" = "--server-log" ]; then
    driver_args+=("--server-log=$data/app.log")
    circuit_log=("Logging__LogLevel__Microsoft.AspNetCore.Components.Server.Circuits=Debug")
  else
    driver_args+=("$arg")
  fi
done
stop_app() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi
}
trap 'stop_app; rm -rf "$data"' EXIT

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://localhost:$port"
(cd "$app" && exec env ${circuit_log[@]+"${circuit_log[@]}"} ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
  Logging__LogLevel__Default=Warning \
  Shop__Database__ConnectionString="Data Source=$data/shop.db" Shop__DataPlatform__Folder="$data/data-platform" \
  Shop__Operations__MemoryEndpoint=true \
  dotnet ECommerce.Storefront.dll >>"$data/app.log" 2>&1) &
pid=$!
for _ in $(seq 1 240); do
  curl -fsS -o /dev/null "$base/" 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || { echo "The app exited:" >&2; tail -50 "$data/app.log" >&2; exit 1; }
  sleep 0.5
done

echo "load before: $(uptime)" >&2
dotnet "$driver" "$base" "${1:-100}" "${2:-4}" "${3:-200}" ${driver_args[@]+"${driver_args[@]}"}
echo "load after: $(uptime)" >&2
