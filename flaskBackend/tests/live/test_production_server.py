"""gunicorn as make serve runs it: refusal in one line, no control-socket error, request size
limits (414, 431), JSON request logs and metrics summed over every worker."""

from __future__ import annotations

import json
import re
import socket
import subprocess
from pathlib import Path

from tests.live.server import BACKEND, GUNICORN, live_server, server_environment

READY_CALLS = 12


def refused_start(env: dict[str, str]) -> str:
    """What gunicorn printed when it refused to start with env; it must have refused."""
    finished = subprocess.run(
        [str(GUNICORN), "-c", "gunicorn.conf.py"],
        cwd=BACKEND,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert finished.returncode != 0
    return (finished.stdout + finished.stderr).strip()


def test_a_bad_setting_stops_start_up_in_one_line_before_any_worker(
    live_database_url: str,
) -> None:
    output = refused_start(server_environment(live_database_url, SECRET_KEY="too-short"))

    assert output.startswith("Refusing to start: SECRET_KEY: ")
    assert len(output.splitlines()) == 1


def test_an_unusable_metrics_folder_stops_start_up_in_one_line(
    live_database_url: str, tmp_path: Path
) -> None:
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("")
    env = server_environment(live_database_url, PROMETHEUS_MULTIPROC_DIR=str(a_file / "metrics"))

    output = refused_start(env)

    assert output.startswith("Refusing to start: PROMETHEUS_MULTIPROC_DIR: ")
    assert len(output.splitlines()) == 1


def raw_status(port: int, request: bytes) -> int:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request)
        status_line = connection.recv(4096).split(b"\r\n", 1)[0]
    return int(status_line.split()[1])


def test_the_production_server_logs_json_counts_every_worker_and_refuses_huge_requests(
    live_database_url: str, tmp_path: Path
) -> None:
    # gunicorn's control socket would go under $HOME/.gunicorn, which a container user without
    # a home cannot create (and root here always could): so look for the folder instead.
    home = tmp_path / "home"
    home.mkdir()
    env = server_environment(live_database_url, GUNICORN_WORKERS="4", HOME=str(home))
    port = int(env["API_PORT"])
    with live_server(env, tmp_path / "server.log") as server:
        for _ in range(READY_CALLS):
            assert server.request("GET", "/api/health/ready").status == 200
        metrics = server.request("GET", "/metrics")
        long_line = raw_status(port, b"GET /api/health?" + b"q" * 9000 + b" HTTP/1.1\r\n\r\n")
        big_header = raw_status(
            port, b"GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"h" * 9000 + b"\r\n\r\n"
        )
        many_headers = raw_status(
            port,
            b"GET /api/health HTTP/1.1\r\nHost: x\r\n"
            + b"".join(b"X-H%d: 1\r\n" % n for n in range(150))
            + b"\r\n",
        )
        log = server.log()

    assert not (home / ".gunicorn").exists()
    assert "Control server error" not in log
    assert len(re.findall(r"Booting worker", log)) == 4

    records = [json.loads(line) for line in log.splitlines()]  # every line is JSON
    ready = [r for r in records if r.get("path") == "/api/health/ready"]
    assert len(ready) == READY_CALLS
    assert {"method", "path", "status", "duration_ms", "request_id", "user_id"} <= set(ready[0])
    assert ready[0]["status"] == 200

    text = metrics.body.decode()
    assert metrics.status == 200
    counted = re.search(
        r'http_requests_total\{endpoint="/api/health/ready",method="GET",status="200"\} (\S+)',
        text,
    )
    assert counted is not None
    assert float(counted.group(1)) == READY_CALLS  # summed over the workers that answered
    assert "http_request_duration_seconds_bucket" in text
    assert "db_pool_connections_in_use" in text

    # gunicorn answers these itself, before the app: plain text, not problem+json.
    assert (long_line, big_header, many_headers) == (414, 431, 431)
