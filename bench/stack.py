"""What make bench (run.py) and its profiler (profile.py) stand on: a throwaway PostgreSQL,
migrated and seeded, with the API and the frameworkless baseline served by gunicorn."""

from __future__ import annotations

import os
import runpy
import secrets
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from client import compare, deep_cursor, login, register, wait

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
BACKEND = ROOT / "flaskBackend"
POSTGRES = ["bash", str(ROOT / "scripts" / "postgres.sh")]
LOGS = ROOT / ".run" / "bench"


@dataclass(frozen=True)
class Stack:
    urls: dict[str, str]  # "api" and "baseline"
    servers: dict[str, subprocess.Popen[bytes]]  # their gunicorn masters
    token: str
    first_id: str
    last_id: str
    config: dict[str, object]  # gunicorn.conf.py's settings
    psql: list[str]
    deep_cursor: str  # a keyset cursor 1,000 rows before the end of the list


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def stack(rows: int) -> Iterator[Stack]:
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
            AUTH_EMAIL_RATE_LIMIT="100000/minute",
            REFRESH_RATE_LIMIT="100000/minute",
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
        urls, servers = {}, {}
        for name, folder, app in (("api", BACKEND, []), ("baseline", BENCH, ["baseline:app"])):
            port = free_port()
            log = cleanup.enter_context(open(LOGS / f"{name}.log", "w"))
            # No --access-logfile: /dev/null would still format a line per request (make serve
            # has no access log; the app writes its own line, off at LOG_LEVEL=WARNING).
            server = subprocess.Popen(
                ["gunicorn", "-c", str(BACKEND / "gunicorn.conf.py"), *app],
                cwd=folder,
                env={**os.environ, "API_PORT": str(port)},
                stdout=log,
                stderr=log,
            )
            cleanup.callback(server.wait)
            cleanup.callback(server.terminate)
            urls[name], servers[name] = f"http://127.0.0.1:{port}", server
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
        deep = deep_cursor(urls["api"], token, rows - 1000)
        compare(urls["api"], urls["baseline"], token, first, deep)
        yield Stack(urls, servers, token, first, last, config, psql, deep)
