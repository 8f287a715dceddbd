"""Findings of the production review, each a request that once misbehaved."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

import jwt
import pytest
from flask import Flask
from flask.testing import FlaskClient

from app.accounts.models.user import User
from app.kernel.models.role import UserRole
from app.kernel.settings import Settings
from tests.api.test_bad_input import assert_problem
from tests.factories import UserFactory
from tests.notes.factories import NoteFactory

DEEP = "[" * 10_000 + "]" * 10_000


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/api/auth/login"),
        ("POST", "/api/auth/register"),
        ("POST", "/api/notes"),
        ("PATCH", "/api/notes/{note}"),
        ("PATCH", "/api/users/me"),
    ],
)
def test_a_json_body_nested_too_deeply_is_400_everywhere(
    client: FlaskClient, method: str, path: str
) -> None:
    note = NoteFactory()

    response = client.open(
        path.format(note=note.id), method=method, data=DEEP, content_type="application/json"
    )

    body = assert_problem(response, 400)
    assert "nested too deeply" in str(body)


def token_with_subject(settings: Settings, subject: object) -> str:
    now = dt.datetime.now(dt.UTC)
    claims = {
        "sub": subject,
        "sid": str(uuid.uuid4()),
        "typ": "access",
        "iat": now,
        "exp": now + dt.timedelta(minutes=5),
    }
    return jwt.encode(claims, settings.secret_key, algorithm="HS256")


@pytest.mark.parametrize("subject", ["99999999999999999999", "2147483648", "-1", "0", "1e3", " 1"])
def test_a_signed_token_whose_subject_is_no_user_id_is_401(
    anonymous: FlaskClient, settings: Settings, subject: str
) -> None:
    token = token_with_subject(settings, subject)

    response = anonymous.get("/api/users/me", headers={"Authorization": f"Bearer {token}"})

    assert_problem(response, 401)


@pytest.mark.parametrize("value", [0, 1, 1.0, 0.0, "true", "false", None])
def test_is_active_takes_json_true_or_false_only(
    client_for: Callable[[User], FlaskClient], value: Any
) -> None:
    admin, other = UserFactory(role=UserRole.ADMIN), UserFactory()

    response = client_for(admin).patch(f"/api/users/{other.id}", json={"is_active": value})

    body = assert_problem(response, 422)
    assert body["errors"]["is_active"]


def test_every_answer_carries_the_security_headers(client: FlaskClient) -> None:
    for response in (client.get("/api/notes"), client.get("/api/notes/0"), client.get("/nope")):
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")


def test_auth_answers_are_never_cached(anonymous: FlaskClient, user: User) -> None:
    wrong = anonymous.post("/api/auth/login", json={"email": user.email, "password": "nope"})
    no_cookie = anonymous.post("/api/auth/refresh")

    assert wrong.status_code == 401
    assert wrong.headers["Cache-Control"] == "no-store"
    assert no_cookie.headers["Cache-Control"] == "no-store"


def test_hsts_only_over_https(app: Flask) -> None:
    plain = app.test_client().get("/api/health")
    secure = app.test_client().get("/api/health", base_url="https://localhost")

    assert "Strict-Transport-Security" not in plain.headers
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=")


def test_hsts_behind_the_trusted_proxy_follows_x_forwarded_proto(
    settings: Settings, session_app: Flask
) -> None:
    from dataclasses import replace

    from app import create_app
    from app.kernel.database import Database

    behind_proxy = create_app(
        replace(settings, proxy_count=1),
        database=Database.over(session_app.extensions["database"].engine),
    )
    direct = session_app.test_client()

    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.7"}
    assert "Strict-Transport-Security" in (
        behind_proxy.test_client().get("/api/health", headers=forwarded).headers
    )
    # Without a trusted proxy, anyone could send the header: it is ignored.
    assert "Strict-Transport-Security" not in (direct.get("/api/health", headers=forwarded).headers)


@pytest.mark.parametrize(
    "email", ["nul\u0000@example.com", "lone\ud800@example.com", "x" * 100_000]
)
def test_any_email_string_is_a_safe_rate_limit_key(anonymous: FlaskClient, email: str) -> None:
    # The per-email key is computed before validation: it must not reach the store as it is.
    response = anonymous.post("/api/auth/login", json={"email": email, "password": "whatever"})

    assert response.status_code in (401, 422), response.get_data(as_text=True)
