#!/usr/bin/env bash
# Run a command with TEST_DATABASE_URL set: the one given, or a throwaway cluster deleted afterwards.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  read -r url data_dir < <(bash "$ROOT/scripts/postgres.sh" throwaway)
  trap 'bash "$ROOT/scripts/postgres.sh" discard "$data_dir"' EXIT
  export TEST_DATABASE_URL=$url
fi
"$@"
