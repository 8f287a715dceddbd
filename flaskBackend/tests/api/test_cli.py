"""`flask seed` and `flask create-admin`."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app.cli import DEMO_EMAIL, DEMO_PASSWORD


def login(client: FlaskClient, email: str, password: str) -> dict[str, str]:
    response = client.post("/api/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.get_json()
    return {"Authorization": f"Bearer {response.get_json()['access_token']}"}


def test_seed_adds_the_demo_user_once(app: Flask, anonymous: FlaskClient) -> None:
    runner = app.test_cli_runner()

    first = runner.invoke(args=["seed"])
    second = runner.invoke(args=["seed"])

    assert first.exit_code == second.exit_code == 0, first.output
    assert f"Log in as {DEMO_EMAIL}" in first.output
    assert login(anonymous, DEMO_EMAIL, DEMO_PASSWORD)


def test_create_admin_makes_an_account_that_can_list_users(
    app: Flask, anonymous: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADMIN_PASSWORD", "a-long-admin-password")

    result = app.test_cli_runner().invoke(args=["create-admin", "Boss@Example.com"])

    assert result.exit_code == 0, result.output
    assert "boss@example.com is an administrator." in result.output
    headers = login(anonymous, "boss@example.com", "a-long-admin-password")
    assert anonymous.get("/api/users", headers=headers).status_code == 200


def test_create_admin_refuses_a_short_password(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMIN_PASSWORD", "short")

    result = app.test_cli_runner().invoke(args=["create-admin", "boss@example.com"])

    assert result.exit_code != 0
    assert "10 to 128 characters" in result.output
