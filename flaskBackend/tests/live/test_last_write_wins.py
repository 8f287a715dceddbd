"""Without If-Match the last write wins, even when writes race on several workers and threads."""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.live.server import Answer, LiveServer, live_server, server_environment

WRITERS = 20


def race(
    server: LiveServer, method: str, path: str, bodies: list[object], auth: dict[str, str]
) -> list[Answer]:
    start = threading.Barrier(len(bodies))

    def send(body: object) -> Answer:
        start.wait()
        return server.request(method, path, body, auth)

    with ThreadPoolExecutor(max_workers=len(bodies)) as pool:
        return list(pool.map(send, bodies))


def version(answer: Answer) -> int:
    return int(answer.headers["ETag"].strip('"'))


def test_concurrent_unconditional_patches_and_deletes_never_answer_412(
    live_database_url: str, tmp_path: Path
) -> None:
    env = server_environment(live_database_url, GUNICORN_WORKERS="2", GUNICORN_THREADS="4")
    with live_server(env, tmp_path / "server.log") as server:
        credentials = {"email": "racer@example.com", "password": "a-long-password"}
        server.request("POST", "/api/auth/register", credentials | {"name": "Racer"})
        token = server.request("POST", "/api/auth/login", credentials).json()["access_token"]
        auth = {"Authorization": f"Bearer {token}"}
        created = server.request("POST", "/api/notes", {"title": "Contended"}, auth)
        path = f"/api/notes/{created.json()['id']}"

        patches = race(
            server, "PATCH", path, [{"description": f"writer {n}"} for n in range(WRITERS)], auth
        )
        final = server.request("GET", path, headers=auth)
        deletes = race(server, "DELETE", path, [None] * WRITERS, auth)

    assert Counter(p.status for p in patches) == {200: WRITERS}
    # Every write was applied in turn: the version counts them all, and one of them is last.
    assert version(final) == version(created) + WRITERS
    assert final.json()["description"] in {f"writer {n}" for n in range(WRITERS)}
    assert Counter(d.status for d in deletes) == {204: 1, 404: WRITERS - 1}
