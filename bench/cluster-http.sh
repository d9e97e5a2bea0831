#!/usr/bin/env bash
# bench/cluster-http.sh [N ...]: page load through nginx against a cluster of 1, then 2 (or the given) storefront
# instances (scripts/cluster.sh, PostgreSQL). For each size and page: requests/s and p99 through the load balancer,
# and the storefront processes' CPU time per request (user + system from /proc, summed over the instances), which is
# the figure to compare: on a shared 2-core machine throughput cannot double, but the work per request must not grow
# with N. wrk sends no cookie, so nginx spreads its requests over the instances. DURATION (seconds, default 10).
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${DURATION:-10}"
connections=32
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 2)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
state="$(mktemp -d /tmp/cluster-bench-XXXXXX)"
export SHOP_CLUSTER_STATE="$state/cluster"
trap 'scripts/cluster.sh down >/dev/null 2>&1 || true; rm -rf "$state"' EXIT
ticks_per_s="$(getconf CLK_TCK)"

instance_ticks() {
  local total=0 pidfile
  for pidfile in "$SHOP_CLUSTER_STATE"/instance-*/pid; do
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$(cat "$pidfile")/stat")))
  done
  echo "$total"
}

echo "uptime before: $(uptime)"
for n in "${sizes[@]}"; do
  scripts/cluster.sh up "$n" >"$state/status"
  lb="$(awk '$1 == "lb" { print $2 }' "$state/status")"
  # The instances' own background work (outbox polling, expiry sweeps), measured idle over the same time and then
  # taken off each page's figure: with few requests it would otherwise weigh on every one of them.
  before="$(instance_ticks)"; sleep "$duration"; idle=$(($(instance_ticks) - before))
  echo "instances=$n idle_cpu_ms_per_s=$(awk -v t="$idle" -v hz="$ticks_per_s" -v d="$duration" 'BEGIN { printf "%.0f", t / hz * 1000 / d }')"
  for path in /catalog /products/1; do
    wrk -t2 -c"$connections" -d2s --timeout 10s "${lb%/}$path" >/dev/null # warm-up: every instance's caches
    before="$(instance_ticks)"
    wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s --latency "${lb%/}$path" >"$state/wrk"
    after="$(instance_ticks)"
    awk -v n="$n" -v path="$path" -v ticks="$((after - before))" -v idle="$idle" -v hz="$ticks_per_s" '
      function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
      $1 == "99%" { p99 = ms($2) }
      $2 == "requests" && $3 == "in" { count = $1 }
      $1 == "Requests/sec:" { rps = $2 }
      /Non-2xx/ { bad = $NF }
      END {
        printf "instances=%d page=%-12s req/s=%8.1f p99_ms=%7.1f cpu_us_per_req=%7.0f without_idle=%7.0f non2xx=%d\n",
          n, path, rps, p99, ticks / hz * 1e6 / count, (ticks - idle) / hz * 1e6 / count, bad + 0
      }' "$state/wrk"
  done
  scripts/cluster.sh down
done
echo "uptime after: $(uptime)"
