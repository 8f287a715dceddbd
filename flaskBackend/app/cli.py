"""Flask CLI commands: `flask seed` and `flask create-admin`."""

from __future__ import annotations

import datetime as dt
import os
import uuid

import click
from flask import Flask
from flask.cli import with_appcontext

from app.accounts.composition import user_service
from app.accounts.schemas.users import PASSWORD_LENGTH
from app.kernel.composition import current_settings, service
from app.kernel.models.role import UserRole
from app.kernel.services.errors import Conflict
from app.kernel.services.principal import Principal
from app.kernel.settings import AppEnv
from app.tasks.model import Task, TaskStatus
from app.tasks.service import TaskService

DEMO_EMAIL = "demo@example.com"
DEMO_PASSWORD = "demo-password"  # noqa: S105  # printed by make dev; seed refuses production


def sample_tasks() -> list[Task]:
    return [
        Task(title="Read the README", status=TaskStatus.DONE, priority=2),
        Task(title="Run make test", status=TaskStatus.DOING, priority=4),
        Task(
            title="Add your own resource",
            description="Follow the tasks files: model, repository, service, schemas, controller.",
            priority=5,
            due_date=dt.date.today() + dt.timedelta(days=7),
        ),
        Task(title="Write a migration", description='make migration m="add x"', priority=3),
        Task(title="Deploy with docker compose", priority=1),
    ]


def register_commands(app: Flask) -> None:
    app.cli.add_command(seed)
    app.cli.add_command(create_admin)


@click.command()
@with_appcontext
def seed() -> None:
    """Add a demo user with sample tasks; running it again adds nothing twice."""
    if current_settings().app_env is AppEnv.PRODUCTION:
        raise click.ClickException("seed makes an account with a known password: not in production")
    demo = user_service().ensure_account(
        email=DEMO_EMAIL, password=DEMO_PASSWORD, name="Demo User", role=UserRole.USER
    )
    owner = Principal(user_id=demo.id, role=demo.role, session=uuid.uuid4())
    added, samples = 0, sample_tasks()
    for task in samples:
        try:
            service(TaskService).create(owner, task)
            added += 1
        except Conflict:
            pass
    click.echo(f"Seeded {added} task(s); {len(samples) - added} already there.")
    click.echo(f"Log in as {DEMO_EMAIL} with the password {DEMO_PASSWORD}")


@click.command("create-admin")
@click.argument("email")
@click.option("--name", default="Administrator", show_default=True)
@with_appcontext
def create_admin(email: str, name: str) -> None:
    """Create an administrator, or make an existing user one.

    The password comes from ADMIN_PASSWORD, or a prompt.
    """
    password = os.environ.get("ADMIN_PASSWORD") or click.prompt(
        "Password", hide_input=True, confirmation_prompt=True
    )
    if not PASSWORD_LENGTH.min <= len(password) <= PASSWORD_LENGTH.max:  # type: ignore[operator]
        raise click.ClickException("the password must be 10 to 128 characters")
    user = user_service().ensure_account(
        email=email, password=password, name=name, role=UserRole.ADMIN
    )
    click.echo(f"{user.email} is an administrator.")
