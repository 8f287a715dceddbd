"""Bad input: a clear 4xx problem+json that changes nothing; never a 500."""

from __future__ import annotations

import io
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.notes.factories import NoteFactory

PROBLEM = "application/problem+json"


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == PROBLEM
    body: dict[str, Any] = response.get_json()
    assert body["status"] == status
    assert body["type"] == "about:blank"
    assert body["title"]
    return body


def task_count(client: FlaskClient) -> int:
    total: int = client.get("/api/notes").get_json()["total"]
    return total


@pytest.mark.parametrize(
    ("payload", "field", "message"),
    [
        ({}, "title", "Missing data for required field."),
        ({"title": ""}, "title", "Length must be between 1 and 200."),
        ({"title": "   "}, "title", "Length must be between 1 and 200."),
        ({"title": "x" * 201}, "title", "Length must be between 1 and 200."),
        ({"title": "nul\u0000byte"}, "title", "Must not contain NUL characters."),
        ({"title": "lone \ud800 surrogate"}, "title", "Must be valid Unicode text."),
        ({"title": 5}, "title", "Not a valid string."),
        (
            {"title": "ok", "description": "d" * 10_001},
            "description",
            "Longer than maximum length 10000.",
        ),
        ({"title": "ok", "status": "finished"}, "status", "Must be one of: todo, doing, done."),
        (
            {"title": "ok", "priority": 0},
            "priority",
            "Must be greater than or equal to 1 and less than or equal to 5.",
        ),
        (
            {"title": "ok", "priority": 6},
            "priority",
            "Must be greater than or equal to 1 and less than or equal to 5.",
        ),
        (
            {"title": "ok", "priority": 10**30},
            "priority",
            "Must be greater than or equal to 1 and less than or equal to 5.",
        ),
        ({"title": "ok", "priority": 2.5}, "priority", "Not a valid integer."),
        ({"title": "ok", "priority": "3"}, "priority", "Not a valid integer."),
        ({"title": "ok", "priority": True}, "priority", "Not a valid integer."),
        ({"title": "ok", "due_date": "2024-02-30"}, "due_date", "Not a valid date."),
        ({"title": "ok", "due_date": "tomorrow"}, "due_date", "Not a valid date."),
        ({"title": "ok", "id": 5}, "id", "Unknown field."),
        ({"title": "ok", "owner": "me"}, "owner", "Unknown field."),
    ],
)
def test_create_with_invalid_field_is_422_naming_the_field(
    client: FlaskClient, payload: dict[str, Any], field: str, message: str
) -> None:
    body = assert_problem(client.post("/api/notes", json=payload), 422)

    assert body["errors"] == {field: [message]}
    assert task_count(client) == 0


@pytest.mark.parametrize(
    "payload", [{"title": None}, {"priority": None}, {"status": None}, {"title": ""}, {"x": 1}]
)
def test_patch_with_invalid_field_is_422_and_changes_nothing(
    client: FlaskClient, payload: dict[str, Any]
) -> None:
    note = NoteFactory(title="Stays")

    assert_problem(client.patch(f"/api/notes/{note.id}", json=payload), 422)
    assert client.get(f"/api/notes/{note.id}").get_json()["title"] == "Stays"


@pytest.mark.parametrize(
    "query",
    [
        "page=0",
        "page=abc",
        "page=1000001",
        "per_page=0",
        "per_page=101",
        "status=open",
        "sort=password",
        "sort=--title",
        "q=%00",
        f"q={'x' * 201}",
    ],
)
def test_list_with_bad_query_is_422(client: FlaskClient, query: str) -> None:
    body = assert_problem(client.get(f"/api/notes?{query}"), 422)

    assert list(body["errors"]) == [query.partition("=")[0]]  # the one parameter that is wrong


def test_malformed_json_is_400(client: FlaskClient) -> None:
    response = client.post("/api/notes", data="{not json", content_type="application/json")

    body = assert_problem(response, 400)
    assert body["detail"] == "Invalid JSON body."
    assert task_count(client) == 0


@pytest.mark.parametrize("body", ["[]", '"a string"', "42", "null"])
def test_json_that_is_not_an_object_is_422(client: FlaskClient, body: str) -> None:
    response = client.post("/api/notes", data=body, content_type="application/json")

    assert assert_problem(response, 422)["errors"] == {"_schema": ["Invalid input type."]}
    assert task_count(client) == 0


@pytest.mark.parametrize(
    ("data", "content_type"),
    [("title=x", "application/x-www-form-urlencoded"), ("title", "text/plain")],
)
def test_non_json_body_is_415(client: FlaskClient, data: str, content_type: str) -> None:
    assert_problem(client.post("/api/notes", data=data, content_type=content_type), 415)
    assert task_count(client) == 0


def test_body_over_the_limit_is_413(client: FlaskClient) -> None:
    huge = '{"title": "' + "x" * (1024 * 1024) + '"}'

    assert_problem(client.post("/api/notes", data=huge, content_type="application/json"), 413)


@pytest.mark.parametrize("path", ["/api/notes", "/api/auth/login"])
def test_chunked_body_over_the_limit_is_413(client: FlaskClient, path: str) -> None:
    huge = b'{"title": "' + b"x" * (1024 * 1024) + b'"}'

    response = client.post(
        path,
        input_stream=io.BytesIO(huge),
        headers={"Transfer-Encoding": "chunked", "Content-Type": "application/json"},
        # What gunicorn says of a chunked body it has de-chunked (Werkzeug reads none otherwise).
        environ_overrides={"wsgi.input_terminated": True},
    )

    assert_problem(response, 413)
    assert task_count(client) == 0


@pytest.mark.parametrize(
    "url",
    [
        "/api/nothing-here",
        "/api/notes/abc",
        "/api/notes/-1",
        "/api/notes/99999999999",
        "/api/notes/",
    ],
)
def test_unknown_urls_are_404_problem(client: FlaskClient, url: str) -> None:
    assert_problem(client.get(url), 404)


def test_wrong_method_is_405_with_allow(client: FlaskClient) -> None:
    response = client.put("/api/notes", json={"title": "x"})

    assert_problem(response, 405)
    assert set(response.headers["Allow"].split(", ")) >= {"GET", "POST"}


def test_unexpected_error_is_500_problem_without_internals(
    client: FlaskClient,
    app: Flask,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def explode(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("SELECT secret FROM vault")

    monkeypatch.setattr("tests.notes.service.NoteService.list", explode)

    response = client.get("/api/notes", headers={"X-Request-ID": "trace-me-123"})

    body = assert_problem(response, 500)
    assert "SELECT" not in response.get_data(as_text=True)
    assert "Traceback" not in response.get_data(as_text=True)
    assert body["detail"] == "An unexpected error happened; it has been logged."
    assert response.headers["X-Request-ID"] == "trace-me-123"
    logged = [r for r in caplog.records if r.levelname == "ERROR"]
    assert logged
    assert logged[0].request_id == "trace-me-123"
    assert "SELECT secret" in caplog.text


def test_an_unsafe_request_id_is_replaced(client: FlaskClient) -> None:
    response = client.get("/api/health", headers={"X-Request-ID": "bad id <script>"})

    assert response.headers["X-Request-ID"] != "bad id <script>"
    assert len(response.headers["X-Request-ID"]) == 32


@pytest.mark.parametrize("method", ["post", "patch"])
def test_a_missing_body_is_400(client: FlaskClient, method: str) -> None:
    note = NoteFactory(title="Unchanged")
    url = "/api/notes" if method == "post" else f"/api/notes/{note.id}"

    response = getattr(client, method)(url)

    assert assert_problem(response, 400)["detail"] == "Send a JSON object as the request body."
    assert client.get(f"/api/notes/{note.id}").get_json()["title"] == "Unchanged"
