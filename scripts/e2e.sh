#!/usr/bin/env bash
# make e2e: Playwright drives Debian's Chromium through the built UI (vite preview) against the
# real API (gunicorn) on a fresh PostgreSQL database. Screenshots land in ui/test-results/screens/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$ROOT/scripts/ui-lib.sh"

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Chromium with apt-get..." >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "e2e: $chromium is missing: install Chromium (Debian: sudo apt-get install chromium) or set CHROMIUM_PATH" >&2
    exit 1
  fi
fi
ensure_python_env
ensure_ui_deps

mkdir -p "$ROOT/.run"
pids=()
data_dir=""
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -z "$data_dir" ] || bash "$ROOT/scripts/postgres.sh" discard "$data_dir"
}
trap cleanup EXIT

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  read -r TEST_DATABASE_URL data_dir < <(bash "$ROOT/scripts/postgres.sh" throwaway)
fi
# A database of its own beside the test one, so other suites' rows never show up in the UI.
DATABASE_URL=$(fresh_database e2e_check)
# APP_ENV=test: the refresh cookie is Secure, which browsers accept from 127.0.0.1.
# The flow signs in and refreshes more often than the per-minute limit a real user gets.
export DATABASE_URL APP_ENV=test LOG_LEVEL=WARNING AUTH_RATE_LIMIT=1000/minute FLASK_SKIP_DOTENV=1
export E2E_ADMIN_EMAIL=admin@example.com E2E_ADMIN_PASSWORD=admin-password-e2e
(cd "$BACKEND" && "$VENV/bin/alembic" -x quiet upgrade head >/dev/null 2>&1)
(cd "$BACKEND" && ADMIN_PASSWORD=$E2E_ADMIN_PASSWORD "$VENV/bin/flask" --app app create-admin "$E2E_ADMIN_EMAIL" >/dev/null)


# The mail sink: the API sends through it, the specs read the .eml files (password reset).
export E2E_MAIL_DIR="$ROOT/.run/e2e-mail"
rm -rf "$E2E_MAIL_DIR"
mail_port=$(free_port)
(cd "$BACKEND" && exec "$VENV/bin/python" -m devtools.mail_sink --port "$mail_port" \
  --dir "$E2E_MAIL_DIR") >"$ROOT/.run/e2e-mail.log" 2>&1 &
pids+=($!)
export SMTP_URL=smtp://127.0.0.1:$mail_port

api_port=$(free_port)
ui_port=$(free_port)
export PUBLIC_UI_URL="http://127.0.0.1:$ui_port"
(cd "$BACKEND" && API_HOST=127.0.0.1 API_PORT=$api_port GUNICORN_WORKERS=2 \
  exec "$VENV/bin/gunicorn" -c gunicorn.conf.py --access-logfile /dev/null) >"$ROOT/.run/e2e-api.log" 2>&1 &
pids+=($!)
wait_for_http "http://127.0.0.1:$api_port/api/health" .run/e2e-api.log

ui_yarn build --logLevel warn
(cd "$UI" && API_PORT=$api_port UI_PORT=$ui_port exec node_modules/.bin/vite preview) >"$ROOT/.run/e2e-ui.log" 2>&1 &
pids+=($!)
wait_for_http "http://127.0.0.1:$ui_port/" .run/e2e-ui.log

rm -rf "$UI/test-results/screens"
E2E_BASE_URL="http://127.0.0.1:$ui_port" CHROMIUM_PATH=$chromium ui_yarn e2e
echo "e2e: screenshots in ui/test-results/screens/"
