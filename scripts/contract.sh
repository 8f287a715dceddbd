#!/usr/bin/env bash
# The contract step of make test: schemathesis drives the real server (gunicorn) from the OpenAPI
# document, on a fresh database beside TEST_DATABASE_URL's. Argument: where to write its JUnit report.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
: "${TEST_DATABASE_URL:?run it through make contract or make test}"
cd "$BACKEND"
DATABASE_URL=$(fresh_database contract_check)
# The auth rate limit is tested in pytest; here it would only hide the logic behind 429s.
export DATABASE_URL APP_ENV=test LOG_LEVEL=WARNING AUTH_RATE_LIMIT=100000/minute FLASK_SKIP_DOTENV=1
export AUTH_EMAIL_RATE_LIMIT=100000/minute RESET_MAIL_RATE_LIMIT=100000/minute
export REFRESH_RATE_LIMIT=100000/minute
SECRET_KEY=$(random_key)
export SECRET_KEY
# Hypothesis' caches start empty every run, so nothing but the seed decides what is generated.
export HYPOTHESIS_STORAGE_DIRECTORY="$ROOT/.run/hypothesis"
rm -rf "$HYPOTHESIS_STORAGE_DIRECTORY"
quietly .venv/bin/alembic upgrade head
# The administrator schemathesis signs in as (flaskBackend/schemathesis.toml holds the other options).
export CONTRACT_ADMIN_PASSWORD=contract-admin-password
ADMIN_PASSWORD=$CONTRACT_ADMIN_PASSWORD .venv/bin/flask --app app create-admin contract@example.com >/dev/null

# A mail sink, so creating a user without a password (an invitation by mail) can succeed.
mail_port=$(free_port)
.venv/bin/python -m devtools.mail_sink --port "$mail_port" --dir "$ROOT/.run/contract-mail" \
  >/dev/null 2>&1 &
mail_sink=$!
export SMTP_URL=smtp://127.0.0.1:$mail_port
port=$(free_port)
API_HOST=127.0.0.1 API_PORT=$port GUNICORN_WORKERS=2 .venv/bin/gunicorn -c gunicorn.conf.py \
  --access-logfile /dev/null >"$ROOT/.run/contract-server.log" 2>&1 &
server=$!
trap 'kill $server $mail_sink 2>/dev/null; wait' EXIT
.venv/bin/schemathesis run "http://127.0.0.1:$port/api/openapi.json" --wait-for-schema 60 \
  --report junit --report-junit-path "${1:-$ROOT/.run/reports/contract.xml}"
