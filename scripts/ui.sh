#!/usr/bin/env bash
# make test-ui: the UI's checks, in the order that fails fastest: lint (ESLint, Prettier), types,
# unit tests (Vitest + MSW), the production build and its size budget, and client drift.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$ROOT/scripts/ui-lib.sh"
ensure_ui_deps
ui_yarn lint
ui_yarn typecheck
ui_yarn test
ui_yarn build --logLevel warn
ui_yarn size
bash "$ROOT/scripts/client.sh" --check
