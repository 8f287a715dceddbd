"""The login limit holds under make serve's defaults: several workers, counts in PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from tests.live.server import live_server, server_environment

WRONG = {"email": "victim@example.com", "password": "not-the-password"}


def test_the_21st_wrong_login_for_one_email_is_429_whichever_worker_answers(
    live_database_url: str, tmp_path: Path
) -> None:
    # make serve's defaults (workers, threads, storage), behind one proxy so each attempt comes
    # from a new address: only the per-email count (AUTH_EMAIL_RATE_LIMIT) can stop the 21st.
    env = server_environment(live_database_url, PROXY_COUNT="1")
    with live_server(env, tmp_path / "server.log") as server:
        statuses = [
            server.request(
                "POST", "/api/auth/login", WRONG, {"X-Forwarded-For": f"203.0.113.{n}"}
            ).status
            for n in range(1, 23)
        ]
        limited = server.request(
            "POST", "/api/auth/login", WRONG, {"X-Forwarded-For": "203.0.113.99"}
        )
        pids = {line for line in server.log().splitlines() if "Booting worker" in line}

    assert len(pids) > 1, "the server ran a single worker: this test would prove nothing"
    assert statuses == [401] * 20 + [429] * 2
    assert limited.status == 429
    assert limited.headers["Content-Type"] == "application/problem+json"
    assert int(limited.headers["Retry-After"]) > 0


def test_the_sixth_login_from_one_address_is_429_across_workers(
    live_database_url: str, tmp_path: Path
) -> None:
    env = server_environment(live_database_url)
    with live_server(env, tmp_path / "server.log") as server:
        statuses = [
            server.request(
                "POST", "/api/auth/login", {"email": f"u{n}@example.com", "password": "x"}
            ).status
            for n in range(6)
        ]

    assert statuses == [401] * 5 + [429]
