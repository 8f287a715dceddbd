#!/usr/bin/env bash
# A local PostgreSQL without Docker: install the server if missing, start and stop clusters.
#   scripts/postgres.sh install
#   scripts/postgres.sh start DATA_DIR PORT [--throwaway]   (creates the cluster on first use)
#   scripts/postgres.sh stop DATA_DIR
#   scripts/postgres.sh running DATA_DIR    exits 0 when that cluster is up
#   scripts/postgres.sh createdb PORT NAME [OWNER PASSWORD]
#   scripts/postgres.sh throwaway    prints "URL DATA_DIR" of a new cluster with database app_test
#   scripts/postgres.sh discard DATA_DIR    stops a throwaway cluster and deletes it
# As root, the server runs as the postgres user (PostgreSQL refuses to run as root).
set -euo pipefail

die() { echo "postgres.sh: $*" >&2; exit 1; }

bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || dir=$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/x)")
  [ -x "$dir/pg_ctl" ] || return 1
  echo "$dir"
}

install() {
  bin_dir >/dev/null && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null && sudo -n true 2>/dev/null && sudo="sudo -n" \
      || die "PostgreSQL server not found: install it (Debian/Ubuntu: apt-get install postgresql) or set TEST_DATABASE_URL / DATABASE_URL to a running one."
  fi
  command -v apt-get >/dev/null || die "PostgreSQL server not found and apt-get is not available: install PostgreSQL 15+ yourself."
  echo "Installing the PostgreSQL server with apt-get..." >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
  bin_dir >/dev/null || die "apt-get installed postgresql but pg_ctl is still missing."
}

# Run a server binary as the cluster's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local data=$1 port=$2 mode=${3:-} bin
  install
  bin=$(bin_dir)
  mkdir -p "$data"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$data" && chmod 700 "$data"
  if [ ! -f "$data/PG_VERSION" ]; then
    as_owner "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null \
      || die "initdb failed in $data"
  fi
  if as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then return 0; fi
  local options="-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$data"
  # A throwaway cluster trades durability for speed: its data dies with the test run anyway.
  [ "$mode" = "--throwaway" ] && options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 30 -o "$options" start >/dev/null \
    || die "PostgreSQL did not start on port $port (in use? see $data/server.log): $(tail -n 3 "$data/server.log" 2>/dev/null | tr '\n' ' ')"
}

running() {
  local bin
  bin=$(bin_dir) || return 1
  [ -f "$1/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$1" status >/dev/null 2>&1
}

stop() {
  local data=$1 bin
  bin=$(bin_dir) || return 0
  [ -f "$data/PG_VERSION" ] || return 0
  as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}

discard() {
  stop "$1"
  case "$1" in /tmp/throwaway-pg.*) rm -rf "$1" ;; *) die "refusing to delete $1: not a throwaway cluster" ;; esac
}

psql_admin() {
  local port=$1; shift
  "$(bin_dir)/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres "$@"
}

createdb() {
  local port=$1 name=$2 owner=${3:-postgres} password=${4:-}
  if [ "$owner" != postgres ]; then
    psql_admin "$port" -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$owner'" | grep -q 1 \
      || psql_admin "$port" -c "CREATE ROLE \"$owner\" LOGIN PASSWORD '$password'"
  fi
  psql_admin "$port" -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1 \
    || psql_admin "$port" -c "CREATE DATABASE \"$name\" OWNER \"$owner\""
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

throwaway() {
  local data port
  data=$(mktemp -d /tmp/throwaway-pg.XXXXXX)
  port=$(free_port)
  start "$data" "$port" --throwaway >&2
  createdb "$port" app_test >&2
  echo "postgresql+psycopg://postgres@127.0.0.1:$port/app_test $data"
}

command=${1:-}
shift || true
case "$command" in
  install) install ;;
  start) start "$@" ;;
  stop) stop "$@" ;;
  running) running "$@" ;;
  createdb) createdb "$@" ;;
  throwaway) throwaway ;;
  discard) discard "$@" ;;
  *) die "usage: postgres.sh install | start DIR PORT [--throwaway] | stop DIR | createdb PORT NAME [OWNER PASSWORD] | throwaway | discard DIR" ;;
esac
