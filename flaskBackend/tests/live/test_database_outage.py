"""PostgreSQL stops under a running server: clear 503s, quiet logs, recovery without a restart."""

from __future__ import annotations

import json
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.live.server import LiveServer, fresh_database, live_server, server_environment
from tests.postgres import POSTGRES_SCRIPT

RECOVERY_DEADLINE = 60.0
REQUESTS_PER_PATH = 8
DURING_OUTAGE = ("/api/notes", "/api/users/me", "/api/health/ready")


@pytest.fixture
def own_cluster() -> Iterator[tuple[str, str]]:
    """A cluster this test may stop and start: (URL, data directory)."""
    started = subprocess.run(
        [str(POSTGRES_SCRIPT), "throwaway"], check=True, capture_output=True, text=True
    )
    url, data_dir = started.stdout.split()
    try:
        yield url, data_dir
    finally:
        subprocess.run([str(POSTGRES_SCRIPT), "discard", data_dir], check=False)


def log_records(server: LiveServer, since: int) -> list[dict[str, object]]:
    lines = server.log()[since:].splitlines()
    return [json.loads(line) for line in lines if line.startswith("{")]


# It starts and stops a cluster of its own (scripts/postgres.sh, PostgreSQL's server binaries):
# make test runs it; the api-test container, which has neither, deselects it.
@pytest.mark.stops_postgres
def test_an_outage_is_503_with_retry_after_one_warning_each_and_recovers(
    own_cluster: tuple[str, str], tmp_path: Path
) -> None:
    cluster_url, data_dir = own_cluster
    port = str(make_url(cluster_url).port)
    database_url = fresh_database(cluster_url, "outage")
    env = server_environment(database_url, GUNICORN_WORKERS="2")
    with live_server(env, tmp_path / "server.log") as server:
        credentials = {"email": "outage@example.com", "password": "a-long-password"}
        account = credentials | {"name": "Outage"}
        assert server.request("POST", "/api/auth/register", account).status == 201
        login = server.request("POST", "/api/auth/login", credentials)
        bearer = {"Authorization": f"Bearer {login.json()['access_token']}"}
        assert server.request("GET", "/api/notes", headers=bearer).status == 200

        subprocess.run([str(POSTGRES_SCRIPT), "stop", data_dir], check=True)
        mark = len(server.log())
        answers = [
            server.request("GET", path, headers=bearer)
            for _ in range(REQUESTS_PER_PATH)
            for path in DURING_OUTAGE
        ]
        wrong_login = server.request(
            "POST", "/api/auth/login", {"email": "x@example.com", "password": "y"}
        )
        answers.append(wrong_login)
        liveness = server.request("GET", "/api/health")
        outage_log = log_records(server, mark)
        raw_outage_log = server.log()[mark:]

        subprocess.run([str(POSTGRES_SCRIPT), "start", data_dir, port, "--throwaway"], check=True)
        back = time.monotonic()
        while time.monotonic() - back < RECOVERY_DEADLINE:
            if server.request("GET", "/api/notes", headers=bearer).status == 200:
                break
            time.sleep(0.05)
        recovered_after = time.monotonic() - back
        ready = server.request("GET", "/api/health/ready")

    failed = len(answers)
    statuses = Counter(answer.status for answer in answers)
    warnings = [r for r in outage_log if r["level"] == "WARNING"]
    errors = [r for r in outage_log if r["level"] in ("ERROR", "CRITICAL")]
    print(  # the figures for the operator's notes (pytest -s)
        f"\noutage: {failed} requests, statuses {dict(statuses)}, "
        f"{len(warnings)} WARNING lines, {len(errors)} ERROR lines, "
        f"{len(raw_outage_log.splitlines())} log lines in all, "
        f"recovered {recovered_after:.2f}s after PostgreSQL was back"
    )
    assert statuses == {503: failed}
    for answer in answers:
        assert answer.headers["Content-Type"] == "application/problem+json"
        assert answer.headers["Retry-After"] == "5"
        assert "psycopg" not in answer.body.decode()
        assert "127.0.0.1" not in answer.body.decode()
    assert liveness.status == 200
    assert len(warnings) == failed
    assert all(str(w["message"]).startswith("503 ") for w in warnings)
    assert errors == []
    assert "Traceback" not in raw_outage_log
    assert recovered_after < RECOVERY_DEADLINE, "the server did not recover without a restart"
    assert ready.status == 200
