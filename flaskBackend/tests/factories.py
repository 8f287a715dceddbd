"""factory-boy factories: valid objects by default, so a test states only what matters to it."""

from __future__ import annotations

import factory
from factory.alchemy import SQLAlchemyModelFactory
from sqlalchemy.orm import Session

from app.models import Task, TaskStatus


class BaseFactory(SQLAlchemyModelFactory):
    class Meta:
        abstract = True
        sqlalchemy_session_persistence = "commit"


class TaskFactory(BaseFactory):
    class Meta:
        model = Task

    title = factory.Sequence(lambda n: f"Task {n}")
    description = factory.Faker("sentence")
    status = TaskStatus.TODO
    priority = 3
    due_date = None


def bind(session: Session) -> None:
    """Point every factory at the test's session."""
    for factory_class in (TaskFactory,):
        factory_class._meta.sqlalchemy_session = session
