"""Your profile, and the administrators' user list."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask.testing import FlaskClient

from app.accounts.models.user import User
from app.accounts.schemas.users import ONE_LINE
from app.kernel.models.role import UserRole
from tests.factories import PASSWORD, UserFactory

ClientFor = Callable[[User], FlaskClient]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_me_returns_the_caller(client: FlaskClient, user: User) -> None:
    body = client.get("/api/users/me").get_json()

    assert (body["id"], body["email"]) == (user.id, "me@example.com")
    assert "password_hash" not in body


def test_changing_the_name(client: FlaskClient) -> None:
    assert client.patch("/api/users/me", json={"name": " Ada "}).get_json()["name"] == "Ada"


@pytest.mark.parametrize(
    "name",
    [
        "Bob\nhttps://evil.test",
        "Bob\r\nBcc: x@evil.test",
        "tab\there",
        "esc\x1b[31m",
        "rtl\u202eevil",
    ],
)
def test_a_name_is_one_line_without_control_characters(client: FlaskClient, name: str) -> None:
    response = client.patch("/api/users/me", json={"name": name})

    assert response.status_code == 422
    assert response.get_json()["errors"] == {"name": [ONE_LINE.error]}
    assert client.get("/api/users/me").get_json()["name"] != name


def test_changing_the_password_needs_the_current_one(client: FlaskClient) -> None:
    response = client.patch(
        "/api/users/me", json={"password": "a-new-password", "current_password": "wrong"}
    )

    assert response.status_code == 422
    assert response.get_json()["errors"] == {
        "current_password": ["This is not your current password."]
    }


def test_changing_the_password_ends_other_sessions(anonymous: FlaskClient, app, user: User) -> None:
    other_device = app.test_client()
    other_device.environ_base["wsgi.url_scheme"] = "https"
    for device in (anonymous, other_device):
        device.post("/api/auth/login", json={"email": user.email, "password": PASSWORD})
    other_token = other_device.post("/api/auth/refresh").get_json()["access_token"]
    token = anonymous.post("/api/auth/refresh").get_json()["access_token"]

    response = anonymous.patch(
        "/api/users/me",
        json={"password": "a-brand-new-password", "current_password": PASSWORD},
        headers={"Authorization": f"Bearer {token}"},
    )

    assert response.status_code == 200
    assert other_device.post("/api/auth/refresh").status_code == 401
    assert other_device.get("/api/users/me", headers=bearer(other_token)).status_code == 401
    assert anonymous.post("/api/auth/refresh").status_code == 200
    login = anonymous.post(
        "/api/auth/login", json={"email": user.email, "password": "a-brand-new-password"}
    )
    assert login.status_code == 200


def test_admin_lists_users_paginated(client_for: ClientFor) -> None:
    admin = UserFactory(role=UserRole.ADMIN)
    UserFactory.create_batch(3)

    body = client_for(admin).get("/api/users?per_page=2").get_json()

    assert (body["total"], len(body["items"]), body["per_page"]) == (4, 2, 2)


def test_admin_changes_role_and_active_flag(client_for: ClientFor) -> None:
    admin, other = UserFactory(role=UserRole.ADMIN), UserFactory()

    body = (
        client_for(admin)
        .patch(f"/api/users/{other.id}", json={"role": "admin", "is_active": False})
        .get_json()
    )

    assert (body["role"], body["is_active"]) == ("admin", False)


def test_admin_cannot_demote_or_deactivate_themselves(client_for: ClientFor) -> None:
    admin = UserFactory(role=UserRole.ADMIN)
    client = client_for(admin)

    assert client.patch(f"/api/users/{admin.id}", json={"role": "user"}).status_code == 422
    assert client.patch(f"/api/users/{admin.id}", json={"is_active": False}).status_code == 422


def test_is_active_takes_only_json_booleans(client_for: ClientFor) -> None:
    admin, other = UserFactory(role=UserRole.ADMIN), UserFactory()

    response = client_for(admin).patch(f"/api/users/{other.id}", json={"is_active": "no"})

    assert response.status_code == 422


def test_ownership_another_users_task_is_404_and_admin_sees_it(
    client: FlaskClient, client_for: ClientFor
) -> None:
    other = UserFactory()
    mine = client.post("/api/notes", json={"title": "Shared title"}).get_json()
    theirs = client_for(other).post("/api/notes", json={"title": "Shared title"})

    assert theirs.status_code == 201  # titles are unique per owner only
    assert client.get(f"/api/notes/{theirs.get_json()['id']}").status_code == 404
    assert client.get("/api/notes").get_json()["total"] == 1
    admin = client_for(UserFactory(role=UserRole.ADMIN))
    assert admin.get(f"/api/notes/{mine['id']}").status_code == 200
    assert admin.get("/api/notes").get_json()["total"] == 2
