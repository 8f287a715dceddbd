"""factory-boy factories: valid objects by default, so a test states only what matters to it."""

from __future__ import annotations

import functools

import factory
from factory.alchemy import SQLAlchemyModelFactory
from sqlalchemy.orm import Session

from app.models import Task, TaskStatus, User, UserRole
from app.services.passwords import Passwords

PASSWORD = "correct horse battery"
# Argon2 at its cheapest: the tests check the rules, not the cost (settings test the cost's floor).
CHEAP_ARGON2 = {"time_cost": 1, "memory_cost": 8, "parallelism": 1}
# Tasks belong to the logged-in test user unless a test names another owner (see conftest).
default_owner: User | None = None


@functools.cache
def password_hash() -> str:
    return Passwords(**CHEAP_ARGON2).hash(PASSWORD)


class BaseFactory(SQLAlchemyModelFactory):
    class Meta:
        abstract = True
        sqlalchemy_session_persistence = "commit"


class UserFactory(BaseFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    name = factory.Faker("name")
    password_hash = factory.LazyFunction(password_hash)
    role = UserRole.USER
    is_active = True


class TaskFactory(BaseFactory):
    class Meta:
        model = Task

    title = factory.Sequence(lambda n: f"Task {n}")
    description = factory.Faker("sentence")
    status = TaskStatus.TODO
    priority = 3
    due_date = None
    owner_id = factory.LazyAttribute(lambda task: task.owner.id)

    class Params:
        owner = factory.LazyFunction(lambda: default_owner or UserFactory())


def bind(session: Session) -> None:
    """Point every factory at the test's session."""
    for factory_class in (UserFactory, TaskFactory):
        factory_class._meta.sqlalchemy_session = session
