#!/usr/bin/env bash
# make contract: schemathesis drives the real server (gunicorn) from the OpenAPI spec.
# Needs TEST_DATABASE_URL (scripts/with-test-db.sh); uses a fresh database beside it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_python_env
: "${TEST_DATABASE_URL:?run through scripts/with-test-db.sh or set TEST_DATABASE_URL}"
cd "$BACKEND"

DATABASE_URL=$(fresh_database contract_check)
# The auth rate limit is tested in pytest; here it would only hide the logic behind 429s.
export DATABASE_URL APP_ENV=test LOG_LEVEL=WARNING AUTH_RATE_LIMIT=100000/minute
"$VENV/bin/alembic" -x quiet upgrade head >/dev/null 2>&1

mkdir -p "$ROOT/.run"
# A mail sink, so creating a user without a password (an invitation by mail) can succeed.
mail_port=$(free_port)
"$VENV/bin/python" -m devtools.mail_sink --port "$mail_port" --dir "$ROOT/.run/contract-mail" \
  >/dev/null 2>&1 &
mail_sink=$!
export SMTP_URL=smtp://127.0.0.1:$mail_port
port=$(free_port)
API_HOST=127.0.0.1 API_PORT=$port GUNICORN_WORKERS=2 "$VENV/bin/gunicorn" -c gunicorn.conf.py \
  --access-logfile /dev/null >"$ROOT/.run/contract-server.log" 2>&1 &
server=$!
trap 'kill $server $mail_sink 2>/dev/null; wait $server $mail_sink 2>/dev/null || true' EXIT
wait_for_http "http://127.0.0.1:$port/api/health" .run/contract-server.log

# An administrator's token, so the protected operations are exercised too.
ADMIN_PASSWORD=contract-admin-password "$VENV/bin/flask" --app app create-admin contract@example.com >/dev/null
token=$("$VENV/bin/python" - "$port" <<'PY'
import json, sys, urllib.request

request = urllib.request.Request(
    f"http://127.0.0.1:{sys.argv[1]}/api/auth/login",
    data=json.dumps({"email": "contract@example.com", "password": "contract-admin-password"}).encode(),
    headers={"Content-Type": "application/json"},
)
print(json.load(urllib.request.urlopen(request))["access_token"])
PY
)

# positive_data_acceptance is the one check left out: a schema-valid request can rightly
# get 412 (a random If-Match), 409 (a title or email already taken) or 429 (the auth rate
# limit), which that check calls a failure.
"$VENV/bin/schemathesis" run "http://127.0.0.1:$port/api/openapi.json" \
  --checks all --exclude-checks positive_data_acceptance \
  --seed "${SCHEMATHESIS_SEED:-20261122}" --max-examples "${SCHEMATHESIS_EXAMPLES:-40}" \
  --header "Authorization: Bearer $token" --workers 1 --no-color
