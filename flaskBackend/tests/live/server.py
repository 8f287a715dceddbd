"""The production server (gunicorn with gunicorn.conf.py) started for a test, as make serve does."""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.postgres import create_database, migrate

BACKEND = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"
STARTUP_DEADLINE = 30.0


@dataclass
class Answer:
    status: int
    headers: Mapping[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class LiveServer:
    base_url: str
    log_path: Path
    process: subprocess.Popen[bytes]

    def request(
        self,
        method: str,
        path: str,
        body: object = None,
        headers: Mapping[str, str] | None = None,
        timeout: float = 15,
    ) -> Answer:
        data = None if body is None else json.dumps(body).encode()
        sent = {"Content-Type": "application/json"} if data is not None else {}
        sent.update(headers or {})
        url = self.base_url + path  # always http://127.0.0.1:PORT
        call = urllib.request.Request(url, data=data, method=method, headers=sent)  # noqa: S310
        try:
            with urllib.request.urlopen(call, timeout=timeout) as response:  # noqa: S310
                return Answer(response.status, dict(response.headers), response.read())
        except urllib.error.HTTPError as error:
            return Answer(error.code, dict(error.headers), error.read())

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def fresh_database(cluster_url: str, name: str) -> str:
    """An empty database NAME beside cluster_url's, migrated to head; returns its URL."""
    database_url = create_database(cluster_url, name)
    migrate(database_url)
    return database_url


def server_environment(database_url: str, **overrides: str) -> dict[str, str]:
    """What make serve runs with: production, a random key, nothing else unless a test says."""
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")
    env = {name: os.environ[name] for name in keep if name in os.environ}
    env.update(
        DATABASE_URL=database_url,
        APP_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(48),
        API_HOST="127.0.0.1",
        API_PORT=str(free_port()),
    )
    env.update(overrides)
    return env


@contextmanager
def live_server(env: dict[str, str], log_path: Path) -> Iterator[LiveServer]:
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            # The app with the tests' notes resource: gunicorn.conf.py's settings otherwise.
            [
                str(GUNICORN),
                "-c",
                "gunicorn.conf.py",
                "tests.notes.serving:create_app_with_notes()",
            ],
            cwd=BACKEND,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = LiveServer(f"http://127.0.0.1:{env['API_PORT']}", log_path, process)
    try:
        wait_until_ready(server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_ready(server: LiveServer) -> None:
    deadline = time.monotonic() + STARTUP_DEADLINE
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited: {server.log()}")
        try:
            if server.request("GET", "/api/health", timeout=1).status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"gunicorn did not answer within {STARTUP_DEADLINE}s: {server.log()}")
