"""The queue for real: gunicorn, `flask worker` processes and an SMTP server, on sockets."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import procrastinate
import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.kernel.jobs import requeue_stalled
from app.kernel.services.unit_of_work import SqlAlchemyUnitOfWork
from app.kernel.worker import libpq_url
from devtools.mail_sink import EmlFolder
from tests.live.server import BACKEND, free_port, live_server, server_environment
from tests.live.worker import SLOW

FLASK = Path(sys.executable).parent / "flask"
DEADLINE = 30.0


def wait_for(condition: Callable[[], object], what: str) -> None:
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"no {what} within {DEADLINE}s")


@pytest.fixture
def mail_folder(tmp_path: Path) -> Iterator[tuple[str, EmlFolder]]:
    folder = EmlFolder(tmp_path / "mail")
    port = free_port()
    controller = Controller(folder, hostname="127.0.0.1", port=port)
    controller.start()
    yield f"smtp://127.0.0.1:{port}", folder
    controller.stop()


@pytest.fixture
def start_worker(tmp_path: Path) -> Iterator[Callable[..., subprocess.Popen[bytes]]]:
    """Starts worker processes (`flask worker`, or the tests' one with a slow job); stops them."""
    started: list[subprocess.Popen[bytes]] = []

    def start(env: dict[str, str], *command: str) -> subprocess.Popen[bytes]:
        with (tmp_path / f"worker-{len(started)}.log").open("wb") as log:
            process = subprocess.Popen(
                list(command), cwd=BACKEND, env=env, stdout=log, stderr=subprocess.STDOUT
            )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=30)


def worker_environment(database_url: str, tmp_path: Path, **overrides: str) -> dict[str, str]:
    return server_environment(
        database_url, BACKUP_DIR=str(tmp_path / "backups"), PYTHONPATH=str(BACKEND), **overrides
    )


def test_a_reset_request_is_mailed_by_a_real_worker_through_the_queue(
    live_database_url: str,
    tmp_path: Path,
    mail_folder: tuple[str, EmlFolder],
    start_worker: Callable[..., subprocess.Popen[bytes]],
) -> None:
    smtp_url, folder = mail_folder
    metrics_port = free_port()
    env = worker_environment(live_database_url, tmp_path, SMTP_URL=smtp_url)
    start_worker(
        {**env, "WORKER_METRICS_PORT": str(metrics_port)}, str(FLASK), "--app", "app", "worker"
    )
    with live_server(env, tmp_path / "api.log") as api:
        account = {"email": "reader@example.com", "password": "a-good-password", "name": "R"}
        assert api.request("POST", "/api/auth/register", account).status == 201
        assert (
            api.request("POST", "/api/auth/password-reset", {"email": account["email"]}).status
            == 202
        )

        wait_for(folder.messages, "mail in the sink")
        scraped = scrape(f"http://127.0.0.1:{metrics_port}/metrics")

    assert b"To: reader@example.com" in folder.messages()[0].read_bytes()
    sent = 'job_duration_seconds_count{outcome="succeeded",task="accounts.send_password_reset"} 1.0'
    assert sent in scraped
    assert "jobs_queued" in scraped


def scrape(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310  # http://127.0.0.1
        return str(response.read().decode())


def enqueue_slow(database_url: str, notes: Path, seconds: float) -> None:
    engine = create_engine(database_url)
    uow = SqlAlchemyUnitOfWork(sessionmaker(bind=engine))
    with uow:
        uow.enqueue(SLOW, path=str(notes), seconds=seconds)
        uow.commit()
    engine.dispose()


def test_sigterm_lets_the_running_job_finish(
    live_database_url: str, tmp_path: Path, start_worker: Callable[..., subprocess.Popen[bytes]]
) -> None:
    notes = tmp_path / "slow.txt"
    worker = start_worker(
        worker_environment(live_database_url, tmp_path), sys.executable, "-m", "tests.live.worker"
    )
    enqueue_slow(live_database_url, notes, seconds=2)
    wait_for(notes.exists, "job start")

    worker.send_signal(signal.SIGTERM)

    assert worker.wait(timeout=DEADLINE) == 0
    assert notes.read_text() == "started\nfinished\n"


def test_the_job_of_a_killed_worker_runs_again(
    live_database_url: str, tmp_path: Path, start_worker: Callable[..., subprocess.Popen[bytes]]
) -> None:
    notes = tmp_path / "slow.txt"
    env = worker_environment(live_database_url, tmp_path)
    killed = start_worker(env, sys.executable, "-m", "tests.live.worker")
    enqueue_slow(live_database_url, notes, seconds=3)
    wait_for(notes.exists, "job start")
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    time.sleep(2)  # its heartbeat goes stale; the kernel's schedule waits a minute

    assert asyncio.run(requeue(live_database_url, seconds_since_heartbeat=1)) == 1
    start_worker(env, sys.executable, "-m", "tests.live.worker")
    wait_for(lambda: notes.read_text().endswith("finished\n"), "the job run again")
    assert notes.read_text() == "started\nstarted\nfinished\n"


async def requeue(database_url: str, seconds_since_heartbeat: float) -> int:
    queue = procrastinate.App(
        connector=procrastinate.PsycopgConnector(conninfo=libpq_url(database_url))
    )
    async with queue.open_async():
        return await requeue_stalled(queue.job_manager, seconds_since_heartbeat)
