#!/usr/bin/env bash
# make dev: install what is missing, start the local PostgreSQL, migrate, seed, serve the API with
# reload and the UI (Vite, hot reload, /api proxied to the API) beside it. Ctrl-C stops all three.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$ROOT/scripts/ui-lib.sh"
load_env
ensure_python_env
ensure_ui_deps
UI_PORT=${UI_PORT:-5173}
bash "$ROOT/scripts/postgres.sh" install

data_dir=$(dev_data_dir)
bash "$ROOT/scripts/postgres.sh" start "$data_dir" "$POSTGRES_PORT"
ui_server=""
mail_sink=""
cleanup() {
  for pid in $ui_server $mail_sink; do
    kill "$pid" 2>/dev/null || true  # Ctrl-C may have stopped it already
    wait "$pid" 2>/dev/null || true
  done
  bash "$ROOT/scripts/postgres.sh" stop "$data_dir"
}
trap cleanup EXIT
bash "$ROOT/scripts/postgres.sh" createdb "$POSTGRES_PORT" "$POSTGRES_DB" "$POSTGRES_USER" "$POSTGRES_PASSWORD"

cd "$BACKEND"
# Mail (password reset, invitations) goes to a local sink that keeps each message as a file.
MAIL_DIR="$ROOT/.run/mail"
mail_port=$(free_port)
"$VENV/bin/python" -m devtools.mail_sink --port "$mail_port" --dir "$MAIL_DIR" &
mail_sink=$!
export SMTP_URL=${SMTP_URL:-smtp://127.0.0.1:$mail_port} PUBLIC_UI_URL=${PUBLIC_UI_URL:-http://127.0.0.1:$UI_PORT}
"$VENV/bin/alembic" upgrade head
"$VENV/bin/flask" --app app seed
# Vite runs in the background (started directly, not through yarn, so its pid is the one to stop).
(cd "$UI" && API_PORT=$API_PORT UI_PORT=$UI_PORT exec node_modules/.bin/vite --clearScreen false) &
ui_server=$!
echo
echo "  UI:        http://127.0.0.1:$UI_PORT   <- open this"
echo "  API docs:  http://127.0.0.1:$API_PORT/api/docs"
echo "  Log in as demo@example.com with the password demo-password"
echo "  Mail:      $MAIL_DIR/ (one .eml file per message; the sink prints each one)"
echo "  Ctrl-C stops the UI, the API and PostgreSQL; the data stays in .run/ for next time."
echo
"$VENV/bin/flask" --app app run --reload --host 127.0.0.1 --port "$API_PORT"
