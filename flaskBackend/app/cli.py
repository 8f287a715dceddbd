"""Flask CLI commands: `flask seed`, `flask create-admin`, `flask worker`, `flask backup` and
`flask restore`."""

from __future__ import annotations

import os
import uuid

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from app.accounts.composition import user_service
from app.accounts.schemas.users import PASSWORD_LENGTH
from app.features import layer_modules
from app.kernel.backups import BackupError, backup, restore
from app.kernel.composition import current_settings
from app.kernel.database import current_database
from app.kernel.models.role import UserRole
from app.kernel.services.principal import Principal
from app.kernel.settings import AppEnv
from app.kernel.worker import build_queue, run_worker, serve_metrics

DEMO_EMAIL = "demo@example.com"
DEMO_PASSWORD = "demo-password"  # noqa: S105  # printed by make dev; seed refuses production


def register_commands(app: Flask) -> None:
    app.cli.add_command(seed)
    app.cli.add_command(create_admin)
    app.cli.add_command(worker)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)


@click.command()
@with_appcontext
def seed() -> None:
    """Add a demo user, and each folder's samples (its seed.py); running it again adds nothing
    twice."""
    if current_settings().app_env is AppEnv.PRODUCTION:
        raise click.ClickException("seed makes an account with a known password: not in production")
    demo = user_service().ensure_account(
        email=DEMO_EMAIL, password=DEMO_PASSWORD, name="Demo User", role=UserRole.USER
    )
    owner = Principal(user_id=demo.id, role=demo.role, session=uuid.uuid4())
    for module in layer_modules("seed"):  # app/<folder>/seed.py, e.g. app/tasks/seed.py
        added = module.seed(owner)
        click.echo(f"Seeded {added} new row(s) of {module.__name__.split('.')[1]}.")
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


@click.command()
@click.option("--once", is_flag=True, help="Run the queued jobs, then stop (no schedules).")
@click.option("--queue", "queues", multiple=True, help="Only this queue's jobs (repeatable).")
@with_appcontext
def worker(once: bool, queues: tuple[str, ...]) -> None:
    """Run background jobs and their schedules, until SIGTERM (which lets running jobs end)."""
    settings = current_settings()
    registrations = [module.register for module in layer_modules("jobs")]
    queue = build_queue(settings, registrations, schedules=not once)
    if settings.worker_metrics_port:
        serve_metrics(settings.worker_metrics_port, current_database().engine)
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    run_worker(queue, app, settings, once=once, queues=queues)


@click.command("backup")
@with_appcontext
def backup_command() -> None:
    """Dump the database (pg_dump, custom format) to BACKUP_DIR, keeping the last BACKUP_KEEP."""
    settings = current_settings()
    try:
        written = backup(settings.database_url, settings.backup_dir, settings.backup_keep)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Backup written to {written}")


@click.command("restore")
@click.argument("dump", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Replace the contents of a database that has tables.")
@with_appcontext
def restore_command(dump: str, force: bool) -> None:
    """Restore a dump of `flask backup` into DATABASE_URL, which must be empty unless --force."""
    try:
        restore(current_settings().database_url, dump, force=force)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Restored {dump}")
