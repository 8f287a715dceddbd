#!/usr/bin/env bash
# make serve: the production server (gunicorn) against DATABASE_URL, after migrating. No seed, no reload.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ -n "${DATABASE_URL:-}" ] || load_env
ensure_python_env
cd "$BACKEND"
"$VENV/bin/alembic" upgrade head
exec "$VENV/bin/gunicorn" -c gunicorn.conf.py
