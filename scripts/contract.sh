#!/usr/bin/env bash
# The contract step of make test: schemathesis drives the real server (gunicorn) from the OpenAPI
# document, on a fresh database beside TEST_DATABASE_URL's. Argument: where to write its JUnit report.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
: "${TEST_DATABASE_URL:?run it through make contract or make test}"
need_package curl curl
cd "$BACKEND"
DATABASE_URL=$(fresh_database contract_check)
# The auth rate limit is tested in pytest; here it would only hide the logic behind 429s.
export DATABASE_URL APP_ENV=test LOG_LEVEL=WARNING AUTH_RATE_LIMIT=100000/minute FLASK_SKIP_DOTENV=1
quietly .venv/bin/alembic upgrade head
# An administrator, so that the protected operations are exercised too.
ADMIN_PASSWORD=contract-admin-password .venv/bin/flask --app app create-admin contract@example.com >/dev/null

port=$(free_port)
API_HOST=127.0.0.1 API_PORT=$port GUNICORN_WORKERS=2 .venv/bin/gunicorn -c gunicorn.conf.py \
  --access-logfile /dev/null >"$ROOT/.run/contract-server.log" 2>&1 &
trap 'kill $! 2>/dev/null; wait' EXIT
api=http://127.0.0.1:$port/api
token=$(curl -fsS --retry 30 --retry-connrefused --retry-delay 1 -H 'Content-Type: application/json' \
  -d '{"email": "contract@example.com", "password": "contract-admin-password"}' "$api/auth/login" \
  | .venv/bin/python -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')

# positive_data_acceptance is the one check left out: a schema-valid request can rightly get 412
# (a random If-Match), 409 (a title or email already taken) or 429 (a rate limit), which that check
# calls a failure. No example database: every run generates the same cases from the seed.
.venv/bin/schemathesis run "$api/openapi.json" --checks all --exclude-checks positive_data_acceptance \
  --seed "${SCHEMATHESIS_SEED:-20261122}" --max-examples "${SCHEMATHESIS_EXAMPLES:-40}" \
  --generation-database none --workers 1 --no-color --header "Authorization: Bearer $token" \
  --report junit --report-junit-path "${1:-$ROOT/.run/reports/contract.xml}"
