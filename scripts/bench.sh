#!/usr/bin/env bash
# make bench: the API (gunicorn, production settings) against a frameworkless baseline
# (bench/baseline.py, the same SQL through a psycopg pool), both loaded by wrk, on a PostgreSQL
# cluster of its own with normal durability, deleted afterwards. Not part of make test.
#   BENCH_ROWS     tasks seeded for the one user (10000; 1000000 for the big run)
#   BENCH_SECONDS  length of each measured run (10), after a BENCH_WARMUP (2) second warm-up
# The table goes to the terminal, and as JSON and a PNG chart to bench/results/.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

die() { echo "bench: $*" >&2; exit 1; }

rows=${BENCH_ROWS:-10000}
seconds=${BENCH_SECONDS:-10}
warmup=${BENCH_WARMUP:-2}
[[ $rows =~ ^[0-9]+$ ]] && ((rows >= 9000)) \
  || die "BENCH_ROWS must be a whole number, at least 9000 (E2b reads page 450 of 20)"
[[ $seconds =~ ^[1-9][0-9]*$ && $warmup =~ ^[1-9][0-9]*$ ]] \
  || die "BENCH_SECONDS and BENCH_WARMUP must be whole numbers of seconds"

need_package wrk wrk
ensure_python_env
# The bench's own packages (the baseline's pool, the chart), only for make bench; make lock
# constrains them to dev.txt's pins, so installing them changes nothing make test uses.
stamp="$VENV/.bench-installed-$(sha256sum "$BACKEND/requirements/bench.txt" | cut -c1-16)"
[ -f "$stamp" ] || { "$VENV/bin/python" -m pip install -q --disable-pip-version-check \
  --require-hashes --no-deps -r "$BACKEND/requirements/bench.txt" && touch "$stamp"; }

python() { "$VENV/bin/python" "$@"; }
psql_bench() { psql -X -q -tA -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres -d bench "$@"; }

mkdir -p "$ROOT/.run"
logs="$ROOT/.run/bench"
rm -rf "$logs" && mkdir -p "$logs"
data=$(mktemp -d /tmp/throwaway-pg.XXXXXX)
servers=()
cleanup() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${servers[@]}"; do wait "$pid" 2>/dev/null || true; done
  bash "$ROOT/scripts/postgres.sh" discard "$data"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Other busy processes skew every figure: the table shows how busy the machine was.
load_before=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo null)
echo "bench: PostgreSQL, migrations, $rows tasks..." >&2
pg_port=$(free_port)
bash "$ROOT/scripts/postgres.sh" start "$data" "$pg_port"
bash "$ROOT/scripts/postgres.sh" createdb "$pg_port" bench

# The make serve settings; the token lives long enough for any BENCH_SECONDS, and the one
# login must not meet the auth rate limit.
export DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:$pg_port/bench"
export APP_ENV=production LOG_LEVEL=WARNING AUTH_RATE_LIMIT=100000/minute ACCESS_TOKEN_TTL=86400
SECRET_KEY=$(python -c 'import secrets; print(secrets.token_urlsafe(48))')
export SECRET_KEY API_HOST=127.0.0.1
# gunicorn.conf.py's workers and threads (or GUNICORN_* from the environment), for both servers.
read -r workers threads worker_class < <(cd "$BACKEND" && python -c '
import runpy
c = runpy.run_path("gunicorn.conf.py")
print(c["workers"], c.get("threads", 1), c.get("worker_class", "sync"))')
export GUNICORN_WORKERS=$workers GUNICORN_THREADS=$threads

(cd "$BACKEND" && "$VENV/bin/alembic" upgrade head) >"$logs/migrate.log" 2>&1 \
  || die "alembic upgrade failed: see .run/bench/migrate.log"

start_server() {  # name port directory [app]
  local name=$1 port=$2 dir=$3
  shift 3
  (cd "$dir" && API_PORT=$port exec "$VENV/bin/gunicorn" -c "$BACKEND/gunicorn.conf.py" \
    --access-logfile /dev/null "$@") >"$logs/$name.log" 2>&1 &
  servers+=($!)
}
api_port=$(free_port)
base_port=$(free_port)
start_server api "$api_port" "$BACKEND"
start_server baseline "$base_port" "$ROOT/bench" baseline:app
api="http://127.0.0.1:$api_port"
base="http://127.0.0.1:$base_port"
python "$ROOT/bench/client.py" wait "$api/api/health" \
  || die "the API did not start: see .run/bench/api.log"
python "$ROOT/bench/client.py" wait "$base/api/health" \
  || die "the baseline did not start: see .run/bench/baseline.log"

email=bench@example.com
password=bench-password-$RANDOM$RANDOM
python "$ROOT/bench/client.py" register "$api" "$email" "$password"
owner=$(psql_bench -c "SELECT id FROM users WHERE email = '$email'")
psql_bench -v owner="$owner" -v rows="$rows" -f "$ROOT/bench/seed.sql"
read -r first_id last_id < <(psql_bench -F ' ' -c "SELECT min(id), max(id) FROM tasks")
token=$(python "$ROOT/bench/client.py" login "$api" "$email" "$password")
python "$ROOT/bench/client.py" compare "$api" "$base" "$token" "$first_id"

# wrk on core 1 when there are two or more, so it takes less from the servers.
pin=()
(($(nproc) >= 2)) && pin=(taskset -c 1)
runs="$logs/runs.jsonl"
# A slow answer is measured, not dropped: wrk's 2 s default would count it as an error and
# leave it out of the percentiles.
wrk_options=(-t2 -c32 --timeout 10s)
load() {  # server url endpoint script [run id, for unique titles]
  local server=$1 url=$2 endpoint=$3 script=$4 tag="$1-${5:-run}" output
  echo "bench: $endpoint on the $server (${seconds}s)..." >&2
  export BENCH_TOKEN=$token BENCH_TASK_MIN=$first_id BENCH_TASK_MAX=$last_id
  "${pin[@]}" wrk "${wrk_options[@]}" -d"${warmup}s" -s "$script" "$url" -- "warmup-$tag" \
    >/dev/null
  output=$("${pin[@]}" wrk "${wrk_options[@]}" -d"${seconds}s" --latency -s "$script" "$url" \
    -- "$tag")
  printf '== %s %s\n%s\n' "$server" "$endpoint" "$output" >>"$logs/wrk.log"
  local result
  result=$(grep '^BENCH_RESULT {' <<<"$output") || die "no result from wrk: see .run/bench/wrk.log"
  echo "{\"server\":\"$server\",\"endpoint\":\"$endpoint\",${result#BENCH_RESULT \{}" >>"$runs"
}
wrk_dir="$ROOT/bench/wrk"
run_id="$(date +%s)-$RANDOM"
# Each endpoint on both servers back to back; creates last, so every read sees the same rows.
load_both() {  # endpoint path script
  load api "$api$2" "$1" "$3" "$run_id"
  load baseline "$base$2" "$1" "$3" "$run_id"
}
load_both E1 /api/tasks/1 "$wrk_dir/get_task.lua"
load_both E2a "/api/tasks?page=1&per_page=20" "$wrk_dir/common.lua"
load_both E2b "/api/tasks?page=450&per_page=20" "$wrk_dir/common.lua"
load_both E3 /api/tasks "$wrk_dir/create_task.lua"

cat >"$logs/meta.json" <<JSON
{"rows": $rows, "seconds": $seconds, "warmup": $warmup, "connections": 32, "wrk_threads": 2,
 "workers": $workers, "threads": $threads, "worker_class": "$worker_class",
 "cores": $(nproc), "load_before": $load_before,
 "commit": "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)",
 "date": "$(date -u +%Y-%m-%dT%H:%M:%SZ)"}
JSON
echo >&2
python "$ROOT/bench/report.py" "$runs" "$logs/meta.json" "$ROOT/bench/results"
