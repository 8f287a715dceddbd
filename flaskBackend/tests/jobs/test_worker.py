"""procrastinate's real worker, in-process, on committed job rows: each job in an app context,
finished jobs removed, failed ones retried, then kept and counted."""

from __future__ import annotations

import procrastinate
from flask import Flask
from prometheus_client import REGISTRY
from sqlalchemy import Engine, text

from app.kernel.composition import current_settings
from app.kernel.services.unit_of_work import SqlAlchemyUnitOfWork
from app.kernel.settings import AppEnv, Settings
from app.kernel.worker import QueueDepth, build_queue, run_worker
from tests.jobs.conftest import queued_elsewhere


def enqueue(uow: SqlAlchemyUnitOfWork, job: str, **args: object) -> None:
    with uow:
        uow.enqueue(job, **args)
        uow.commit()


def test_the_worker_runs_a_committed_job_in_an_app_context_and_removes_it(
    session_app: Flask, settings: Settings, committing_uow: SqlAlchemyUnitOfWork, engine: Engine
) -> None:
    ran: list[tuple[int, AppEnv]] = []

    def record(number: int) -> None:
        ran.append((number, current_settings().app_env))  # current_settings needs the app

    def register(queue: procrastinate.App, _: Settings) -> None:
        queue.task(name="tests.record")(record)

    enqueue(committing_uow, "tests.record", number=7)
    run_worker(build_queue(settings, [register]), session_app, settings, once=True)

    assert ran == [(7, AppEnv.TEST)]
    assert queued_elsewhere(engine, "tests.record") == []


def test_a_job_that_keeps_failing_is_retried_then_kept_as_failed_and_counted(
    session_app: Flask, settings: Settings, committing_uow: SqlAlchemyUnitOfWork, engine: Engine
) -> None:
    attempts: list[int] = []

    def flaky(number: int) -> None:
        attempts.append(number)
        raise ConnectionError("the mail server is down")

    def register(queue: procrastinate.App, _: Settings) -> None:
        queue.task(name="tests.flaky", retry=procrastinate.RetryStrategy(max_attempts=2))(flaky)

    failures_before = failures("tests.flaky")
    enqueue(committing_uow, "tests.flaky", number=1)
    queue = build_queue(settings, [register])
    for _ in range(4):  # --once runs what is due now: each run takes the next retry
        run_worker(queue, session_app, settings, once=True)

    assert attempts == [1, 1, 1]  # the first try and two retries, then no more
    assert status_of(engine, "tests.flaky") == ["failed"]
    assert failures("tests.flaky") - failures_before == 3


def failures(task: str) -> float:
    return REGISTRY.get_sample_value("job_failures_total", {"task": task}) or 0.0


def status_of(engine: Engine, task: str) -> list[str]:
    query = text("SELECT status FROM procrastinate_jobs WHERE task_name = :task")
    with engine.connect() as connection:
        return [row.status for row in connection.execute(query, {"task": task})]


def test_queue_depth_counts_the_jobs_waiting_at_each_scrape(
    committing_uow: SqlAlchemyUnitOfWork, engine: Engine
) -> None:
    before = waiting(engine)

    enqueue(committing_uow, "tests.record", number=1)

    assert waiting(engine) - before == 1


def waiting(engine: Engine) -> float:
    (family,) = QueueDepth(engine).collect()
    samples = [s for s in family.samples if s.labels == {"queue": "default", "status": "todo"}]
    return sum(sample.value for sample in samples)
