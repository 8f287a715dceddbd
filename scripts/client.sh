#!/usr/bin/env bash
# make client: regenerate the UI's typed API client (ui/src/api/schema.d.ts) from the Flask app's
# OpenAPI document, with no server and no database running.
#   scripts/client.sh --check   fail when the committed client is stale against the current API
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ensure_python_env
ensure_ui_deps

committed="$UI/src/api/schema.d.ts"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The engine connects lazily, so a URL that nothing answers on is enough to build the document.
(cd "$BACKEND" && FLASK_SKIP_DOTENV=1 APP_ENV=development \
  DATABASE_URL=postgresql+psycopg://openapi@127.0.0.1:1/openapi \
  "$VENV/bin/flask" --app app openapi write --format=json "$tmp/openapi.json")
(cd "$UI" && node_modules/.bin/openapi-typescript "$tmp/openapi.json" -o "$tmp/schema.d.ts" >/dev/null)

if [ "${1:-}" = "--check" ]; then
  if ! diff -u "$committed" "$tmp/schema.d.ts" >"$tmp/drift.diff"; then
    head -n 40 "$tmp/drift.diff" >&2
    echo "ui/src/api/schema.d.ts is stale against the API: run make client and commit it" >&2
    exit 1
  fi
  echo "client: ui/src/api/schema.d.ts matches the API"
else
  cp "$tmp/schema.d.ts" "$committed"
  echo "client: wrote ui/src/api/schema.d.ts"
fi
