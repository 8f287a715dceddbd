#!/usr/bin/env bash
# Run a command in flaskBackend/ against the make dev database, starting the cluster for the
# command if it is not running (and stopping it again afterwards).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
load_env
ensure_python_env
data_dir=$(dev_data_dir)
if ! bash "$ROOT/scripts/postgres.sh" running "$data_dir"; then
  bash "$ROOT/scripts/postgres.sh" start "$data_dir" "$POSTGRES_PORT"
  trap 'bash "$ROOT/scripts/postgres.sh" stop "$data_dir"' EXIT
fi
bash "$ROOT/scripts/postgres.sh" createdb "$POSTGRES_PORT" "$POSTGRES_DB" "$POSTGRES_USER" "$POSTGRES_PASSWORD"
cd "$BACKEND"
"$@"
