"""TaskFactory: a valid task by default (written by make resource)."""

import datetime as dt

import factory

from app.tasks.model import Task, TaskStatus
from tests.factories import OwnedFactory


class TaskFactory(OwnedFactory):
    class Meta:
        model = Task

    title = factory.Sequence(lambda n: f"Title {n}")
    description = factory.Faker("text", max_nb_chars=200)
    status = TaskStatus.TODO
    priority = factory.Sequence(lambda n: 1 + n % 5)
    due_date = factory.Sequence(lambda n: dt.date(2000, 1, 1) + dt.timedelta(days=n % 3_000_000))
