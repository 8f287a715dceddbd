"""Flask CLI commands: `flask seed`."""

from __future__ import annotations

import datetime as dt

import click
from flask import Flask
from flask.cli import with_appcontext

from app.composition import task_service
from app.models import TaskStatus
from app.services.errors import Conflict
from app.services.tasks import NewTask

SAMPLE_TASKS: tuple[NewTask, ...] = (
    {"title": "Read the README", "status": TaskStatus.DONE, "priority": 2},
    {"title": "Run make test", "status": TaskStatus.DOING, "priority": 4},
    {
        "title": "Add your own resource",
        "description": "Copy the tasks path: controller, service, repository, model.",
        "priority": 5,
        "due_date": dt.date.today() + dt.timedelta(days=7),
    },
    {"title": "Write a migration", "description": 'make migration m="add x"', "priority": 3},
    {"title": "Deploy with docker compose", "priority": 1},
)


def register_commands(app: Flask) -> None:
    app.cli.add_command(seed)


@click.command()
@with_appcontext
def seed() -> None:
    """Add the sample tasks; running it again adds nothing twice."""
    added = 0
    for fields in SAMPLE_TASKS:
        try:
            task_service().create(fields)
            added += 1
        except Conflict:
            pass
    click.echo(f"Seeded {added} task(s); {len(SAMPLE_TASKS) - added} already there.")
