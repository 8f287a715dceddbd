#!/usr/bin/env bash
# make bench: installs what the benchmark needs (wrk, the bench packages), then runs bench/run.py,
# which says what it measures. Not part of make test.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_package wrk wrk
ensure_python_env
# The bench's own packages (the baseline's pool, the chart), only for make bench; make lock
# constrains them to dev.txt's pins, so installing them changes nothing make test uses.
stamp="$VENV/.bench-installed-$(sha256sum "$BACKEND/requirements/bench.txt" | cut -c1-16)"
[ -f "$stamp" ] || { "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
  --require-hashes --no-deps -r "$BACKEND/requirements/bench.txt" && touch "$stamp"; }
PATH="$VENV/bin:$PATH" exec "$VENV/bin/python" "$ROOT/bench/run.py"
