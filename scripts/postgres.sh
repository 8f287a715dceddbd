#!/usr/bin/env bash
# A local PostgreSQL without Docker: installs the server if missing, starts and stops clusters.
#   postgres.sh start DATA_DIR PORT [--throwaway]   creates the cluster on first use
#   postgres.sh stop DATA_DIR | running DATA_DIR     running exits 0 when that cluster is up
#   postgres.sh createdb PORT NAME [OWNER PASSWORD]
#   postgres.sh throwaway        prints "URL DATA_DIR" of a new cluster with database app_test
#   postgres.sh discard DATA_DIR stops a throwaway cluster and deletes it
# As root, the server runs as the postgres user (PostgreSQL refuses to run as root).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -x "$dir/pg_ctl" ] || dir=$(dirname "$(command -v pg_ctl || echo /none/pg_ctl)")
  [ -x "$dir/pg_ctl" ] && echo "$dir"
}

as_owner() {
  # From /, which postgres may enter (the caller's folder may be closed to it).
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

start() {
  local data=$1 port=$2 bin
  bin_dir >/dev/null || need_package postgresql
  bin=$(bin_dir)
  mkdir -p "$data"
  [ "$(id -u)" -ne 0 ] || { chown postgres: "$data" && chmod 700 "$data"; }
  [ -f "$data/PG_VERSION" ] || as_owner "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 \
    --locale=C.UTF-8 >/dev/null
  running "$data" && return 0
  local options="-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$data"
  # A throwaway cluster trades durability for speed: its data dies with the test run anyway.
  [ "${3:-}" != --throwaway ] || options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 30 -o "$options" start >/dev/null || {
    echo "PostgreSQL did not start on port $port (in use? see $data/server.log)" >&2
    exit 1
  }
}

running() {
  [ -f "$1/PG_VERSION" ] && as_owner "$(bin_dir)/pg_ctl" -D "$1" status >/dev/null 2>&1
}

stop() {
  running "$1" || return 0
  as_owner "$(bin_dir)/pg_ctl" -D "$1" -m fast -w stop >/dev/null
}

createdb() {
  local port=$1 name=$2 owner=${3:-postgres} password=${4:-}
  local psql=("$(bin_dir)/psql" -X -q -tA -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres)
  if [ "$owner" != postgres ] && [ -z "$("${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = '$owner'")" ]; then
    "${psql[@]}" -c "CREATE ROLE \"$owner\" LOGIN PASSWORD '$password'"
  fi
  [ -n "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$name'")" ] \
    || "${psql[@]}" -c "CREATE DATABASE \"$name\" OWNER \"$owner\""
}

throwaway() {
  local data port
  data=$(mktemp -d /tmp/throwaway-pg.XXXXXX)
  port=$(free_port)
  start "$data" "$port" --throwaway >&2
  createdb "$port" app_test >&2
  echo "postgresql+psycopg://postgres@127.0.0.1:$port/app_test $data"
}

discard() {
  case "$1" in /tmp/throwaway-pg.*) ;; *) echo "refusing to delete $1: not a throwaway cluster" >&2; exit 1 ;; esac
  stop "$1" || true
  rm -rf "$1"
}

case "${1:-}" in
  start | stop | running | createdb | throwaway | discard) "$@" ;;
  *) echo "usage: postgres.sh start DIR PORT [--throwaway] | stop DIR | running DIR | createdb PORT NAME [OWNER PASSWORD] | throwaway | discard DIR" >&2; exit 2 ;;
esac
