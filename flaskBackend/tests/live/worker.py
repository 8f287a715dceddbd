"""A real worker process for the live tests: the app's jobs plus a slow one of the tests', run
as `flask worker` runs them. python -m tests.live.worker"""

from __future__ import annotations

import time
from pathlib import Path

import procrastinate

from app import create_app
from app.features import layer_modules
from app.kernel.settings import Settings
from app.kernel.worker import build_queue, run_worker

SLOW = "tests.slow"


def slow(path: str, seconds: float) -> None:
    """Notes its start, works for `seconds`, notes its end: the test reads the file."""
    with Path(path).open("a") as notes:
        notes.write("started\n")
    time.sleep(seconds)
    with Path(path).open("a") as notes:
        notes.write("finished\n")


def register(queue: procrastinate.App, _: Settings) -> None:
    queue.task(name=SLOW)(slow)


def main() -> None:
    app = create_app()
    settings = app.extensions["settings"]
    registrations = [*(module.register for module in layer_modules("jobs")), register]
    with app.app_context():
        run_worker(build_queue(settings, registrations, schedules=False), app, settings, once=False)


if __name__ == "__main__":
    main()
