# Shared by the scripts: paths, .env, the Python virtualenv, the UI's dependencies, system packages.
# shellcheck shell=bash
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BACKEND="$ROOT/flaskBackend"
VENV="$BACKEND/.venv"
UI="$ROOT/ui"

# Load .env (created from .env.example on first use). A variable already in the environment wins,
# and later lines see it: POSTGRES_PORT=5440 make dev moves DATABASE_URL's port too.
load_env() {
  [ -f "$ROOT/.env" ] || { cp "$ROOT/.env.example" "$ROOT/.env"; echo "Created .env from .env.example" >&2; }
  local line
  while IFS= read -r line || [ -n "$line" ]; do
    [[ $line =~ ^([A-Za-z_][A-Za-z0-9_]*)= ]] || continue
    [ -n "${!BASH_REMATCH[1]+set}" ] || eval "export $line"
  done <"$ROOT/.env"
}

# Install Debian package PACKAGE unless COMMAND is on the PATH (apt-get as root or with sudo), or
# say in one line what to install.
need_package() {
  [ -n "${2:-}" ] && command -v "$2" >/dev/null && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  echo "Installing $1 with apt-get..." >&2
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$1"; } >/dev/null 2>&1 \
    || { echo "${2:-$1} is missing: install the $1 package (Debian/Ubuntu: apt-get install $1)" >&2; exit 1; }
}

# Create the virtualenv and install the locked dev requirements when they changed.
ensure_python_env() {
  local lock="$BACKEND/requirements/dev.txt" stamp
  stamp="$VENV/.installed-$(sha256sum "$lock" | cut -c1-16)"
  [ -f "$stamp" ] && return 0
  python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
    || { echo "Python 3.11+ is required (python3)" >&2; exit 1; }
  echo "Installing Python dependencies into flaskBackend/.venv..." >&2
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --require-hashes --no-deps -r "$lock"
  rm -f "$VENV"/.installed-*
  touch "$stamp"
}

# Run Yarn (the version pinned in ui/package.json's packageManager) in ui/.
ui_yarn() {
  (cd "$UI" && corepack yarn "$@")
}

# Install the UI's dependencies when package.json or yarn.lock changed, from the registry npm uses.
ensure_ui_deps() {
  command -v corepack >/dev/null || { echo "Node.js 20.19+ with corepack is required for the UI" >&2; exit 1; }
  export COREPACK_ENABLE_DOWNLOAD_PROMPT=0 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  local registry stamp
  registry=$(npm config get registry 2>/dev/null | sed 's#/*$##' || true)
  [ -z "$registry" ] || export COREPACK_NPM_REGISTRY=${COREPACK_NPM_REGISTRY:-$registry} \
    YARN_NPM_REGISTRY_SERVER=${YARN_NPM_REGISTRY_SERVER:-$registry}
  stamp="$UI/node_modules/.installed-$(cat "$UI/package.json" "$UI/yarn.lock" | sha256sum | cut -c1-16)"
  [ -f "$stamp" ] && return 0
  # One install at a time: make test's two lanes may both get here.
  mkdir -p "$ROOT/.run"
  (
    flock 9
    [ -f "$stamp" ] && exit 0
    echo "Installing UI dependencies into ui/node_modules..." >&2
    ui_yarn install --immutable >/dev/null || { ui_yarn install --immutable >&2; exit 1; }
    rm -f "$UI"/node_modules/.installed-*
    touch "$stamp"
  ) 9>"$ROOT/.run/ui-install.lock" || exit 1
}

# Run a command silently; show what it said only if it fails.
quietly() {
  local output
  output=$("$@" 2>&1) || { printf '%s\n' "$output" >&2; return 1; }
}

# A random SECRET_KEY: outside development the app takes no key written in the repository.
random_key() {
  python3 -c 'import secrets; print(secrets.token_urlsafe(48))'
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Print the URL of database NAME in TEST_DATABASE_URL's cluster, emptied first, so a suite that
# leaves rows behind never shares a database with another.
fresh_database() {
  need_package postgresql-client psql
  quietly psql -X -q -v ON_ERROR_STOP=1 "${TEST_DATABASE_URL/+psycopg/}" \
    -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" -c "CREATE DATABASE \"$1\""
  echo "${TEST_DATABASE_URL%/*}/$1"
}
