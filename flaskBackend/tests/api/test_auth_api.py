"""Register, log in, refresh (with rotation and reuse detection), log out; nothing secret logged.
Forged, expired and revoked access tokens: test_access_tokens.py."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
import time_machine
from flask.testing import FlaskClient

from tests.api.sign_in import bearer, login, refresh_cookie, register
from tests.factories import PASSWORD, UserFactory

PROBLEM = "application/problem+json"


def test_register_normalises_the_email_and_never_returns_the_hash(anonymous: FlaskClient) -> None:
    user = register(anonymous)

    assert user["email"] == "new@example.com"
    assert (user["role"], user["is_active"]) == ("user", True)
    assert "password" not in str(user)


def test_register_with_a_taken_email_in_another_case_is_409(anonymous: FlaskClient) -> None:
    register(anonymous, "taken@example.com")

    response = anonymous.post(
        "/api/auth/register",
        json={"email": "TAKEN@example.com", "password": "another-password", "name": "X"},
    )

    assert response.status_code == 409


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"email": "not-an-email", "password": "long-enough-1", "name": "X"}, "email"),
        ({"email": "a@example.com", "password": "short", "name": "X"}, "password"),
        ({"email": "a@example.com", "password": "x" * 129, "name": "X"}, "password"),
        ({"email": "a@example.com", "password": "long-enough-1", "name": ""}, "name"),
        (
            {"email": "a@example.com", "password": "long-enough-1", "name": "X", "role": "admin"},
            "role",
        ),
    ],
)
def test_register_refuses_bad_fields(anonymous: FlaskClient, payload: dict, field: str) -> None:
    response = anonymous.post("/api/auth/register", json=payload)

    assert response.status_code == 422
    assert field in response.get_json()["errors"]


def test_login_sets_an_httponly_strict_refresh_cookie(anonymous: FlaskClient) -> None:
    user = UserFactory()

    response = anonymous.post("/api/auth/login", json={"email": user.email, "password": PASSWORD})

    body = response.get_json()
    assert (body["token_type"], body["expires_in"]) == ("Bearer", 900)
    cookie = response.headers["Set-Cookie"]
    for part in ("refresh_token=", "HttpOnly", "SameSite=Strict", "Path=/api/auth", "Secure"):
        assert part in cookie
    assert response.headers["Cache-Control"] == "no-store"
    assert (
        anonymous.get("/api/users/me", headers=bearer(body["access_token"])).get_json()["id"]
        == user.id
    )


@pytest.mark.parametrize(
    ("email", "password"),
    [
        ("nobody@example.com", PASSWORD),
        ("known@example.com", "wrong password"),
        ("inactive@example.com", PASSWORD),
    ],
)
def test_unknown_email_wrong_password_and_inactive_get_the_same_401(
    anonymous: FlaskClient, email: str, password: str
) -> None:
    UserFactory(email="known@example.com")
    UserFactory(email="inactive@example.com", is_active=False)

    response = anonymous.post("/api/auth/login", json={"email": email, "password": password})

    assert response.status_code == 401
    assert response.mimetype == PROBLEM
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert response.get_json()["detail"] == "Wrong email or password."


def test_the_whole_flow_register_login_refresh_reuse_logout(anonymous: FlaskClient) -> None:
    register(anonymous, "flow@example.com")
    login(anonymous, "flow@example.com", "a-good-password")
    first = refresh_cookie(anonymous)

    refreshed = anonymous.post("/api/auth/refresh")
    second = refresh_cookie(anonymous)

    assert refreshed.status_code == 200
    assert second
    assert second != first
    assert (
        anonymous.get(
            "/api/users/me", headers=bearer(refreshed.get_json()["access_token"])
        ).status_code
        == 200
    )

    # The rotated token comes back (a thief's copy): the whole session family ends.
    anonymous.set_cookie("refresh_token", first, path="/api/auth")
    assert anonymous.post("/api/auth/refresh").status_code == 401
    anonymous.set_cookie("refresh_token", second, path="/api/auth")
    assert anonymous.post("/api/auth/refresh").status_code == 401

    login(anonymous, "flow@example.com", "a-good-password")
    logout = anonymous.post("/api/auth/logout")
    assert logout.status_code == 204
    assert refresh_cookie(anonymous) is None
    assert anonymous.post("/api/auth/refresh").status_code == 401


def test_logout_ends_the_sessions_access_tokens_and_no_other(anonymous: FlaskClient) -> None:
    register(anonymous, "leaving@example.com")
    other_device = login(anonymous, "leaving@example.com", "a-good-password")
    token = login(anonymous, "leaving@example.com", "a-good-password")

    assert anonymous.post("/api/auth/logout").status_code == 204

    assert anonymous.get("/api/users/me", headers=bearer(token)).status_code == 401
    assert anonymous.get("/api/users/me", headers=bearer(other_device)).status_code == 200


def test_refresh_without_a_cookie_is_401(anonymous: FlaskClient) -> None:
    assert anonymous.post("/api/auth/refresh").status_code == 401


def test_refresh_token_expires(anonymous: FlaskClient) -> None:
    user = UserFactory()
    login(anonymous, user.email)

    with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(days=15)):
        assert anonymous.post("/api/auth/refresh").status_code == 401


@pytest.fixture
def everything_logged(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Every logger at DEBUG, SQLAlchemy's statements and their parameters included.

    Requested before the client, so the test's connection is opened with logging already on.
    """
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.INFO, logger="sqlalchemy.engine")  # SQLAlchemy sets WARNING itself
    return caplog


def test_passwords_and_tokens_never_reach_the_logs(
    everything_logged: pytest.LogCaptureFixture, anonymous: FlaskClient
) -> None:
    register(anonymous, "secret@example.com", "my-secret-password")
    token = login(anonymous, "secret@example.com", "my-secret-password")
    refresh_token = refresh_cookie(anonymous)
    anonymous.post("/api/auth/refresh")
    anonymous.post(
        "/api/auth/login", json={"email": "secret@example.com", "password": "wrong-guess-1"}
    )
    anonymous.get("/api/users/me", headers=bearer(token))

    logged = everything_logged.text
    assert "INSERT INTO users" in logged  # the log did record the work, parameters and all
    assert "secret@example.com" in logged
    assert refresh_token
    for secret in ("my-secret-password", "wrong-guess-1", token, refresh_token):
        assert secret not in logged
