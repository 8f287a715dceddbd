#!/usr/bin/env bash
# make serve: the production server (gunicorn) against DATABASE_URL, after migrating. No seed, no reload.
# Production unless APP_ENV is set in the calling environment: .env's APP_ENV (development, for
# make dev) is ignored here, so a copied .env.example never turns the real server into a dev one.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
app_env=${APP_ENV:-production}
[ -n "${DATABASE_URL:-}" ] || load_env
export APP_ENV=$app_env
ensure_python_env
cd "$BACKEND"
# Check the settings before migrating, so a bad value is one line, not an Alembic traceback.
"$VENV/bin/python" -c "from app.kernel.settings import settings_or_exit; settings_or_exit()"
"$VENV/bin/alembic" upgrade head
exec "$VENV/bin/gunicorn" -c gunicorn.conf.py
