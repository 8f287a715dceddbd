"""The job worker: procrastinate's, over the app's PostgreSQL, with every folder's jobs.

Each folder may have a jobs.py with `register(queue, settings)` that adds its tasks and their
schedules (app/accounts/jobs.py). `flask worker` builds the queue once per process and runs it;
each job runs in an app context of its own, so it builds services as a request does. Jobs are
delivered at least once (a killed worker's job runs again): write them to be idempotent.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import procrastinate
from flask import Flask
from prometheus_client import REGISTRY, Counter, Histogram, start_http_server
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from app.kernel.settings import Settings

Registration = Callable[[procrastinate.App, Settings], None]
# Scheduled jobs (cleanup, backups) go to a queue of their own: `flask worker --queue scheduled`
# runs them where the backup folder is (the compose scheduler), `--queue default` the rest.
SCHEDULED = "scheduled"
# SIGTERM: stop taking jobs and let the running ones finish for this long; a job still running
# then is aborted, and is run again by another worker (app/kernel/jobs.py: retry_stalled_jobs).
SHUTDOWN_GRACE_SECONDS = 30

JOB_SECONDS = Histogram(
    "job_duration_seconds",
    "Time a job took, by task and outcome (succeeded or failed).",
    ["task", "outcome"],
    buckets=(0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120, 600),
)
JOB_FAILURES = Counter("job_failures_total", "Job attempts that raised, by task.", ["task"])
# Finished jobs are deleted (delete_jobs="successful"): what is left is waiting, running or failed.
DEPTH = text(
    "SELECT queue_name, status, count(*) AS jobs FROM procrastinate_jobs"
    " WHERE status IN ('todo', 'doing', 'failed') GROUP BY queue_name, status"
)

log = logging.getLogger(__name__)


def libpq_url(database_url: str) -> str:
    """postgresql+psycopg://... (SQLAlchemy's) as the postgresql://... libpq and pg_dump take."""
    return make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)


def build_queue(
    settings: Settings, registrations: Iterable[Registration], *, schedules: bool = True
) -> procrastinate.App:
    """The queue with every folder's tasks, and their schedules unless told not to."""
    connector = procrastinate.PsycopgConnector(conninfo=libpq_url(settings.database_url))
    queue = procrastinate.App(connector=connector)
    for register in registrations:
        register(queue, settings)
    if not schedules:  # `flask worker --once` runs what is queued, and queues nothing itself
        queue.periodic_registry.periodic_tasks.clear()
    return queue


def run_worker(
    queue: procrastinate.App,
    app: Flask,
    settings: Settings,
    *,
    once: bool,
    queues: Sequence[str] = (),
) -> None:
    """Run the jobs of `queues` (every queue when empty), and queue the scheduled ones when
    due, until SIGTERM or SIGINT; with once, until none is left."""
    queue.run_worker(
        queues=list(queues) or None,
        wait=not once,
        concurrency=settings.worker_concurrency,
        shutdown_graceful_timeout=SHUTDOWN_GRACE_SECONDS,
        # A job that failed after its retries stays, for the operator (logs, metrics, SQL).
        delete_jobs="successful",
        task_middleware=[in_app_context(app)],
    )


def in_app_context(app: Flask) -> Callable[..., Any]:
    """A procrastinate task middleware: each job in an app context of its own (its unit of
    work ends with it), timed and counted."""

    def middleware(call_next: Callable[[], Any], context: Any, worker: Any) -> Any:
        task = context.job.task_name
        started, outcome = time.perf_counter(), "failed"
        try:
            with app.app_context():
                result = call_next()
            outcome = "succeeded"
            return result
        except BaseException:
            JOB_FAILURES.labels(task).inc()
            raise
        finally:
            JOB_SECONDS.labels(task, outcome).observe(time.perf_counter() - started)

    return middleware


def serve_metrics(port: int, engine: Engine) -> None:
    """/metrics of the worker on its own port (Prometheus, and the containers' healthchecks):
    the job metrics above, and the queue's depth read at each scrape."""
    REGISTRY.register(QueueDepth(engine))
    start_http_server(port)


class QueueDepth(Collector):
    """Jobs by queue and status: todo (waiting), doing, failed (kept after their retries). A
    scrape fails while the database is down, which the healthchecks want to know."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def collect(self) -> Iterable[GaugeMetricFamily]:
        depth = GaugeMetricFamily(
            "jobs_queued", "Jobs by queue and status.", labels=["queue", "status"]
        )
        with self.engine.connect() as connection:
            for row in connection.execute(DEPTH):
                depth.add_metric([row.queue_name, row.status], row.jobs)
        yield depth
