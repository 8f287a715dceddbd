# Shared by the UI scripts: Yarn through corepack, and the UI's dependencies installed when they changed.
# shellcheck shell=bash
UI="$ROOT/ui"

# Run Yarn (the version pinned in ui/package.json's packageManager) in ui/.
ui_yarn() {
  (cd "$UI" && corepack yarn "$@")
}

ensure_ui_deps() {
  command -v node >/dev/null || { echo "Node.js 20.19+ is required for the UI (https://nodejs.org)" >&2; exit 1; }
  command -v corepack >/dev/null || { echo "corepack is required for the UI: npm install -g corepack" >&2; exit 1; }
  export COREPACK_ENABLE_DOWNLOAD_PROMPT=0 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  # Fetch Yarn and packages from whatever registry npm is set up to use (a mirror, say).
  local registry
  registry=$(npm config get registry 2>/dev/null || true)
  registry=${registry%/}
  if [ -n "$registry" ]; then
    export COREPACK_NPM_REGISTRY=${COREPACK_NPM_REGISTRY:-$registry}
    export YARN_NPM_REGISTRY_SERVER=${YARN_NPM_REGISTRY_SERVER:-$registry}
  fi
  local stamp
  stamp="$UI/node_modules/.installed-$(cat "$UI/package.json" "$UI/yarn.lock" | sha256sum | cut -c1-16)"
  [ -f "$stamp" ] && return 0
  echo "Installing UI dependencies into ui/node_modules..." >&2
  ui_yarn install --immutable >/dev/null || { ui_yarn install --immutable >&2; exit 1; }
  rm -f "$UI"/node_modules/.installed-*
  touch "$stamp"
}
