#!/usr/bin/env bash
# make lint-containers: the container and deployment files, checked without a Docker engine.
#  1. hadolint: both Dockerfiles, no finding at all;
#  2. compose: with Compose v2 installed, every file combination renders (`docker compose config`)
#     and the API keeps its wiring under a .env made for `make dev`; without it, each file
#     validates against the Compose Specification's schema;
#  3. the GitHub workflow against its schema;
#  4. Kubernetes: every kustomization renders (kubectl's kustomize) and each object validates,
#     strictly, against the schemas of KUBE_VERSION (default: kubernetes-validate's newest).
# The tools come from the dev extra of flaskBackend/pyproject.toml.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_python_env
bin=$VENV/bin
ok() { echo "  ok    $*"; }

dockerfiles=(flaskBackend/Dockerfile)
[ ! -d ui ] || dockerfiles+=(ui/Dockerfile)
"$bin/hadolint" --failure-threshold style "${dockerfiles[@]}"
ok "hadolint: ${dockerfiles[*]}"

if docker compose version >/dev/null 2>&1; then
  # A throwaway key: the config only interpolates it.
  export SECRET_KEY=lint-only
  for files in "-f docker-compose.yml" "-f docker-compose.yml -f docker-compose.dev.yml"; do
    # shellcheck disable=SC2086  # $files is a list of options
    docker compose $files --profile test config --quiet
    ok "docker compose $files --profile test config"
  done
  # .env.example is what `make dev` copies to .env: its values must not reach the stack's wiring.
  wiring=$(docker compose --env-file .env.example config api)
  proxies=1 && [ -d ui ] || proxies=0  # without the UI's nginx, nobody is in front of the API
  for want in 'APP_ENV: production' "PROXY_COUNT: \"$proxies\"" 'RATELIMIT_STORAGE_URI: redis://redis:6379/0'; do
    grep -qF "$want" <<<"$wiring" || { echo "lint-containers: api lacks '$want' under .env.example" >&2; exit 1; }
  done
  ok "the api keeps its wiring under .env.example's values"
else
  "$bin/check-jsonschema" --builtin-schema vendor.compose-spec docker-compose*.yml
  ok "compose files match the Compose Specification (install Compose v2 for the full check)"
fi

"$bin/check-jsonschema" --builtin-schema vendor.github-workflows .github/workflows/*.yml
ok "GitHub workflows match their schema"

version=()
[ -n "${KUBE_VERSION:-}" ] && version=(--kubernetes-version "$KUBE_VERSION")
rendered=$(mktemp -d)
trap 'rm -rf "$rendered"' EXIT
for dir in deploy/k8s/base deploy/k8s/overlays/*/; do
  dir=${dir%/}
  out="$rendered/$(tr / - <<<"$dir").yaml"
  "$bin/kubectl" kustomize "$dir" >"$out"
  "$bin/kubernetes-validate" --strict --quiet "${version[@]}" "$out"
  ok "$dir: $(grep -c '^kind:' "$out") objects render and validate (strict)"
done
