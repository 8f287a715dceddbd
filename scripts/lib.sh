# Shared by the scripts: where things are, the environment, and the Python virtualenv.
# shellcheck shell=bash
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BACKEND="$ROOT/flaskBackend"
VENV="$BACKEND/.venv"

# Load .env (created from .env.example on first use) into the environment.
load_env() {
  [ -f "$ROOT/.env" ] || { cp "$ROOT/.env.example" "$ROOT/.env"; echo "Created .env from .env.example" >&2; }
  set -a
  # shellcheck disable=SC1091
  . "$ROOT/.env"
  set +a
}

# Create the virtualenv and install the locked dev requirements when they changed.
ensure_python_env() {
  local lock="$BACKEND/requirements/dev.txt" stamp
  stamp="$VENV/.installed-$(sha256sum "$lock" | cut -c1-16)"
  [ -f "$stamp" ] && return 0
  command -v python3 >/dev/null || { echo "python3 (3.11+) is required" >&2; exit 1; }
  python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11+ is required" >&2; exit 1; }
  echo "Installing Python dependencies into flaskBackend/.venv..." >&2
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --require-hashes --no-deps -r "$lock"
  rm -f "$VENV"/.installed-*
  touch "$stamp"
}

# Where make dev keeps its cluster: .run/postgres, unless the postgres user cannot reach it
# (a checkout under /root, say): then a folder under /var/tmp, linked from .run/postgres.
dev_data_dir() {
  local wanted="$ROOT/.run/postgres"
  mkdir -p "$ROOT/.run"
  if [ "$(id -u)" -ne 0 ] || runuser -u postgres -- test -x "$ROOT/.run" 2>/dev/null; then
    echo "$wanted"
    return
  fi
  local elsewhere
  elsewhere="/var/tmp/flask-template-$(echo "$ROOT" | sha256sum | cut -c1-12)/postgres"
  mkdir -p "$elsewhere"
  chown postgres: "$(dirname "$elsewhere")"
  [ -L "$wanted" ] || ln -sfn "$elsewhere" "$wanted"
  echo "$elsewhere"
}

# Print the URL of a new, empty database NAME in TEST_DATABASE_URL's cluster (dropped first if
# it exists), so a suite that leaves rows behind never shares a database with another.
fresh_database() {
  "$VENV/bin/python" - "$TEST_DATABASE_URL" "$1" <<'PY'
import sys
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

url, name = make_url(sys.argv[1]), sys.argv[2]
with create_engine(url, isolation_level="AUTOCOMMIT").connect() as admin:
    admin.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.execute(text(f'CREATE DATABASE "{name}"'))
print(url.set(database=name).render_as_string(hide_password=False))
PY
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Wait up to 20 s for URL to answer; on failure name LOG, where the server wrote why.
wait_for_http() {
  python3 - "$1" "$2" <<'PY'
import sys, time, urllib.request

for _ in range(200):
    try:
        urllib.request.urlopen(sys.argv[1], timeout=1)
        sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit(f"nothing answered at {sys.argv[1]}: see {sys.argv[2]}")
PY
}
