#!/usr/bin/env bash
# scripts/cluster.sh up|down|status [N]: the shop scaled out on loopback (docs/scale-out.md).
#   up [N]   a throwaway PostgreSQL (scripts/postgres.sh), N storefront instances (default 2; Production, PostgreSQL,
#            free ports; started together, so they take turns migrating and seeding) and nginx in front of them
#            with sticky sessions for Blazor's circuits. Waits until every instance answers /health/ready.
#   down     stops exactly what `up` started (the PIDs in the state folder) and deletes the state folder.
#   revive   starts again, on its port, every instance that has exited (killed, crashed) and waits until it is ready.
#   status   one line per part: `lb http://...`, `instance http://... ready|not ready`, `postgresql ...`.
# State folder: $SHOP_CLUSTER_STATE, by default .cluster in the repository. The storefront: $SHOP_CLUSTER_APP (a
# built ECommerce.Storefront.dll), by default the Release build output, built first when missing.
# Installs Debian's nginx (and, through scripts/postgres.sh, postgresql) when missing.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
state="${SHOP_CLUSTER_STATE:-$repo/.cluster}"
app="${SHOP_CLUSTER_APP:-$repo/src/Storefront/bin/Release/net10.0/ECommerce.Storefront.dll}"
ready_timeout="${SHOP_CLUSTER_READY_TIMEOUT:-180}"
export SHOP_POSTGRES_STATE="$state/postgres-server"

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

ready() { curl -fsS -m 5 "$1/health/ready" >/dev/null 2>&1; }

ensure_nginx() {
  if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then return; fi
  echo "nginx not found: installing Debian's nginx package." >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  # Only the program: the package's own service is not used (and may fail to start without a network; harmless).
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nginx-light >/dev/null 2>&1 \
    || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nginx >/dev/null
}

nginx_bin() { command -v nginx 2>/dev/null || echo /usr/sbin/nginx; }

ensure_app() {
  if [ -f "$app" ]; then return; fi
  echo "Building the storefront (Release) into $(dirname "$app")" >&2
  dotnet build "$repo/src/Storefront" -c Release -nologo -v quiet >&2
}

# nginx.conf for the running instances. The affinity cookie: all loopback clients share one IP, so ip_hash would send
# everyone to one instance; instead a shopper's first answer sets a random id (nginx's $request_id) and the consistent
# hash of that id picks the instance from then on (the page, Blazor's negotiate and its WebSocket alike).
write_nginx_conf() {
  local lb_port=$1; shift
  local folder="$state/nginx"
  mkdir -p "$folder/logs" "$folder/temp"
  # Workers run as an unprivileged user when nginx starts as root: they write request bodies here.
  chmod 777 "$folder/temp"
  {
    cat <<EOF
worker_processes 1;
pid $folder/nginx.pid;
error_log $folder/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log $folder/logs/access.log;
  client_body_temp_path $folder/temp/body;
  proxy_temp_path $folder/temp/proxy;
  fastcgi_temp_path $folder/temp/fastcgi;
  uwsgi_temp_path $folder/temp/uwsgi;
  scgi_temp_path $folder/temp/scgi;

  map \$cookie_shop_affinity \$affinity {
    ""      \$request_id;
    default \$cookie_shop_affinity;
  }
  map \$cookie_shop_affinity \$affinity_cookie {
    ""      "shop_affinity=\$request_id; Path=/; HttpOnly; SameSite=Lax";
    default "";
  }
  map \$http_upgrade \$connection_upgrade {
    default upgrade;
    ""      "";
  }

  upstream storefront {
    hash \$affinity consistent;
    # nginx OSS has no active health checks: an instance that refuses or times out is left out for fail_timeout.
EOF
    for port in "$@"; do
      echo "    server 127.0.0.1:$port max_fails=1 fail_timeout=10s;"
    done
    cat <<EOF
    keepalive 32;
  }

  server {
    listen 127.0.0.1:$lb_port;
    location / {
      proxy_pass http://storefront;
      proxy_http_version 1.1;
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      # A circuit's WebSocket stays open for as long as the page does.
      proxy_read_timeout 1h;
      proxy_send_timeout 1h;
      # A dead instance's requests go to a live one (a POST only when it never reached the dead one).
      proxy_next_upstream error timeout http_502 http_503;
      proxy_connect_timeout 2s;
      add_header Set-Cookie \$affinity_cookie always;
      # Which instance answered: for operators and for the tests that kill "this shopper's" instance.
      add_header X-Shop-Instance \$upstream_addr always;
    }
  }
}
EOF
  } >"$folder/nginx.conf"
}

start_instance() {
  local index=$1 port=$2 connection=$3
  local folder="$state/instance-$index"
  mkdir -p "$folder"
  (
    cd "$(dirname "$app")"
    ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="http://127.0.0.1:$port" \
    Shop__Database__Provider=PostgreSQL \
    Shop__Database__ConnectionString="$connection" \
    Shop__DataPlatform__Folder="$state/data-platform" \
      setsid nohup dotnet "$app" >"$folder/output.log" 2>&1 </dev/null &
    echo $! >"$folder/pid"
  )
  echo "$port" >"$folder/port"
}

# Waits until instance $1 answers /health/ready; fails (with its output) when it exits or takes too long.
wait_ready() {
  local i=$1 deadline=$((SECONDS + ready_timeout))
  local url="http://127.0.0.1:$(cat "$state/instance-$i/port")"
  until ready "$url"; do
    if ! alive "$(cat "$state/instance-$i/pid")"; then
      echo "Instance $i ($url) exited while starting; its output:" >&2
      tail -n 40 "$state/instance-$i/output.log" >&2
      return 1
    fi
    if ((SECONDS > deadline)); then
      echo "Instance $i ($url) not ready after ${ready_timeout}s; its output:" >&2
      tail -n 40 "$state/instance-$i/output.log" >&2
      return 1
    fi
    sleep 1
  done
}

revive() {
  [ -d "$state" ] || { echo "No cluster for $state: run '$0 up' first." >&2; exit 1; }
  local connection folder i revived=()
  connection="$("$repo/scripts/postgres.sh" url)"
  for folder in "$state"/instance-*; do
    i=${folder##*-}
    if ! alive "$(cat "$folder/pid")"; then
      mv "$folder/output.log" "$folder/output.$(date +%s).log" 2>/dev/null || true
      start_instance "$i" "$(cat "$folder/port")" "$connection"
      revived+=("$i")
    fi
  done
  for i in "${revived[@]}"; do wait_ready "$i" || exit 1; done
  status
}

up() {
  local count=${1:-2}
  if ! [[ "$count" =~ ^[1-9][0-9]*$ ]]; then echo "N must be a positive whole number, not '$count'" >&2; exit 2; fi
  if [ -f "$state/nginx/nginx.pid" ] || ls "$state"/instance-*/pid >/dev/null 2>&1; then
    echo "A cluster is already up for $state: run '$0 down' first, or set SHOP_CLUSTER_STATE." >&2
    status
    exit 1
  fi
  ensure_nginx
  ensure_app
  mkdir -p "$state"
  local connection
  connection="$("$repo/scripts/postgres.sh" start)"

  local ports=() i
  for ((i = 1; i <= count; i++)); do ports+=("$(free_port)"); done
  # Together, on purpose: the migration's advisory lock and the seeding lease make them take turns.
  for ((i = 1; i <= count; i++)); do start_instance "$i" "${ports[$((i - 1))]}" "$connection"; done

  for ((i = 1; i <= count; i++)); do
    wait_ready "$i" || { down; exit 1; }
  done

  local lb_port
  lb_port=$(free_port)
  write_nginx_conf "$lb_port" "${ports[@]}"
  echo "$lb_port" >"$state/nginx/port"
  if ! "$(nginx_bin)" -p "$state/nginx" -c "$state/nginx/nginx.conf" -e "$state/nginx/logs/error.log"; then
    echo "nginx did not start" >&2
    cat "$state/nginx/logs/error.log" >&2 || true
    down
    exit 1
  fi
  status
}

stop_pid() {
  local pid=$1 signal=${2:-TERM}
  alive "$pid" || return 0
  kill "-$signal" "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do alive "$pid" || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

down() {
  [ -d "$state" ] || return 0
  if [ -f "$state/nginx/nginx.pid" ]; then stop_pid "$(cat "$state/nginx/nginx.pid")" QUIT; fi
  local pidfile
  for pidfile in "$state"/instance-*/pid; do
    [ -f "$pidfile" ] && stop_pid "$(cat "$pidfile")"
  done
  "$repo/scripts/postgres.sh" stop
  rm -rf "$state"
}

status() {
  if [ ! -d "$state" ]; then echo "down ($state)"; exit 3; fi
  if [ -f "$state/nginx/port" ] && alive "$(cat "$state/nginx/nginx.pid" 2>/dev/null)"; then
    echo "lb http://localhost:$(cat "$state/nginx/port")/"
  else
    echo "lb not running"
  fi
  local folder
  for folder in "$state"/instance-*; do
    [ -d "$folder" ] || continue
    local url="http://127.0.0.1:$(cat "$folder/port")" pid
    pid=$(cat "$folder/pid")
    if ready "$url"; then
      echo "instance $url ready pid $pid"
    elif alive "$pid"; then
      echo "instance $url not ready pid $pid"
    else
      echo "instance $url not ready (exited) pid $pid"
    fi
  done
  echo "postgresql $("$repo/scripts/postgres.sh" url 2>/dev/null || echo 'not running')"
}

case "${1:-}" in
  up) up "${2:-2}" ;;
  down) down ;;
  revive) revive ;;
  status) status ;;
  *) echo "usage: $0 up [N] | down | revive | status" >&2; exit 2 ;;
esac
