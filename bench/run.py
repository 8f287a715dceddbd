"""make bench: the API (gunicorn, production settings) against a frameworkless baseline.

bench/baseline.py answers the same requests with the same SQL through a psycopg pool; wrk loads
each in turn on a PostgreSQL cluster of the bench's own (normal durability, deleted afterwards).
    BENCH_ROWS     tasks seeded for the one user (10000; 1000000 for the big run)
    BENCH_SECONDS  length of each measured run (10), after a BENCH_WARMUP (2) second warm-up
The table goes to the terminal, and as JSON and a PNG chart to bench/results/; wrk's raw output
and the servers' logs to .run/bench/. scripts/bench.sh installs wrk and the packages first.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import runpy
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from client import compare, login, register, wait
from report import main as report

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
BACKEND = ROOT / "flaskBackend"
POSTGRES = ["bash", str(ROOT / "scripts" / "postgres.sh")]
LOGS = ROOT / ".run" / "bench"
# A slow answer is measured, not dropped: wrk's 2 s default would count it as an error and
# leave it out of the percentiles. wrk runs on core 1 of two, so it takes less from the servers.
WRK = [*(["taskset", "-c", "1"] if (os.cpu_count() or 1) >= 2 else []), "wrk", "-t2", "-c32"]
WRK += ["--timeout", "10s"]
# Each endpoint on both servers back to back; creates last, so every read sees the same rows.
ENDPOINTS = [
    ("E1", "/api/tasks/1", "get_task.lua"),
    ("E2a", "/api/tasks?page=1&per_page=20", "common.lua"),
    ("E2b", "/api/tasks?page=450&per_page=20", "common.lua"),
    ("E3", "/api/tasks", "create_task.lua"),
]


def setting(name: str, default: int, minimum: int, why: str) -> int:
    value = os.environ.get(name, str(default))
    if not value.isdigit() or int(value) < minimum:
        sys.exit(f"bench: {name} must be a whole number, at least {minimum} ({why})")
    return int(value)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def main() -> None:
    rows = setting("BENCH_ROWS", 10_000, 9000, "E2b reads page 450 of 20")
    seconds = setting("BENCH_SECONDS", 10, 1, "seconds")
    warmup = setting("BENCH_WARMUP", 2, 1, "seconds")
    # Other busy processes skew every figure: the table shows how busy the machine was.
    load_before = round(os.getloadavg()[0], 2)
    shutil.rmtree(LOGS, ignore_errors=True)
    LOGS.mkdir(parents=True)
    with ExitStack() as cleanup:
        data = tempfile.mkdtemp(prefix="throwaway-pg.", dir="/tmp")
        cleanup.callback(subprocess.run, [*POSTGRES, "discard", data], check=False)
        pg_port = free_port()
        print(f"bench: PostgreSQL, migrations, {rows} tasks...", file=sys.stderr)
        subprocess.run([*POSTGRES, "start", data, str(pg_port)], check=True)
        subprocess.run([*POSTGRES, "createdb", str(pg_port), "bench"], check=True)
        # The make serve settings; the token lives long enough for any BENCH_SECONDS, and the
        # one login must not meet the auth rate limit. Set before reading gunicorn.conf.py,
        # which checks the settings as gunicorn's master does.
        os.environ.update(
            DATABASE_URL=f"postgresql+psycopg://postgres@127.0.0.1:{pg_port}/bench",
            APP_ENV="production",
            LOG_LEVEL="WARNING",
            AUTH_RATE_LIMIT="100000/minute",
            ACCESS_TOKEN_TTL="86400",
            SECRET_KEY=secrets.token_urlsafe(48),
            API_HOST="127.0.0.1",
        )
        config = runpy.run_path(str(BACKEND / "gunicorn.conf.py"))
        workers, threads = config["workers"], config.get("threads", 1)
        os.environ.update(GUNICORN_WORKERS=str(workers), GUNICORN_THREADS=str(threads))
        with open(LOGS / "migrate.log", "w") as log:
            subprocess.run(
                ["alembic", "upgrade", "head"], cwd=BACKEND, stdout=log, stderr=log, check=True
            )
        urls = {}
        for name, folder, app in (("api", BACKEND, []), ("baseline", BENCH, ["baseline:app"])):
            port = free_port()
            log = cleanup.enter_context(open(LOGS / f"{name}.log", "w"))
            server = subprocess.Popen(
                [
                    "gunicorn",
                    "-c",
                    str(BACKEND / "gunicorn.conf.py"),
                    "--access-logfile",
                    "/dev/null",
                    *app,
                ],
                cwd=folder,
                env={**os.environ, "API_PORT": str(port)},
                stdout=log,
                stderr=log,
            )
            cleanup.callback(server.wait)
            cleanup.callback(server.terminate)
            urls[name] = f"http://127.0.0.1:{port}"
            wait(f"{urls[name]}/api/health")

        email, password = "bench@example.com", secrets.token_urlsafe(16)
        register(urls["api"], email, password)
        psql = ["psql", "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1"]
        psql += ["-p", str(pg_port), "-U", "postgres", "-d", "bench"]
        owner = subprocess.check_output(
            [*psql, "-c", f"SELECT id FROM users WHERE email = '{email}'"], text=True
        )
        subprocess.run(
            [
                *psql,
                "-v",
                f"owner={owner.strip()}",
                "-v",
                f"rows={rows}",
                "-f",
                str(BENCH / "seed.sql"),
            ],
            check=True,
        )
        first, last = subprocess.check_output(
            [*psql, "-F", " ", "-c", "SELECT min(id), max(id) FROM tasks"], text=True
        ).split()
        token = login(urls["api"], email, password)
        compare(urls["api"], urls["baseline"], token, first)

        os.environ.update(BENCH_TOKEN=token, BENCH_TASK_MIN=first, BENCH_TASK_MAX=last)
        run_id = f"{int(dt.datetime.now().timestamp())}-{secrets.randbelow(10**6)}"
        runs = LOGS / "runs.jsonl"
        for endpoint, path, script in ENDPOINTS:
            for server, url in urls.items():
                print(f"bench: {endpoint} on the {server} ({seconds}s)...", file=sys.stderr)
                lua = str(BENCH / "wrk" / script)
                tag = f"{server}-{run_id}"  # unique titles for the creates
                subprocess.run(
                    [*WRK, f"-d{warmup}s", "-s", lua, url + path, "--", f"warmup-{tag}"],
                    stdout=subprocess.DEVNULL,
                    check=True,
                )
                output = subprocess.check_output(
                    [*WRK, f"-d{seconds}s", "--latency", "-s", lua, url + path, "--", tag],
                    text=True,
                )
                with open(LOGS / "wrk.log", "a") as log:
                    log.write(f"== {server} {endpoint}\n{output}\n")
                found = re.search(r"^BENCH_RESULT (\{.*\})$", output, re.MULTILINE)
                if not found:
                    sys.exit("bench: no result from wrk: see .run/bench/wrk.log")
                with open(runs, "a") as out:
                    out.write(
                        json.dumps({"server": server, "endpoint": endpoint, **json.loads(found[1])})
                        + "\n"
                    )

    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    meta = {
        "rows": rows,
        "seconds": seconds,
        "warmup": warmup,
        "connections": 32,
        "wrk_threads": 2,
        "workers": workers,
        "threads": threads,
        "worker_class": config.get("worker_class", "sync"),
        "cores": os.cpu_count(),
        "load_before": load_before,
        "commit": commit.stdout.strip() or "unknown",
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    (LOGS / "meta.json").write_text(json.dumps(meta))
    print(file=sys.stderr)
    report(str(runs), str(LOGS / "meta.json"), str(BENCH / "results"))


if __name__ == "__main__":
    main()
