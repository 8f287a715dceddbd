"""Sample tasks for `flask seed` (make dev). app/cli.py runs the seed.py of every folder."""

from __future__ import annotations

import datetime as dt

from app.kernel.composition import service
from app.kernel.services.errors import Conflict
from app.kernel.services.principal import Principal
from app.tasks.model import Task, TaskStatus
from app.tasks.service import TaskService


def samples() -> list[Task]:
    return [
        Task(title="Read the README", status=TaskStatus.DONE, priority=2),
        Task(title="Run make test", status=TaskStatus.DOING, priority=4),
        Task(
            title="Add your own resource",
            description="make resource name=books fields=...: a folder in app/, tests/, ui/src/.",
            priority=5,
            due_date=dt.date.today() + dt.timedelta(days=7),
        ),
        Task(title="Write a migration", description='make migration m="add x"', priority=3),
        Task(title="Deploy with docker compose", priority=1),
    ]


def seed(owner: Principal) -> int:
    """Add the samples the owner does not have yet; return how many were added."""
    added = 0
    for task in samples():
        try:
            service(TaskService).create(owner, task)
            added += 1
        except Conflict:  # seeded before: the title is taken
            pass
    return added
