"""Services over the real repositories, inside the test's rolled-back transaction."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from sqlalchemy.orm import Session

from app.models import Task, User, UserRole
from app.services.auth import Principal
from tests.factories import UserFactory


def principal_of(user: User) -> Principal:
    return Principal(user_id=user.id, role=user.role, session=uuid.uuid4())


@pytest.fixture
def me(session: Session) -> Principal:
    return principal_of(UserFactory())


@pytest.fixture
def stranger(session: Session) -> Principal:
    return principal_of(UserFactory())


@pytest.fixture
def admin(session: Session) -> Principal:
    return principal_of(UserFactory(role=UserRole.ADMIN))


@pytest.fixture
def stored(session: Session) -> Callable[[int], Task | None]:
    """The task as the database holds it now (what the service committed, or not)."""
    return lambda task_id: session.get(Task, task_id, populate_existing=True)
