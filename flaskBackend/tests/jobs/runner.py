"""Runs the queued jobs in-process, on the test's own transaction: the job rows the request
wrote (uncommitted outside the test) are visible only there. The live tests run a real worker
process (tests/live/test_jobs.py); here the code between the row and the job is the worker's."""

from __future__ import annotations

import procrastinate
import pytest
from flask import Flask
from sqlalchemy import Connection, text

from app.features import layer_modules
from app.kernel.settings import Settings
from app.kernel.worker import build_queue

QUEUED = text(
    "SELECT id, task_name, args FROM procrastinate_jobs WHERE status = 'todo' ORDER BY id"
)
DONE = text("DELETE FROM procrastinate_jobs WHERE id = :id")  # as delete_jobs="successful"


class JobRunner:
    def __init__(self, app: Flask, connection: Connection, queue: procrastinate.App) -> None:
        self.app, self.connection, self.queue = app, connection, queue

    def queued(self) -> list[tuple[str, dict[str, object]]]:
        return [(row.task_name, row.args) for row in self.connection.execute(QUEUED)]

    def run(self, task_name: str, **args: object) -> object:
        """Run one task now, as the worker would (a scheduled one gets a `timestamp`)."""
        with self.app.app_context():
            return self.queue.tasks[task_name](**args)

    def run_all(self) -> int:
        """Run every queued job (and those they queue) until none is left; how many ran. A job
        that raises fails the test: the worker would have retried it."""
        ran = 0
        while rows := self.connection.execute(QUEUED).all():
            for row in rows:
                self.run(row.task_name, **row.args)
                self.connection.execute(DONE, {"id": row.id})
                ran += 1
        return ran


@pytest.fixture(scope="session")
def job_queue(settings: Settings) -> procrastinate.App:
    """Every folder's tasks, as `flask worker` registers them (never opened here)."""
    return build_queue(settings, [module.register for module in layer_modules("jobs")])


@pytest.fixture
def jobs(app: Flask, connection: Connection, job_queue: procrastinate.App) -> JobRunner:
    return JobRunner(app, connection, job_queue)
