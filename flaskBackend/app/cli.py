"""Flask CLI commands: `flask seed` and `flask create-admin`."""

from __future__ import annotations

import datetime as dt
import os
import uuid

import click
from flask import Flask
from flask.cli import with_appcontext

from app.composition import current_settings, task_service, user_service
from app.models import TaskStatus, UserRole
from app.schemas.users import PASSWORD_LENGTH
from app.services.auth import Principal
from app.services.errors import Conflict
from app.services.tasks import NewTask
from app.settings import AppEnv

DEMO_EMAIL = "demo@example.com"
DEMO_PASSWORD = "demo-password"  # noqa: S105  # printed by make dev; seed refuses production
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
    owner = Principal(user=demo, session=uuid.uuid4())
    added = 0
    for fields in SAMPLE_TASKS:
        try:
            task_service().create(owner, fields)
            added += 1
        except Conflict:
            pass
    click.echo(f"Seeded {added} task(s); {len(SAMPLE_TASKS) - added} already there.")
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
