"""Alembic environment: the models' metadata, a URL from the environment, types compared."""

from __future__ import annotations

import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import Connection, create_engine, pool

from app.features import load_models

config = context.config
if config.config_file_name is not None and config.attributes.get("configure_logger", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = load_models().metadata


def _ours(item: object, name: str | None, kind: str, reflected: bool, compare_to: object) -> bool:
    """Leave out the tables the tests create for themselves (tests/notes/: info test_only) and
    the job queue's (procrastinate's own schema, its migration 7c3f9a1e2b40)."""
    if kind == "table" and reflected and (name or "").startswith("procrastinate_"):
        return False
    table = getattr(item, "table", item)
    return not getattr(table, "info", {}).get("test_only", False)


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_object=_ours,
        compare_type=True,
        compare_server_default=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    context.configure(
        url=_database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    # Tests hand us their own connection (conftest) or engine (pytest-alembic).
    given = config.attributes.get("connection")
    if isinstance(given, Connection):
        _configure(given)
        return
    engine = given or create_engine(_database_url(), poolclass=pool.NullPool)
    with engine.connect() as connection:
        _configure(connection)


def _database_url() -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        raise SystemExit("DATABASE_URL is not set: copy .env.example to .env or export it.")
    return os.path.expandvars(url)


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
