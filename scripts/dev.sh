#!/usr/bin/env bash
# make dev: install what is missing, start the local PostgreSQL, migrate, seed, then serve the API
# (Flask, reload) and the UI (Vite, hot reload, /api forwarded). Ctrl-C, SIGTERM or SIGHUP stops all three.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
load_env
# make dev is the one start that is development by default (every other start is production).
export APP_ENV=${APP_ENV:-development}
ensure_python_env
ensure_ui_deps
export UI_PORT=${UI_PORT:-5173}
data_dir=$(dev_data_dir)
servers=()
stop_all() {
  trap - EXIT INT TERM HUP
  # Each server runs in a process group of its own (set -m), so its children (Flask's reloader,
  # esbuild) stop with it.
  for pid in "${servers[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  bash "$ROOT/scripts/postgres.sh" stop "$data_dir"
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

bash "$ROOT/scripts/postgres.sh" start "$data_dir" "$POSTGRES_PORT"
bash "$ROOT/scripts/postgres.sh" createdb "$POSTGRES_PORT" "$POSTGRES_DB" "$POSTGRES_USER" "$POSTGRES_PASSWORD"
cd "$BACKEND"
"$VENV/bin/alembic" upgrade head
"$VENV/bin/flask" --app app seed
set -m
(cd "$UI" && exec node_modules/.bin/vite --clearScreen false) &
servers+=($!)
"$VENV/bin/flask" --app app run --reload --host 127.0.0.1 --port "$API_PORT" &
servers+=($!)
set +m
echo
echo "  UI:        http://127.0.0.1:$UI_PORT   <- open this"
echo "  API docs:  http://127.0.0.1:$API_PORT/api/docs"
echo "  Log in as demo@example.com with the password demo-password"
echo "  Ctrl-C stops the UI, the API and PostgreSQL; the data stays in .run/ for next time."
echo
wait -n  # one server stopping stops make dev
