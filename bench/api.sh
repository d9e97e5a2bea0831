#!/usr/bin/env bash
# bench/api.sh [--quick] [scenario ...]: load tests of the JSON API over HTTP. Starts the storefront from its Release
# build output in Production over a fresh SQLite file on a free loopback port, then runs bench/ApiLoad against it:
# claim-rush, last-units, order-flow, reads, then small-box against the app restarted on one core (taskset -c 0)
# with a 1 GB GC heap limit (the generator then runs on the other core). One line per scenario on stdout,
# progress on stderr; exits non-zero when an invariant is broken. --quick sizes everything down for CI.
#
# bench/api.sh --base-url URL (--postgresql CONNECTION | --database FILE) [--app-pids PID,PID...] [--quick] [scenario ...]:
# the same scenarios (not small-box, which restarts its own app) against a shop already running, e.g. a cluster
# behind nginx (bench/cluster-http.sh): its database for setup and the invariants (with scripts/cluster.sh, the
# PostgreSQL connection string `cluster.sh status` prints) and, for the app's CPU per operation, the instances' PIDs
# (summed). The running shop must take the bench's accounts as bench/api.sh's own app does: start it with
# Shop__Accounts__PasswordHasher__IterationCount=1000 and Shop__Api__RateLimits__SignInsPerAddress=1000000.
set -euo pipefail
cd "$(dirname "$0")/.."

# The generator's own collector: where the runtime finds no cache sizes (this VM has no /sys/.../cache), its young
# generation stays near 1.7 MB and a rush of 256 connections collects it hundreds of times a second, on the cores the
# app needs. 64 MB cut the generator's processor time per claim by about a third (docs/performance.md, "The load
# generator's collector"). Only the generator gets it: the app runs as shipped.
generator=(env DOTNET_GCgen0size=0x4000000 dotnet)
quick=""
base_url=""
database=()
app_pids=""
scenarios=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick="--quick" ;;
    --base-url) base_url="${2:?--base-url needs a URL}"; shift ;;
    --postgresql) database=(--postgresql "${2:?--postgresql needs a connection string}"); shift ;;
    --database) database=(--database "${2:?--database needs a SQLite file}"); shift ;;
    --app-pids) app_pids="${2:?--app-pids needs process ids, comma separated}"; shift ;;
    --*) echo "bench/api.sh: unknown option $1" >&2; exit 2 ;;
    *) scenarios+=("$1") ;;
  esac
  shift
done
if [ -n "$base_url" ]; then
  [ ${#database[@]} -gt 0 ] || { echo "bench/api.sh: --base-url needs the shop's database: --postgresql CONNECTION or --database FILE" >&2; exit 2; }
  [ ${#scenarios[@]} -gt 0 ] || scenarios=(claim-rush last-units order-flow reads)
  for s in "${scenarios[@]}"; do
    [ "$s" != small-box ] || { echo "bench/api.sh: small-box restarts its own app on one core; it cannot run with --base-url" >&2; exit 2; }
  done
  dotnet build bench/ApiLoad -c Release -nologo -v quiet >&2
  echo "load: $(uptime)" >&2
  exec "${generator[@]}" "$(pwd)/bench/ApiLoad/bin/Release/net10.0/ECommerce.ApiLoad.dll" --app "${base_url%/}" "${database[@]}" \
    ${app_pids:+--app-pid "$app_pids"} $quick "${scenarios[@]}"
fi
[ ${#database[@]} -eq 0 ] && [ -z "$app_pids" ] || { echo "bench/api.sh: --postgresql, --database and --app-pids go with --base-url" >&2; exit 2; }
[ ${#scenarios[@]} -gt 0 ] || scenarios=(claim-rush last-units order-flow reads small-box)
shared=()
small_box=""
for s in "${scenarios[@]}"; do
  if [ "$s" = small-box ]; then small_box=1; else shared+=("$s"); fi
done

dotnet build src/Storefront -c Release -nologo -v quiet >&2
dotnet build bench/ApiLoad -c Release -nologo -v quiet >&2
app="$(pwd)/src/Storefront/bin/Release/net10.0"
load="$(pwd)/bench/ApiLoad/bin/Release/net10.0/ECommerce.ApiLoad.dll"

data="$(mktemp -d /tmp/api-bench-XXXXXX)"
pid=""
stop_app() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=""; fi
}
trap 'stop_app; rm -rf "$data"' EXIT

# start_app [command prefix ...]: the app on a fresh free port over the same database file. Only the sign-in limit
# per address is raised (every shopper signs in from 127.0.0.1); claims per shopper (each claims twice) and the cap
# on requests in flight (512, then a queue of 1,024: 1,000 connections fit) stay as shipped. The password hash work
# factor matches the accounts bench/ApiLoad writes (see docs/performance.md, "API load").
start_app() {
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  base="http://127.0.0.1:$port"
  (cd "$app" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" \
    Logging__LogLevel__Default=Warning \
    Shop__Database__ConnectionString="Data Source=$data/shop.db" Shop__DataPlatform__Folder="$data/data-platform" \
    Shop__Seed__DemoData=false \
    Shop__Accounts__PasswordHasher__IterationCount=1000 \
    Shop__Api__RateLimits__SignInsPerAddress=1000000 \
    exec "$@" dotnet ECommerce.Storefront.dll >>"$data/app.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "$base/api/ping" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  echo "The app did not answer /api/ping:" >&2
  tail -50 "$data/app.log" >&2
  exit 1
}

status=0
if [ ${#shared[@]} -gt 0 ]; then
  start_app
  echo "load: $(uptime)" >&2
  "${generator[@]}" "$load" --app "$base" --app-pid "$pid" --database "$data/shop.db" $quick "${shared[@]}" || status=$?
  stop_app
fi
if [ -n "$small_box" ]; then
  start_app taskset -c 0 env DOTNET_GCHeapHardLimit=0x40000000
  echo "load: $(uptime)" >&2
  taskset -c 1 "${generator[@]}" "$load" --app "$base" --app-pid "$pid" --database "$data/shop.db" $quick small-box || status=$?
  stop_app
fi
if [ "$status" -ne 0 ]; then
  echo "bench/api.sh: invariants BROKEN or the run failed (exit $status); the app's log:" >&2
  tail -30 "$data/app.log" >&2
fi
exit "$status"
