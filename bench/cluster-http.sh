#!/usr/bin/env bash
# bench/cluster-http.sh [--quick] [N ...]: HTTP load through nginx against a cluster of 1, then 2 (or the given)
# storefront instances (scripts/cluster.sh, PostgreSQL), pages and API. For each size and page: requests/s and p99
# through the load balancer, and the storefront processes' CPU time per request (user + system from /proc, summed
# over the instances), which is the figure to compare: on a shared 2-core machine throughput cannot double, but the
# work per request must not grow with N. wrk sends no cookie, so nginx spreads its requests over the instances.
# Then the API benchmark (bench/api.sh --base-url) through the same nginx: one line per scenario, prefixed with
# instances=N, whose app_cpu_us_per_op sums the instances likewise (its client sends no cookie either).
# DURATION (seconds, default 10; 3 with --quick, which also drives the pages over 4 connections instead of 32 and runs
# the API scenarios at their quick size). A page that no request finished within the run prints req/s=0 answered=0.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=""
sizes=()
for arg in "$@"; do
  case "$arg" in
    --quick) quick="--quick" ;;
    *) sizes+=("$arg") ;;
  esac
done
duration="${DURATION:-$([ -n "$quick" ] && echo 3 || echo 10)}"
# Quick: few connections, so that a page still answers within the short run on a busy machine.
connections="$([ -n "$quick" ] && echo 4 || echo 32)"
[ ${#sizes[@]} -gt 0 ] || sizes=(1 2)
# The instances take the API bench's accounts as bench/api.sh's own app does: its password hash work factor, and
# every shopper signing in from 127.0.0.1 (the ones of the demo data sign in as before).
export Shop__Accounts__PasswordHasher__IterationCount=1000 Shop__Api__RateLimits__SignInsPerAddress=1000000
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
state="$(mktemp -d /tmp/cluster-bench-XXXXXX)"
export SHOP_CLUSTER_STATE="$state/cluster"
trap 'scripts/cluster.sh down >/dev/null 2>&1 || true; rm -rf "$state"' EXIT
ticks_per_s="$(getconf CLK_TCK)"

instance_pids() {
  local pidfile pids=()
  for pidfile in "$SHOP_CLUSTER_STATE"/instance-*/pid; do pids+=("$(cat "$pidfile")"); done
  (IFS=,; echo "${pids[*]}")
}

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
        if (count + 0 == 0) { printf "instances=%d page=%-12s req/s=0 answered=0 (no request finished within the run)\n", n, path; exit }
        printf "instances=%d page=%-12s req/s=%8.1f p99_ms=%7.1f cpu_us_per_req=%7.0f without_idle=%7.0f non2xx=%d\n",
          n, path, rps, p99, ticks / hz * 1e6 / count, (ticks - idle) / hz * 1e6 / count, bad + 0
      }' "$state/wrk"
  done
  postgresql="$(awk '$1 == "postgresql" { $1 = ""; sub(/^ /, ""); print }' "$state/status")"
  bench/api.sh --base-url "$lb" --postgresql "$postgresql" --app-pids "$(instance_pids)" $quick claim-rush last-units order-flow reads \
    | sed "s/^/instances=$n api /" || api_status=$?
  scripts/cluster.sh down
done
echo "uptime after: $(uptime)"
exit "${api_status:-0}"
