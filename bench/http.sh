#!/usr/bin/env bash
# bench/http.sh [APP_FOLDER]: page benchmark. Starts the storefront from its Release build output in Production
# on a free loopback port over a fresh database, drives each page with wrk (64 connections) and prints one line
# per page: requests/s, p50, p99 and the ratio to a floor measured in the same run. The floor is /robots.txt, a
# tiny static file served through the same middleware and endpoint routing as the pages. Stops the app on exit.
# cpu_us_per_req is the app process's processor time per request (user + system, from /proc): unlike requests/s,
# other load on a shared machine barely moves it, so it is the figure to compare between builds measured apart.
# Without APP_FOLDER it builds src/Storefront in Release first. DURATION (seconds, default 10) sets each run.
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${DURATION:-10}"
connections=64
app="${1:-}"
if [ -z "$app" ]; then
  dotnet build src/Storefront -c Release -nologo -v quiet >&2
  app="src/Storefront/bin/Release/net10.0"
fi
app="$(cd "$app" && pwd)"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

data="$(mktemp -d /tmp/http-bench-XXXXXX)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"

# The build output finds wwwroot and the static web assets manifest relative to the content root.
(cd "$app" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" \
  Logging__LogLevel__Default=Warning \
  Shop__Database__ConnectionString="Data Source=$data/shop.db" Shop__DataPlatform__Folder="$data/data-platform" \
  exec dotnet ECommerce.Storefront.dll >"$data/app.log" 2>&1) &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

for _ in $(seq 1 120); do
  curl -fsS -o /dev/null "$base/robots.txt" 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || { cat "$data/app.log" >&2; exit 1; }
  sleep 0.5
done

# A product and a category that the demo data always has.
product="/products/1"
filtered="/catalog?category=1&instock=true&sort=price-asc"
for path in /robots.txt / /catalog "$filtered" "$product"; do
  status="$(curl -s -o /dev/null -w '%{http_code}' "$base$path")"
  [ "$status" = 200 ] || { echo "$path answered $status" >&2; exit 1; }
done

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
ticks_per_s="$(getconf CLK_TCK)"

# wrk's --latency table gives the percentiles; normalise its units to milliseconds.
measure() {
  wrk -t2 -c"$connections" -d2s --timeout 10s "$base$1" >/dev/null   # warm-up
  local before; before="$(cpu_ticks)"
  wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s --latency "$base$1" | awk -v before="$before" -v after_file="/proc/$pid/stat" -v hz="$ticks_per_s" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    $2 == "requests" && $3 == "in" { n = $1 }
    $1 == "Requests/sec:" { rps = $2 }
    /Non-2xx/ { bad = $NF }
    END { getline stat < after_file; split(stat, f, " "); cpu = (f[14] + f[15] - before) / hz * 1e6
          printf "%.0f %.1f %.1f %d %.0f\n", rps, p50, p99, bad, n ? cpu / n : 0 }'
}

read -r floor_rps floor_p50 floor_p99 floor_bad floor_cpu < <(measure /robots.txt)
printf 'page=%-46s rps=%-7s p50_ms=%-6s p99_ms=%-6s non2xx=%s cpu_us_per_req=%s\n' floor:/robots.txt "$floor_rps" "$floor_p50" "$floor_p99" "$floor_bad" "$floor_cpu"
for path in / /catalog "$filtered" "$product"; do
  read -r rps p50 p99 bad cpu < <(measure "$path")
  ratio="$(awk -v a="$rps" -v b="$floor_rps" 'BEGIN { printf "%.3f", a / b }')"
  printf 'page=%-46s rps=%-7s p50_ms=%-6s p99_ms=%-6s non2xx=%s vs_floor=%s cpu_us_per_req=%s\n' "$path" "$rps" "$p50" "$p99" "$bad" "$ratio" "$cpu"
done
