#!/usr/bin/env bash
# make lint-containers: check the container files without a Docker engine.
#  1. every compose file combination validates (docker-compose config -q), with and without .env values;
#  2. every Dockerfile passes hadolint with no finding at all;
#  3. the commands the containers run succeed here: migrations, gunicorn with the image's own CMD and
#     HEALTHCHECK, the dev server's app factory, and the UI build.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

die() { echo "lint-containers: $*" >&2; exit 1; }
ok() { echo "  ok    $*"; }

# Run a command with its output kept for when it fails.
quietly() {
  local log status=0
  log=$(mktemp)
  "$@" >"$log" 2>&1 || status=$?
  [ "$status" -eq 0 ] || cat "$log" >&2
  rm -f "$log"
  return "$status"
}

# Read one stage of a Dockerfile: `files DIR` copies what the stage COPYs from the build context into
# DIR (as the image lays it out); `CMD` or `HEALTHCHECK` prints that instruction's argv, one per line.
dockerfile_stage() {
  "$VENV/bin/python" - "$@" <<'PY'
import json, re, shutil, sys
from pathlib import Path

dockerfile, stage, what, *into = sys.argv[1:]
context = Path(dockerfile).parent
stages, current = {}, None
for line in re.sub(r"\\\n", " ", Path(dockerfile).read_text()).splitlines():
    if m := re.match(r"\s*FROM\s+\S+(?:\s+AS\s+(\S+))?", line, re.I):
        current = stages.setdefault((m[1] or "").lower(), [])
    elif current is not None and line.strip() and not line.lstrip().startswith("#"):
        current.append((line.split(None, 1) + [""])[:2])
instructions = stages[stage]
if what == "files":
    for keyword, rest in instructions:
        words = rest.split()
        if keyword.upper() != "COPY" or any(w.startswith("--from") for w in words):
            continue
        *sources, dest = [w for w in words if not w.startswith("--")]
        for source in sources:
            target = Path(into[0], dest)
            if (context / source).is_dir():
                shutil.copytree(context / source, target, dirs_exist_ok=True,
                                ignore=shutil.ignore_patterns("__pycache__"))
                continue
            if dest.endswith("/") or len(sources) > 1:
                target = target / Path(source).name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(context / source, target)
else:
    argv = [json.loads(rest[rest.index("["):]) for k, rest in instructions if k.upper() == what]
    print("\n".join(argv[-1]))
PY
}

# With TEST_DATABASE_URL (make test sets it): the API images' commands against a throwaway PostgreSQL, each run in a
# directory holding only what its stage copies, so a file the image lacks fails here too.
backend_commands() {
  local port server status=0
  # Not local: the EXIT trap needs them after this function returns.
  runtime=$(mktemp -d) tests=$(mktemp -d)
  trap 'rm -rf "$runtime" "$tests"' EXIT
  dockerfile_stage "$BACKEND/Dockerfile" runtime files "$runtime"
  dockerfile_stage "$BACKEND/Dockerfile" test files "$tests"
  mapfile -t cmd < <(dockerfile_stage "$BACKEND/Dockerfile" runtime CMD)
  mapfile -t health < <(dockerfile_stage "$BACKEND/Dockerfile" runtime HEALTHCHECK)
  [ "${#cmd[@]}" -gt 0 ] && [ "${#health[@]}" -gt 0 ] || die "no CMD or HEALTHCHECK in the runtime stage"
  export DATABASE_URL=$TEST_DATABASE_URL APP_ENV=production LOG_LEVEL=WARNING PATH="$VENV/bin:$PATH"
  SECRET_KEY=$(python -c 'import secrets; print(secrets.token_urlsafe(48))')
  export SECRET_KEY

  cd "$runtime"
  quietly alembic upgrade head || die "alembic upgrade head failed (the migrate service)"
  ok "migrate: alembic upgrade head, with the runtime image's files, on a throwaway PostgreSQL"
  quietly gunicorn -c gunicorn.conf.py --check-config || die "gunicorn --check-config failed"
  ok "api: gunicorn -c gunicorn.conf.py --check-config (the app imports and builds)"
  port=$(python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  API_HOST=127.0.0.1 API_PORT=$port GUNICORN_WORKERS=1 "${cmd[@]}" \
    >"$ROOT/.run/lint-containers-api.log" 2>&1 &
  server=$!
  for _ in $(seq 100); do
    API_PORT=$port "${health[@]}" 2>/dev/null && status=0 && break
    status=1
    sleep 0.2
  done
  kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true
  [ "$status" -eq 0 ] || die "the image's CMD did not pass its HEALTHCHECK: see .run/lint-containers-api.log"
  ok "api: '${cmd[*]}' serves and passes the image's HEALTHCHECK"

  cd "$BACKEND"
  quietly flask --app app routes || die "flask --app app routes failed (the dev target's server)"
  ok "api dev: flask --app app finds the app factory"
  cd "$tests"
  quietly pytest --collect-only -q || die "pytest cannot collect the tests with the test image's files"
  ok "api test: pytest collects the tests from the test image's files"
}

if [ "${1:-}" = "--backend-commands" ]; then
  backend_commands
  exit 0
fi

echo "Compose files (docker-compose config -q):"
if ! command -v docker-compose >/dev/null; then
  [ "$(id -u)" -eq 0 ] || die "docker-compose is missing: install it as root (apt-get install docker-compose)."
  echo "Installing docker-compose with apt-get..." >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
fi
# An empty env file checks the ${VAR:-default}s alone; .env.example checks the values users start with.
shopt -s nullglob
compose_help=$(docker-compose --help)
no_values=$(mktemp)
trap 'rm -f "$no_values"' EXIT
for override in "" docker-compose.*.yml; do
  files=(-f docker-compose.yml)
  [ -n "$override" ] && files+=(-f "$override")
  for profile in "" test; do
    for env_file in "$no_values" .env.example; do
      args=("${files[@]}")
      [ -n "$profile" ] && args+=(--profile "$profile")
      if [[ $compose_help == *--env-file* ]]; then
        warnings=$(docker-compose --env-file "$env_file" "${args[@]}" config -q 2>&1) \
          || die "docker-compose ${args[*]} config: $warnings"
      else  # docker-compose before 1.25 has no --env-file: export the values instead
        # shellcheck disable=SC1090
        warnings=$(set -a && . "$env_file" && docker-compose "${args[@]}" config -q 2>&1) \
          || die "docker-compose ${args[*]} config: $warnings"
      fi
      [ -z "$warnings" ] || die "docker-compose ${args[*]} config warns: $warnings"
    done
    label=docker-compose.yml${override:+ + $override}${profile:+ (profile $profile)}
    ok "$label, with defaults only and with .env.example"
  done
done

echo "Dockerfiles (hadolint, no finding allowed):"
ensure_python_env
mapfile -t dockerfiles < <(find . -name Dockerfile -not -path '*/node_modules/*' -not -path '*/.venv/*' \
  -not -path './.git/*' | sort)
[ "${#dockerfiles[@]}" -gt 0 ] || die "no Dockerfile found"
for dockerfile in "${dockerfiles[@]}"; do
  "$VENV/bin/hadolint" --no-color --failure-threshold style "$dockerfile" || die "hadolint: findings in $dockerfile"
  ok "${dockerfile#./}"
done

echo "The containers' commands, run here:"
mkdir -p "$ROOT/.run"
bash "$ROOT/scripts/lint-containers.sh" --backend-commands

if [ -f ui/package.json ]; then
  command -v corepack >/dev/null || die "corepack (Node 20+) is needed to build the UI"
  export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
  # Corepack fetches Yarn from its default registry; if it cannot, use npm's configured one (a mirror,
  # say) for Yarn and for the packages alike.
  if [ -z "${COREPACK_NPM_REGISTRY:-}" ] && ! (cd ui && corepack yarn --version >/dev/null 2>&1); then
    registry=$(npm config get registry 2>/dev/null) || die "corepack cannot fetch Yarn and npm has no registry set"
    export COREPACK_NPM_REGISTRY=${registry%/}
    export YARN_NPM_REGISTRY_SERVER=${YARN_NPM_REGISTRY_SERVER:-${registry%/}}
  fi
  (cd ui && quietly corepack yarn install --immutable && quietly corepack yarn build) || die "the UI build failed"
  [ -f ui/dist/index.html ] || die "yarn build wrote no ui/dist/index.html, which the nginx image serves"
  ok "ui: yarn install --immutable && yarn build (ui/dist/index.html)"
else
  echo "  skip  ui: no ui/package.json yet, so no UI build"
fi

echo "lint-containers: all checks passed"
