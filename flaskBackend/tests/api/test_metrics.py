"""/metrics in one process (the multiprocess sum is tested on gunicorn in tests/live)."""

from __future__ import annotations

import re

from flask.testing import FlaskClient


def count_of(text: str, endpoint: str, status: str) -> float:
    labels = f'endpoint="{re.escape(endpoint)}",method="GET",status="{status}"'
    found = re.search(rf"http_requests_total\{{{labels}\}} (\S+)", text)
    return float(found.group(1)) if found else 0.0


def test_requests_are_counted_by_route_pattern_and_status(client: FlaskClient) -> None:
    route = "/api/notes/<int(max=2147483647):note_id>"
    before = count_of(client.get("/metrics").get_data(as_text=True), route, "404")

    client.get("/api/notes/123456")
    client.get("/api/notes/654321")
    after = client.get("/metrics")

    assert after.status_code == 200
    assert after.mimetype == "text/plain"
    assert count_of(after.get_data(as_text=True), route, "404") == before + 2
    assert "db_pool_connections_in_use" in after.get_data(as_text=True)


def test_invented_methods_and_paths_add_no_series(client: FlaskClient) -> None:
    client.open("/api/nothing-0", method="BREW0")
    before = client.get("/metrics").get_data(as_text=True).count("\n")

    for n in range(1, 200):
        client.open(f"/api/nothing-{n}", method=f"BREW{n}")
    after = client.get("/metrics").get_data(as_text=True)

    assert after.count("\n") == before
    assert "BREW" not in after
    assert 'endpoint="unmatched",method="other",status="404"' in after
