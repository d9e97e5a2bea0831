#!/usr/bin/env bash
# scripts/postgres.sh start|stop|url|status: a throwaway PostgreSQL for the tests and the benchmark.
#   start   initdb into a new temporary folder, start it on a free loopback port, create the database "shop",
#           print its connection string. Installs Debian's postgresql when initdb is missing.
#   url     print the running server's connection string (database "shop", superuser "shop", no password).
#   stop    stop the server and delete its folder.
# One server per state file: $SHOP_POSTGRES_STATE, by default .postgres-server in the repository (so each clone
# or worktree has its own). initdb refuses to run as root: as root the folder belongs to the unprivileged user
# "postgres" (created by Debian's package) or, failing that, "nobody", and the server runs as that user.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
state="${SHOP_POSTGRES_STATE:-$repo/.postgres-server}"

find_bin() {
  local name=$1
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$found" ] && echo "$found"
}

ensure_installed() {
  if [ -n "$(find_bin initdb)" ] && [ -n "$(find_bin pg_ctl)" ]; then return; fi
  echo "initdb not found: installing Debian's postgresql package." >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  # The package's own cluster is not needed: only its programs.
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
}

# Runs a command as the server's owner: as root, the unprivileged user; otherwise the caller.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    local user=postgres
    getent passwd postgres >/dev/null || user=nobody
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}

owner_user() {
  if [ "$(id -u)" -ne 0 ]; then id -un; elif getent passwd postgres >/dev/null; then echo postgres; else echo nobody; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

connection_string() { echo "Host=127.0.0.1;Port=$1;Username=shop;Database=shop"; }

running() {
  [ -f "$state" ] || return 1
  # shellcheck disable=SC1090
  . "$state"
  [ -d "$SHOP_PG_DATA" ] && as_owner "$(find_bin pg_ctl)" -D "$SHOP_PG_DATA" status >/dev/null 2>&1
}

start() {
  if running; then connection_string "$SHOP_PG_PORT"; return; fi
  ensure_installed
  local initdb pg_ctl psql folder port user
  initdb=$(find_bin initdb); pg_ctl=$(find_bin pg_ctl); psql=$(find_bin psql)
  folder=$(mktemp -d "${TMPDIR:-/tmp}/shop-postgres.XXXXXX")
  user=$(owner_user)
  chown "$user" "$folder" 2>/dev/null || true
  chmod 700 "$folder"
  as_owner "$initdb" -D "$folder/data" -U shop --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$folder/initdb.log" 2>&1 \
    || { cat "$folder/initdb.log" >&2; rm -rf "$folder"; exit 1; }
  # Loopback only; many short-lived test databases and their pools; commits as durable as the SQLite store's
  # (WAL with synchronous=NORMAL: a crash may lose the last commits, never corrupts), see docs/concurrency.md.
  cat >>"$folder/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$folder'
max_connections = 400
shared_buffers = 256MB
synchronous_commit = off
log_min_messages = warning
EOF
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if as_owner "$pg_ctl" -D "$folder/data" -o "-p $port" -l "$folder/server.log" -w -t 60 start >/dev/null 2>&1; then
      break
    fi
    port=""
  done
  if [ -z "$port" ]; then cat "$folder/server.log" >&2; rm -rf "$folder"; exit 1; fi
  printf 'SHOP_PG_DATA=%q\nSHOP_PG_FOLDER=%q\nSHOP_PG_PORT=%q\n' "$folder/data" "$folder" "$port" >"$state"
  "$psql" -h 127.0.0.1 -p "$port" -U shop -d postgres -qAtc 'CREATE DATABASE shop' >/dev/null
  connection_string "$port"
}

stop() {
  if [ ! -f "$state" ]; then return; fi
  # shellcheck disable=SC1090
  . "$state"
  if [ -d "$SHOP_PG_DATA" ]; then
    as_owner "$(find_bin pg_ctl)" -D "$SHOP_PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$SHOP_PG_FOLDER" "$state"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) running && connection_string "$SHOP_PG_PORT" || { echo "No PostgreSQL running for $state; run: $0 start" >&2; exit 1; } ;;
  status) running && echo "running on port $SHOP_PG_PORT ($SHOP_PG_FOLDER)" || { echo "stopped"; exit 3; } ;;
  *) echo "usage: $0 start|stop|url|status" >&2; exit 2 ;;
esac
