"""The frameworkless baseline for `make bench`: what the machine can do without the framework.

A plain WSGI app over a psycopg 3 pool that answers the benchmarked routes with the API's SQL
(including the per-request user lookup), status codes, headers and JSON bodies. It serves
only what the benchmark needs: a plain user's own tasks, no filters, the default sort.
Run it with the API's gunicorn settings: gunicorn -c flaskBackend/gunicorn.conf.py baseline:app
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import os
import re
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qsl, urlencode

import jwt
import psycopg
from psycopg_pool import ConnectionPool

StartResponse = Callable[[str, list[tuple[str, str]]], Any]

SECRET_KEY = os.environ["SECRET_KEY"]
THREADS = int(os.environ.get("GUNICORN_THREADS", "4"))
# The API's statements, written out; the columns are the ones a task response needs.
SELECT_USER = "SELECT id, role, is_active FROM users WHERE id = %s"
SELECT_TASK = (
    "SELECT owner_id, id, title, description, status, priority, due_date, created_at,"
    " updated_at, version FROM tasks WHERE id = %s"
)
COUNT_TASKS = "SELECT count(*) FROM tasks WHERE owner_id = %s"
SELECT_PAGE = (
    "SELECT id, title, description, status, priority, due_date, created_at, updated_at, version"
    " FROM tasks WHERE owner_id = %s ORDER BY created_at DESC, id DESC LIMIT %s OFFSET %s"
)
SELECT_AFTER = (
    "SELECT id, title, description, status, priority, due_date, created_at, updated_at, version"
    " FROM tasks WHERE owner_id = %s AND (created_at, id) < (%s, %s)"
    " ORDER BY created_at DESC, id DESC LIMIT %s"
)
SELECT_FIRST = (
    "SELECT id, title, description, status, priority, due_date, created_at, updated_at, version"
    " FROM tasks WHERE owner_id = %s ORDER BY created_at DESC, id DESC LIMIT %s"
)
# The API's create: one INSERT, its unique constraint deciding a duplicate title (a 409).
INSERT_TASK = (
    "INSERT INTO tasks (owner_id, title, status, priority, version)"
    " VALUES (%s, %s, 'todo', 3, 1) RETURNING id, title, description, status, priority,"
    " due_date, created_at, updated_at, version"
)
SORT = "-created_at"  # the only order the baseline serves
TITLE_MAX_LENGTH = 200
TASK_PATH = re.compile(r"/api/tasks/(\d{1,10})")
UNAUTHORIZED = "The access token is invalid or has expired."

# gunicorn imports this module in each worker after the fork (preload_app is off), so every
# worker opens its own pool, with one connection per thread.
# Autocommit, as the API's reads and its one-statement create: no BEGIN and COMMIT round trips.
pool = ConnectionPool(
    os.environ["DATABASE_URL"].replace("postgresql+psycopg://", "postgresql://", 1),
    min_size=THREADS,
    max_size=THREADS,
    kwargs={"autocommit": True},
    open=True,
)


class HttpError(Exception):
    def __init__(self, status: int, title: str, detail: str) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail


def app(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
    path, method = environ["PATH_INFO"], environ["REQUEST_METHOD"]
    try:
        if path == "/api/health":
            return _respond(start_response, 200, {"status": "ok"})
        if path == "/api/tasks" and method == "GET":
            return _list_tasks(environ, start_response)
        if path == "/api/tasks" and method == "POST":
            return _create_task(environ, start_response)
        match = TASK_PATH.fullmatch(path)
        if match and method == "GET":
            return _get_task(environ, start_response, int(match[1]))
        raise HttpError(404, "Not Found", "No such route in the baseline.")
    except HttpError as error:
        problem = {
            "type": "about:blank",
            "title": error.title,
            "status": error.status,
            "detail": error.detail,
        }
        return _respond(start_response, error.status, problem, "application/problem+json")


def _get_task(environ: dict[str, Any], start_response: StartResponse, task_id: int) -> list[bytes]:
    token = _bearer_token(environ)
    with pool.connection() as conn:
        user_id = _authenticate(conn, token)
        task = conn.execute(SELECT_TASK, (task_id,)).fetchone()
    if task is None or task[0] != user_id:
        raise HttpError(404, "Not Found", f"Task {task_id} does not exist.")
    body, version = _task(task[1:])
    return _respond(start_response, 200, body, headers=[("ETag", f'"{version}"')])


def _list_tasks(environ: dict[str, Any], start_response: StartResponse) -> list[bytes]:
    pairs = parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True)
    query = dict(pairs)
    if "cursor" in query:
        return _slice_of_tasks(environ, start_response, pairs)
    try:
        page, per_page = int(query.get("page", 1)), int(query.get("per_page", 20))
    except ValueError:
        raise HttpError(422, "Unprocessable Content", "page and per_page are numbers.") from None
    if not (1 <= page <= 1_000_000 and 1 <= per_page <= 100):
        raise HttpError(422, "Unprocessable Content", "page or per_page is out of range.")
    token = _bearer_token(environ)
    with pool.connection() as conn:
        user_id = _authenticate(conn, token)
        total = conn.execute(COUNT_TASKS, (user_id,)).fetchone()[0]  # type: ignore[index]
        offset = (page - 1) * per_page
        rows = conn.execute(SELECT_PAGE, (user_id, per_page, offset)).fetchall()
    items = [_task(row)[0] for row in rows]
    body = {"items": items, "total": total, "page": page, "per_page": per_page}
    return _respond(start_response, 200, body)


def _slice_of_tasks(
    environ: dict[str, Any], start_response: StartResponse, pairs: list[tuple[str, str]]
) -> list[bytes]:
    """Keyset paging in the default order, with the API's cursor: base64url of JSON
    [sort, the last row's created_at, its id]."""
    query = dict(pairs)
    try:
        per_page = int(query.get("per_page", 20))
        after = None
        if query["cursor"]:
            token = query["cursor"].encode("ascii")
            raw = base64.b64decode(token + b"=" * (-len(token) % 4), b"-_")
            sort, moment, task_id = json.loads(raw)
            if sort != SORT:
                raise ValueError(sort)
            after = (dt.datetime.fromisoformat(moment), int(task_id))
    except (ValueError, TypeError, binascii.Error):
        raise HttpError(422, "Unprocessable Content", "A cursor the API did not make.") from None
    if not 1 <= per_page <= 100:
        raise HttpError(422, "Unprocessable Content", "per_page is out of range.")
    token = _bearer_token(environ)
    with pool.connection() as conn:
        user_id = _authenticate(conn, token)
        if after is None:
            rows = conn.execute(SELECT_FIRST, (user_id, per_page + 1)).fetchall()
        else:
            rows = conn.execute(SELECT_AFTER, (user_id, *after, per_page + 1)).fetchall()
    items = [_task(row)[0] for row in rows[:per_page]]
    next_cursor = following = None
    if len(rows) > per_page:
        last = items[-1]
        payload = json.dumps([SORT, last["created_at"], last["id"]], separators=(",", ":"))
        next_cursor = base64.urlsafe_b64encode(payload.encode()).rstrip(b"=").decode()
        args = [(k, next_cursor if k == "cursor" else v) for k, v in pairs]
        following = "/api/tasks?" + urlencode(args)
    body = {"items": items, "per_page": per_page, "next_cursor": next_cursor, "next": following}
    return _respond(start_response, 200, body)


def _create_task(environ: dict[str, Any], start_response: StartResponse) -> list[bytes]:
    length = int(environ.get("CONTENT_LENGTH") or 0)
    try:
        fields = json.loads(environ["wsgi.input"].read(length))
        title = fields["title"].strip()
    except (ValueError, KeyError, TypeError, AttributeError):
        raise HttpError(422, "Unprocessable Content", "Send a JSON object with a title.") from None
    if not 1 <= len(title) <= TITLE_MAX_LENGTH:
        raise HttpError(422, "Unprocessable Content", "The title has 1 to 200 characters.")
    token = _bearer_token(environ)
    with pool.connection() as conn:
        user_id = _authenticate(conn, token)
        try:
            task = conn.execute(INSERT_TASK, (user_id, title)).fetchone()
        except psycopg.errors.UniqueViolation:
            raise HttpError(409, "Conflict", f"A task titled {title!r} already exists.") from None
    body, version = _task(task)  # type: ignore[arg-type]
    headers = [("Location", f"/api/tasks/{body['id']}"), ("ETag", f'"{version}"')]
    return _respond(start_response, 201, body, headers=headers)


def _authenticate(conn: Any, token: str) -> int:
    """The API's check: a valid HS256 access token, and one indexed lookup of an active user."""
    try:
        claims = jwt.decode(
            token,
            SECRET_KEY,
            algorithms=["HS256"],
            options={"require": ["sub", "sid", "exp", "iat", "typ"]},
        )
        if claims["typ"] != "access":
            raise ValueError("not an access token")
        user_id = int(claims["sub"])
    except (jwt.PyJWTError, ValueError, TypeError):
        raise HttpError(401, "Unauthorized", UNAUTHORIZED) from None
    row = conn.execute(SELECT_USER, (user_id,)).fetchone()
    if row is None or not row[2]:
        raise HttpError(401, "Unauthorized", UNAUTHORIZED)
    return user_id


def _bearer_token(environ: dict[str, Any]) -> str:
    header: str = environ.get("HTTP_AUTHORIZATION", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HttpError(401, "Unauthorized", "Send an access token: Authorization: Bearer <token>.")
    return token.strip()


def _task(row: tuple[Any, ...]) -> tuple[dict[str, Any], int]:
    """A row in the API's field order, and its version (the ETag)."""
    task_id, title, description, status, priority, due_date, created_at, updated_at, version = row
    body = {
        "id": task_id,
        "title": title,
        "description": description,
        "status": status,
        "priority": priority,
        "due_date": due_date.isoformat() if due_date else None,
        "created_at": created_at.isoformat(),
        "updated_at": updated_at.isoformat(),
    }
    return body, version


def _respond(
    start_response: StartResponse,
    status: int,
    body: dict[str, Any],
    content_type: str = "application/json",
    headers: list[tuple[str, str]] | None = None,
) -> list[bytes]:
    # Flask's compact JSON, newline included, so both servers send the same bytes.
    data = (json.dumps(body, separators=(",", ":")) + "\n").encode()
    start_response(
        _STATUS_LINES[status],
        [("Content-Type", content_type), ("Content-Length", str(len(data))), *(headers or [])],
    )
    return [data]


_STATUS_LINES = {status.value: f"{status.value} {status.phrase}" for status in HTTPStatus}
