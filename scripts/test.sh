#!/usr/bin/env bash
# make test and its parts: runs the steps against one throwaway PostgreSQL (or TEST_DATABASE_URL),
# every step even after one fails, then ends with each step's time and "tests: N passed, F failed".
#   scripts/test.sh [STEP ...]   steps: check containers backend live contract ui e2e generator (default: all)
# Two lanes run side by side (the backend's steps and the generator's, the UI's), so one computes
# while the other waits on a server or a browser. Each step's output is shown whole when it ends.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
reports="$ROOT/.run/reports"

check() { .venv/bin/python "$ROOT/scripts/check.py" "$reports/check.xml"; }
containers() { bash "$ROOT/scripts/lint-containers.sh"; }
# On every core (pytest-xdist): each worker has its own copy of the migrated database.
# The example's own test formats what the generator writes with Prettier: the UI's packages.
backend() { { [ ! -d "$UI" ] || ensure_ui_deps; } && .venv/bin/pytest -n auto --ignore=tests/live --ignore=tests/generator --ignore=tests/template --cov --cov-report=term --junitxml="$reports/backend.xml"; }
# The production server itself (gunicorn, several workers, real sockets): slower, so a step of its own.
live() { need_package redis-server redis-server && .venv/bin/pytest tests/live --junitxml="$reports/live.xml"; }
contract() { bash "$ROOT/scripts/contract.sh" "$reports/contract.xml"; }
# The generator as a product: make resource, field and remove-resource in temporary checkouts.
generator() { { [ ! -d "$UI" ] || ensure_ui_deps; } && .venv/bin/pytest -n auto --dist loadfile tests/generator --junitxml="$reports/generator.xml"; }
# copier:if template
# Projects started from this repository with copier (each option) and one copier update: make
# test-template, after make test in CI (.ci/run).
template() { .venv/bin/pytest tests/template --junitxml="$reports/template.xml"; }
# copier:end template
ui() {
  ensure_ui_deps
  ui_yarn lint
  ui_yarn typecheck
  ui_yarn test --reporter=default --reporter=junit --outputFile.junit="$reports/ui.xml"
  ui_yarn build --logLevel warn && touch "$reports/ui.built"
  ui_yarn size
  bash "$ROOT/scripts/client.sh" --check
}
e2e() {  # Playwright starts the API and the UI itself (ui/playwright.config.ts, webServer)
  [ -n "${CHROMIUM_PATH:-}" ] || need_package chromium chromium
  ensure_ui_deps
  DATABASE_URL=$(fresh_database e2e_check)
  export DATABASE_URL E2E_ADMIN_EMAIL=admin@example.com E2E_ADMIN_PASSWORD=admin-password-e2e
  SECRET_KEY=$(random_key)
  export SECRET_KEY
  quietly .venv/bin/alembic upgrade head
  ADMIN_PASSWORD=$E2E_ADMIN_PASSWORD FLASK_SKIP_DOTENV=1 APP_ENV=test \
    .venv/bin/flask --app app create-admin "$E2E_ADMIN_EMAIL" >/dev/null
  [ -f "$reports/ui.built" ] || ui_yarn build --logLevel warn  # the ui step's build of this run serves
  rm -rf "$UI/test-results/screens"
  # The mail sink Playwright starts keeps each message here; the specs read them (password reset).
  export E2E_MAIL_DIR="$ROOT/.run/e2e-mail" E2E_MAIL_PORT=$(free_port)
  rm -rf "$E2E_MAIL_DIR"
  E2E_API_PORT=$(free_port) E2E_UI_PORT=$(free_port) PLAYWRIGHT_JUNIT_OUTPUT_NAME="$reports/e2e.xml" \
    ui_yarn e2e --reporter=list,junit
  echo "e2e: screenshots in ui/test-results/screens/"
}
# run STEP...: each step in a process of its own (so set -e holds in it), its time in STEP.seconds,
# the CPU its processes used in STEP.cpu (on a shared machine, the steadier figure), a failure in
# STEP.failed; with other steps running beside it, its output waits in STEP.log.
run() {
  local step start log TIMEFORMAT=%U+%S
  for step in "$@"; do
    start=$SECONDS log="$reports/$step.log"
    # `time` writes to the group's stderr (the .cpu file); the step's own stderr is fd 3.
    if [ ${#steps[@]} -eq 1 ]; then { time bash "$ROOT/scripts/test.sh" --step "$step" 2>&3; } 3>&2 2>"$reports/$step.cpu"
    else { time bash "$ROOT/scripts/test.sh" --step "$step" >"$log" 2>&1; } 2>"$reports/$step.cpu"
    fi || touch "$reports/$step.failed"
    echo "$((SECONDS - start))" >"$reports/$step.seconds"
    [ ${#steps[@]} -eq 1 ] || flock "$reports" bash -c 'printf "\n=== %s\n" "$1"; cat "$2"' _ "$step" "$log"
  done
}

cd "$BACKEND"
if [ "${1:-}" = --step ]; then set -e; "$2"; exit; fi
steps=("$@")
[ $# -gt 0 ] || steps=(check containers backend live contract ui e2e generator)
[ $# -gt 0 ] || [ -d "$UI" ] || steps=(check containers backend live contract generator)  # no ui/
for step in "${steps[@]}"; do
  declare -F "$step" >/dev/null || { echo "unknown step $step: ${0##*/} [check containers backend live contract ui e2e generator]" >&2; exit 2; }
done
rm -rf "$reports" && mkdir -p "$reports"
ensure_python_env
if [ -z "${TEST_DATABASE_URL:-}" ] && [[ " ${steps[*]} " =~ \ (backend|live|contract|e2e)\  ]]; then
  read -r TEST_DATABASE_URL data_dir < <(bash "$ROOT/scripts/postgres.sh" throwaway) || exit 1
  trap 'bash "$ROOT/scripts/postgres.sh" discard "$data_dir"' EXIT
  export TEST_DATABASE_URL
fi
lane() { for step in "${steps[@]}"; do [[ " $* " == *" $step "* ]] && echo "$step"; done; }
run $(lane check containers backend live contract generator template) &
run $(lane ui e2e)
wait
printf '\n%s steps in %s s:\n' "${#steps[@]}" "$SECONDS"
python3 "$ROOT/scripts/test-summary.py" "$reports" $(cd "$reports" && ls -- *.failed 2>/dev/null | sed 's/\.failed$//')
