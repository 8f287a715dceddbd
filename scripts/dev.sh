#!/usr/bin/env bash
# make dev: install what is missing, start the local PostgreSQL, migrate, seed, then serve the API
# (Flask, reload) and the UI (Vite, hot reload, /api forwarded). Ctrl-C, SIGTERM or SIGHUP stops all three.
#   scripts/dev.sh run CMD...   runs CMD in flaskBackend/ against the dev database instead (make
#                               migrate, make migration), starting the cluster for it if it is down
set -euo pipefail
source "$(dirname "$0")/lib.sh"
load_env
# make dev is the one start that is development by default (every other start is production).
export APP_ENV=${APP_ENV:-development}
# make backup, make restore and the worker's nightly backup keep dumps here.
export BACKUP_DIR=${BACKUP_DIR:-$ROOT/.run/backups}
ensure_python_env
(cd "$BACKEND" && "$VENV/bin/python" -c "from app.kernel.settings import settings_or_exit; settings_or_exit()")  # a bad setting: one line, no traceback
postgres() { bash "$ROOT/scripts/postgres.sh" "$@"; }
# The cluster lives in .run/postgres, or, when the postgres user cannot enter the checkout (one
# under /root, say), in a folder under /var/tmp that .run/postgres links to.
data_dir="$ROOT/.run/postgres"
mkdir -p "$ROOT/.run"
if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$ROOT/.run"; then
  elsewhere="/var/tmp/flask-template-$(echo "$ROOT" | sha256sum | cut -c1-12)"
  mkdir -p "$elsewhere" && chown postgres: "$elsewhere"
  [ -L "$data_dir" ] || ln -sfn "$elsewhere/postgres" "$data_dir"
  data_dir="$elsewhere/postgres"
fi

if [ "${1:-}" = run ]; then
  postgres running "$data_dir" || { postgres start "$data_dir" "$POSTGRES_PORT" && trap 'postgres stop "$data_dir"' EXIT; }
  postgres createdb "$POSTGRES_PORT" "$POSTGRES_DB" "$POSTGRES_USER" "$POSTGRES_PASSWORD"
  cd "$BACKEND" && "${@:2}"
  exit
fi

[ ! -d "$UI" ] || ensure_ui_deps
export UI_PORT=${UI_PORT:-5173}
servers=()
stop_all() {
  trap - EXIT INT TERM HUP
  # Each server runs in a process group of its own (set -m), so its children (Flask's reloader,
  # esbuild) stop with it.
  for pid in "${servers[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  postgres stop "$data_dir"
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

postgres start "$data_dir" "$POSTGRES_PORT"
postgres createdb "$POSTGRES_PORT" "$POSTGRES_DB" "$POSTGRES_USER" "$POSTGRES_PASSWORD"
cd "$BACKEND"
"$VENV/bin/alembic" upgrade head
"$VENV/bin/flask" --app app seed
set -m
# Mail (password reset, invitations) goes to a local sink that keeps each message as a file.
MAIL_DIR="$ROOT/.run/mail"
mail_port=$(free_port)
"$VENV/bin/python" -m devtools.mail_sink --port "$mail_port" --dir "$MAIL_DIR" &
servers+=($!)
export SMTP_URL=${SMTP_URL:-smtp://127.0.0.1:$mail_port} PUBLIC_UI_URL=${PUBLIC_UI_URL:-http://127.0.0.1:$UI_PORT}
if [ -d "$UI" ]; then
  (cd "$UI" && exec node_modules/.bin/vite --clearScreen false) &
  servers+=($!)
fi
# make resource, make field and make remove-resource touch .run/api-reload when they are done:
# the reloader then restarts the API, which finds the new (or removed) folder by itself.
touch "$ROOT/.run/api-reload"
"$VENV/bin/flask" --app app run --reload --extra-files "$ROOT/.run/api-reload" --host 127.0.0.1 --port "$API_PORT" &
servers+=($!)
# Background jobs (mail) and the schedules (cleanup, nightly backup). watchfiles restarts the
# worker (SIGINT: it finishes its jobs first) when a .py file under app/ changes or appears.
"$VENV/bin/watchfiles" --filter python --sigint-timeout 30 "$VENV/bin/flask --app app worker" app &
servers+=($!)
set +m
echo
[ ! -d "$UI" ] || echo "  UI:        http://127.0.0.1:$UI_PORT   <- open this"
echo "  API docs:  http://127.0.0.1:$API_PORT/api/docs"
echo "  Log in as demo@example.com with the password demo-password"
echo "  Mail:      $MAIL_DIR/ (one .eml file per message; the sink prints each one)"
echo "  Jobs:      a worker runs them; backups (${BACKUP_SCHEDULE:-30 2 * * *} UTC) go to $BACKUP_DIR/"
echo "  Ctrl-C stops the UI, the API, the worker, the mail sink and PostgreSQL; the data stays in .run/ for next time."
echo
wait -n  # one server stopping stops make dev
