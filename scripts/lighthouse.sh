#!/usr/bin/env bash
# make lighthouse: Lighthouse (Debian's Chromium) on the production build served by `vite preview`
# with the API (gunicorn, APP_ENV=production) behind it, on a throwaway PostgreSQL. Prints the four
# category scores of sign-in and the first resource's list, mobile and desktop; reports in .run/lighthouse/.
# It reports and does not gate: scores move with the machine's load, so it is not in make test.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ -n "${CHROMIUM_PATH:-}" ] || need_package chromium chromium
need_package curl curl
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

# Wait until URL answers at all (any status), or fail pointing at LOG.
wait_for() {
  curl -s -o /dev/null --retry 60 --retry-connrefused --retry-delay 1 "$1" \
    || { echo "lighthouse: $1 did not answer; see $2" >&2; exit 1; }
}

read -r TEST_DATABASE_URL data_dir < <(bash "$ROOT/scripts/postgres.sh" throwaway)
DATABASE_URL=$(fresh_database lighthouse)
export DATABASE_URL FLASK_SKIP_DOTENV=1 LOG_LEVEL=WARNING
cd "$BACKEND"
# The demo account and its sample rows (flask seed refuses production, so it runs as test).
quietly "$VENV/bin/alembic" upgrade head
APP_ENV=test "$VENV/bin/flask" --app app seed >/dev/null

api_port=$(free_port)
secret=$(random_key)
APP_ENV=production SECRET_KEY=$secret API_HOST=127.0.0.1 API_PORT=$api_port GUNICORN_WORKERS=2 \
  "$VENV/bin/gunicorn" -c gunicorn.conf.py --access-logfile /dev/null \
  >"$ROOT/.run/lighthouse-api.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$api_port/api/health" .run/lighthouse-api.log

ui_yarn build --logLevel warn
ui_port=$(free_port)
(cd "$UI" && API_PORT=$api_port UI_PORT=$ui_port exec node_modules/.bin/vite preview) \
  >"$ROOT/.run/lighthouse-ui.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$ui_port/" .run/lighthouse-ui.log

(cd "$UI" && CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium} node scripts/lighthouse.mjs \
  "http://127.0.0.1:$ui_port" demo@example.com demo-password "$ROOT/.run/lighthouse")
