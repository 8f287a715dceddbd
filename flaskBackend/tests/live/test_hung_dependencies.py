"""Clients and stores that stop answering hold no worker: a stalled upload gets a 408 and a
hung Redis costs a login half a second, while the probes keep answering."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.live.server import free_port, live_server, server_environment

LOGIN = b"POST /api/auth/login HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"


def stalled_upload(url: str) -> socket.socket:
    """A login whose body stops 90 bytes short of its Content-Length, and never ends."""
    host, port = url.removeprefix("http://").split(":")
    client = socket.create_connection((host, int(port)))
    client.sendall(LOGIN + b"Content-Length: 100\r\n\r\n" + b'{"email": "')
    return client


def test_stalled_uploads_get_408_and_leave_the_server_answering(
    live_database_url: str, tmp_path: Path
) -> None:
    # One worker of two threads: without a deadline, two stalled uploads hold it all.
    env = server_environment(
        live_database_url,
        GUNICORN_WORKERS="1",
        GUNICORN_THREADS="2",
        REQUEST_BODY_TIMEOUT="1",
        AUTH_RATE_LIMIT="100/minute",  # six logins from one address: the limit is not the point
    )
    with live_server(env, tmp_path / "server.log") as server:
        uploads = [stalled_upload(server.base_url) for _ in range(6)]
        health = server.request("GET", "/api/health", timeout=10)
        answers = []
        for upload in uploads:
            upload.settimeout(10)
            answers.append(upload.recv(4096).decode())
            upload.close()

    assert health.status == 200
    assert [answer.split(" ", 2)[1] for answer in answers] == ["408"] * 6
    assert all("Content-Type: application/problem+json" in answer for answer in answers)


@dataclass
class Redis:
    url: str
    process: subprocess.Popen[bytes]

    def hang(self) -> None:
        """Stop answering, with every connection left open (a hung server, not a dead one)."""
        os.kill(self.process.pid, signal.SIGSTOP)


@pytest.fixture
def redis(tmp_path: Path) -> Iterator[Redis]:
    """A real redis-server of its own."""
    server = shutil.which("redis-server")
    assert server, (
        "redis-server is missing: make test-live installs it (apt-get install redis-server)"
    )
    port = free_port()
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "redis-server did not start"
                time.sleep(0.05)
        yield Redis(f"redis://127.0.0.1:{port}/0", process)
    finally:
        os.kill(process.pid, signal.SIGCONT)
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.redis_server
def test_a_hung_redis_keeps_logins_answering_and_limited_per_process(
    live_database_url: str, redis: Redis, tmp_path: Path
) -> None:
    env = server_environment(
        live_database_url, RATELIMIT_STORAGE_URI=redis.url, GUNICORN_WORKERS="1"
    )
    wrong = {"email": "someone@example.com", "password": "not-the-password"}
    with live_server(env, tmp_path / "server.log") as server:
        assert server.request("GET", "/api/health/ready").json()["rate_limits"] == "shared"
        redis.hang()
        logins = [server.request("POST", "/api/auth/login", wrong, timeout=5) for _ in range(6)]
        ready = server.request("GET", "/api/health/ready", timeout=5)
        health = server.request("GET", "/api/health", timeout=5)

    assert [login.status for login in logins] == [401] * 5 + [429]
    assert logins[-1].headers["Content-Type"] == "application/problem+json"
    assert ready.status == 200
    assert ready.json()["rate_limits"] == "per-process"
    assert health.status == 200
