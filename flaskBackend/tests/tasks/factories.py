"""TaskFactory: a valid task by default."""

import factory

from app.tasks.model import Task, TaskStatus
from tests.factories import OwnedFactory


class TaskFactory(OwnedFactory):
    class Meta:
        model = Task

    title = factory.Sequence(lambda n: f"Task {n}")
    description = factory.Faker("sentence")
    status = TaskStatus.TODO
    priority = 3
    due_date = None
