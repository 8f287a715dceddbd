#!/usr/bin/env bash
# make dev: install what is missing, start the local PostgreSQL, migrate, seed, serve with reload.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
load_env
ensure_python_env
bash "$ROOT/scripts/postgres.sh" install

data_dir=$(dev_data_dir)
bash "$ROOT/scripts/postgres.sh" start "$data_dir" "$POSTGRES_PORT"
cleanup() { bash "$ROOT/scripts/postgres.sh" stop "$data_dir"; }
trap cleanup EXIT
bash "$ROOT/scripts/postgres.sh" createdb "$POSTGRES_PORT" "$POSTGRES_DB" "$POSTGRES_USER" "$POSTGRES_PASSWORD"

cd "$BACKEND"
"$VENV/bin/alembic" upgrade head
"$VENV/bin/flask" --app app seed
echo
echo "  API docs:  http://127.0.0.1:$API_PORT/api/docs"
echo "  Tasks:     http://127.0.0.1:$API_PORT/api/tasks"
echo "  Ctrl-C stops the API and PostgreSQL; the data stays in .run/ for next time."
echo
"$VENV/bin/flask" --app app run --reload --host 127.0.0.1 --port "$API_PORT"
