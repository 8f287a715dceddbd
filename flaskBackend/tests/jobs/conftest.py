"""Fixtures of the job tests: the in-process runner (tests/jobs/runner.py), the mail sink, and
committed units of work for the tests that need what a second connection sees."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text

from app.kernel.database import Database
from app.kernel.services.unit_of_work import SqlAlchemyUnitOfWork
from tests.jobs.runner import job_queue, jobs
from tests.mail_sink import mail_server_down, mail_sink

__all__ = ["job_queue", "jobs", "mail_server_down", "mail_sink"]


@pytest.fixture
def committing_uow(engine: Engine) -> Iterator[SqlAlchemyUnitOfWork]:
    """A unit of work whose commits are real (not the test's savepoints); the job rows of the
    test's own tasks (tests.*) are deleted afterwards."""
    database = Database.over(engine)
    yield SqlAlchemyUnitOfWork(database.session_factory)
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM procrastinate_jobs WHERE task_name LIKE 'tests.%'"))


def queued_elsewhere(engine: Engine, task_name: str) -> list[dict[str, object]]:
    """The args of the jobs of this task that another connection sees (committed ones)."""
    query = text("SELECT args FROM procrastinate_jobs WHERE task_name = :name ORDER BY id")
    with engine.connect() as connection:
        return [row.args for row in connection.execute(query, {"name": task_name})]
