"""Deleting your own account: it needs your password, and takes your notes and sessions."""

from __future__ import annotations

from collections.abc import Callable

from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.accounts.models.user import RefreshToken, User
from app.kernel.models.role import UserRole
from tests.factories import PASSWORD, UserFactory
from tests.notes.factories import NoteFactory
from tests.notes.model import Note

ClientFor = Callable[[User], FlaskClient]


def count(session: Session, model: type, **where: object) -> int:
    query = select(func.count()).select_from(model).filter_by(**where)
    return session.scalar(query) or 0


def test_deleting_takes_the_tasks_and_sessions_and_nobody_elses(
    anonymous: FlaskClient, client: FlaskClient, user: User, session: Session
) -> None:
    NoteFactory.create_batch(2, owner=user)
    someone_else = NoteFactory(owner=UserFactory())
    anonymous.post("/api/auth/login", json={"email": user.email, "password": PASSWORD})

    response = client.delete("/api/users/me", json={"password": PASSWORD})

    assert response.status_code == 204
    assert count(session, User, id=user.id) == 0
    assert count(session, Note, owner_id=user.id) == 0
    assert count(session, RefreshToken, user_id=user.id) == 0
    assert count(session, Note, id=someone_else.id) == 1
    assert anonymous.post("/api/auth/refresh").status_code == 401
    assert client.get("/api/users/me").status_code == 401
    login = {"email": user.email, "password": PASSWORD}
    assert anonymous.post("/api/auth/login", json=login).status_code == 401


def test_a_wrong_password_is_422_and_deletes_nothing(
    client: FlaskClient, user: User, session: Session
) -> None:
    NoteFactory(owner=user)

    response = client.delete("/api/users/me", json={"password": "not my password"})

    assert response.status_code == 422
    assert response.get_json()["errors"] == {"password": ["This is not your current password."]}
    assert count(session, Note, owner_id=user.id) == 1


def test_the_password_is_required(client: FlaskClient) -> None:
    response = client.delete("/api/users/me", json={})

    assert response.status_code == 422
    assert list(response.get_json()["errors"]) == ["password"]


def test_the_only_administrator_cannot_leave(client_for: ClientFor, session: Session) -> None:
    admin = UserFactory(role=UserRole.ADMIN)
    UserFactory(role=UserRole.ADMIN, is_active=False)

    response = client_for(admin).delete("/api/users/me", json={"password": PASSWORD})

    assert response.status_code == 422
    assert count(session, User, id=admin.id) == 1


def test_an_administrator_can_leave_when_another_remains(client_for: ClientFor) -> None:
    admin = UserFactory(role=UserRole.ADMIN)
    UserFactory(role=UserRole.ADMIN)

    assert client_for(admin).delete("/api/users/me", json={"password": PASSWORD}).status_code == 204


def test_deletion_is_rate_limited(client: FlaskClient) -> None:
    statuses = [
        client.delete("/api/users/me", json={"password": f"guess-{n}"}).status_code
        for n in range(6)
    ]

    assert statuses == [422] * 5 + [429]
