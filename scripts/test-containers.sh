#!/usr/bin/env bash
# make test-containers: the stack on a real Docker engine (Docker and Compose v2; not part of
# `make test`). Builds every image, `up --wait`, a smoke run through the UI's nginx, pytest and
# Vitest inside their containers, then `down --volumes`. Its own project name, a free port and a
# random SECRET_KEY, so it never touches a stack you run. Prints `tests: N passed, F failed`.
set -euo pipefail
cd "$(dirname "$0")/.."
export COMPOSE_PROJECT_NAME=${COMPOSE_PROJECT_NAME:-flask-template-check}
SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')
# copier:if ui
UI_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export SECRET_KEY UI_PORT
base=http://127.0.0.1:$UI_PORT
# copier:end ui
# copier:unless ui
# API_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# export SECRET_KEY API_PORT
# base=http://127.0.0.1:$API_PORT
# copier:end ui
# Yarn and corepack use npm's registry when one is configured (a mirror); unset, their own default.
if [ -z "${NPM_REGISTRY:-}" ] && command -v npm >/dev/null; then
  NPM_REGISTRY=$(npm config get registry 2>/dev/null | sed 's#/*$##') && export NPM_REGISTRY
fi
compose() { docker compose --profile test "$@"; }
trap 'compose down --volumes --remove-orphans >/dev/null 2>&1 || true' EXIT
passed=0 failed=0
check() {  # check NAME COMMAND...: one counted test
  local name=$1 out; shift
  if out=$("$@" 2>&1); then
    passed=$((passed + 1)); echo "  ok    $name $(sed 's/\x1b\[[0-9;]*m//g' <<<"$out" | grep -Eo '[0-9]+ passed.*' | tail -n 1)"
  else failed=$((failed + 1)); echo "  FAIL  $name"; tail -n 30 <<<"$out" | sed 's/^/        /'; fi
}
timed() {  # timed WHAT COMMAND...: run a step and say how long it took
  local what=$1 start=$SECONDS out; shift
  out=$("$@" 2>&1) || { echo "$out" >&2; compose logs --no-color --tail 50 >&2; echo "test-containers: $what failed" >&2; exit 1; }
  echo "  $what: $((SECONDS - start)) s"
}
# http METHOD PATH WANT_STATUS [curl options]: the body on stdout, fails on another status.
http() {
  local method=$1 path=$2 want=$3 body; shift 3
  body=$(curl -sS -o /dev/stdout -w '\n%{http_code}' -X "$method" "$base$path" "$@")
  [ "${body##*$'\n'}" = "$want" ] || { echo "$method $path: ${body##*$'\n'}, wanted $want: ${body%$'\n'*}"; return 1; }
  printf '%s\n' "${body%$'\n'*}"
}
json() { python3 -c "import json, sys; print(json.load(sys.stdin)$1)"; }

timed "build" compose build --quiet
timed "up --wait" docker compose up --detach --wait --quiet-pull

email="smoke-$RANDOM@example.com" password="correct horse battery staple"
creds=$(printf '{"email": "%s", "password": "%s"}' "$email" "$password")
smoke_flow() {
  http POST /api/auth/register 201 -H 'Content-Type: application/json' \
    -d "${creds%\}}, \"name\": \"Smoke\"}" >/dev/null
  token=$(http POST /api/auth/login 200 -H 'Content-Type: application/json' -d "$creds" | json '["access_token"]')
  # copier:if example
  http POST /api/tasks 201 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"title": "Through nginx"}' >/dev/null
  http GET /api/tasks 200 -H "Authorization: Bearer $token" | grep -q '"Through nginx"'
  # copier:end example
  http GET /api/users/me 200 -H "Authorization: Bearer $token" | grep -q "$email"
}
check "register, login, create and list through the published port" smoke_flow
check "the worker and the scheduler are healthy" bash -c \
  "docker compose ps --format '{{.Service}} {{.Health}}' | grep -cxE '(worker|scheduler) healthy' | grep -qx 2"
# A reset request queues the mail's job in PostgreSQL; a worker takes it. No SMTP_URL here, so
# its first attempt fails and waits for a retry: attempts >= 1 is the proof it ran.
job_taken() {
  http POST /api/auth/password-reset 202 -H 'Content-Type: application/json' -d "{\"email\": \"$email\"}" >/dev/null
  local attempts
  for _ in $(seq 30); do
    attempts=$(compose exec -T db sh -c 'psql -U "$POSTGRES_USER" -d "$POSTGRES_DB" -tAc "SELECT coalesce(max(attempts), 0) FROM procrastinate_jobs WHERE task_name = \$\$accounts.send_password_reset\$\$"')
    [ "$attempts" -ge 1 ] && return 0
    sleep 1
  done
  echo "the reset mail's job was not taken in 30 s (attempts: $attempts)"; return 1
}
check "a job queued by the API is taken by a worker" job_taken
# copier:if ui
check "the UI's page, with its security headers" \
  bash -c "curl -fsSI '$base/tasks' | grep -qi '^content-security-policy: default-src'"
check "only nginx is published" bash -c "! docker compose ps --format '{{.Service}} {{.Ports}}' | grep -v '^ui ' | grep -q -- '->'"
check "a body over 1 MiB is a 413 problem+json from nginx" bash -c \
  "head -c 2000000 /dev/zero | curl -sS -o /dev/null -w '%{http_code} %{content_type}' -X POST --data-binary @- '$base/api/auth/login' | grep -qx '413 application/problem+json'"
# copier:end ui
# Six logins from one address, each claiming another one: the limit (5/minute) must still hold.
forged_logins() {
  for i in 1 2 3 4 5 6; do
    curl -s -o /dev/null -w '%{http_code}\n' -H "X-Forwarded-For: 203.0.113.$i" \
      -H 'Content-Type: application/json' -d "{\"email\": \"nobody$i@example.com\", \"password\": \"x\"}" \
      "$base/api/auth/login"
  done | grep -qx 429
}
check "a forged X-Forwarded-For does not escape the rate limit" forged_logins

start=$SECONDS
check "pytest in the api-test container" compose run --rm api-test
# copier:if ui
check "Vitest in the ui-test container" compose run --rm ui-test
# copier:end ui
echo "  tests in containers: $((SECONDS - start)) s"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
