"""Signing in through the API, as the auth tests do it."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.factories import PASSWORD


def register(
    client: FlaskClient, email: str = "New@Example.com ", password: str = "a-good-password"
) -> dict:
    response = client.post(
        "/api/auth/register", json={"email": email, "password": password, "name": "New"}
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def login(client: FlaskClient, email: str, password: str = PASSWORD) -> str:
    response = client.post("/api/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.get_json()
    return response.get_json()["access_token"]


def logs_in(client: FlaskClient, email: str, password: str) -> bool:
    """Whether this email and password sign in (for tests of who can)."""
    response = client.post("/api/auth/login", json={"email": email, "password": password})
    return response.status_code == 200


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def refresh_cookie(client: FlaskClient) -> str | None:
    cookie = client.get_cookie("refresh_token", path="/api/auth")
    return cookie.value if cookie else None
