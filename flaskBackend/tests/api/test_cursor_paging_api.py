"""GET /api/notes?cursor=: keyset slices over HTTP, the next link, and bad cursors as 422."""

from __future__ import annotations

import base64
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from flask.testing import FlaskClient

from app.accounts.models.user import User
from tests.factories import UserFactory
from tests.notes.factories import NoteFactory
from tests.notes.model import NoteStatus

PROBLEM = "application/problem+json"


def test_an_empty_cursor_starts_a_slice_with_a_next_link_and_no_total(
    client: FlaskClient,
) -> None:
    NoteFactory.create_batch(3)

    body = client.get("/api/notes?cursor=&per_page=2").get_json()

    assert set(body) == {"items", "per_page", "next_cursor", "next"}
    assert (len(body["items"]), body["per_page"]) == (2, 2)
    assert parse_qs(urlsplit(body["next"]).query)["cursor"] == [body["next_cursor"]]


def test_following_next_links_walks_every_task_once_and_ends_with_null(
    client: FlaskClient,
) -> None:
    notes = NoteFactory.create_batch(7)
    seen, url = [], "/api/notes?cursor=&per_page=3&sort=title"
    while url:
        body = client.get(url).get_json()
        seen += [item["id"] for item in body["items"]]
        url = body["next"]

    assert seen == [t.id for t in sorted(notes, key=lambda t: t.title)]
    assert body["next_cursor"] is None


def test_the_next_link_keeps_the_filters_search_and_sort(client: FlaskClient) -> None:
    NoteFactory.create_batch(4, status=NoteStatus.DONE)
    NoteFactory.create_batch(2, status=NoteStatus.TODO)

    first = client.get("/api/notes?cursor=&per_page=2&status=done&q=note&sort=-title")
    query = parse_qs(urlsplit(first.get_json()["next"]).query)
    second = client.get(first.get_json()["next"]).get_json()

    assert {k: v for k, v in query.items() if k != "cursor"} == {
        "per_page": ["2"],
        "status": ["done"],
        "q": ["note"],
        "sort": ["-title"],
    }
    assert [item["status"] for item in second["items"]] == ["done", "done"]
    assert second["next"] is None


def test_a_slice_shows_only_my_tasks(client: FlaskClient, user: User) -> None:
    NoteFactory.create_batch(2, owner=UserFactory())
    mine = NoteFactory.create_batch(2)

    body = client.get("/api/notes?cursor=").get_json()

    assert sorted(item["id"] for item in body["items"]) == sorted(t.id for t in mine)


def forged(*parts: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(parts)).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    [
        "%%%",
        "bm90IGpzb24",
        forged("-created_at", "not a time", 1),
        forged("title", "x", 1),
        forged("-created_at", "2026-01-01T00:00:00+00:00", -5),
        "A" * 1001,
    ],
)
def test_a_garbled_or_forged_cursor_is_422_problem_naming_the_cursor(
    client: FlaskClient, cursor: str
) -> None:
    NoteFactory()

    response = client.get("/api/notes", query_string={"cursor": cursor})

    assert response.status_code == 422
    assert response.mimetype == PROBLEM
    assert "cursor" in response.get_json()["errors"]


def test_page_and_cursor_together_are_422(client: FlaskClient) -> None:
    response = client.get("/api/notes?page=2&cursor=")

    assert response.status_code == 422
    assert response.mimetype == PROBLEM
    assert "cursor" in response.get_json()["errors"]


def test_numbered_pages_keep_their_total_without_a_cursor(client: FlaskClient) -> None:
    NoteFactory.create_batch(3)

    body = client.get("/api/notes?per_page=2").get_json()

    assert (body["total"], body["page"], body["per_page"]) == (3, 1, 2)
