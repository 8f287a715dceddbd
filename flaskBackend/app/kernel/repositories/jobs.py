"""The job queue as the services see it: a job row written on the unit of work's transaction.

procrastinate defers a job on a connection we hand it (its documented `connection=` option),
so the job commits, or rolls back, with the rows it belongs to: a job of a request that fails
never runs, and one that committed is never lost. The worker is app/kernel/jobs.py.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import procrastinate
from sqlalchemy.orm import Session


class JobQueue:
    def __init__(self, session: Session) -> None:
        self.session = session

    def enqueue(self, job: str, **args: Any) -> None:
        """Queue the job named `job` (e.g. "accounts.send_password_reset") with JSON args."""
        connection = self.session.connection().connection.driver_connection
        _deferrer().configure_task(job, connection=connection).defer(**args)


@cache
def _deferrer() -> procrastinate.App:
    """Defers by task name on a given connection: it never opens a connection of its own, and
    knows no task (the worker does), so the web process needs no job code."""
    return procrastinate.App(connector=procrastinate.SyncPsycopgConnector())
