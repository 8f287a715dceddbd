"""The PostgreSQL the tests run against: TEST_DATABASE_URL's cluster, or a throwaway one of our own.

A run migrates the schema once, into a template database; each test process (one per
pytest-xdist worker) then works in a copy of it (`CREATE DATABASE ... TEMPLATE`, a file copy
that takes milliseconds), so the workers share no rows and the migrations run once per run.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

from tests.notes.model import Note

BACKEND = Path(__file__).resolve().parents[1]
POSTGRES_SCRIPT = BACKEND.parent / "scripts" / "postgres.sh"
# How the process that made the template tells the workers it starts where it is.
TEMPLATE_VARIABLE = "TEST_TEMPLATE_DATABASE_URL"


@contextmanager
def postgres_for_tests() -> Iterator[str]:
    given = os.environ.get("TEST_DATABASE_URL")
    if given:
        yield given
        return
    started = subprocess.run(
        [str(POSTGRES_SCRIPT), "throwaway"], check=True, capture_output=True, text=True
    )
    url, data_dir = started.stdout.split()
    try:
        yield url
    finally:
        subprocess.run([str(POSTGRES_SCRIPT), "discard", data_dir], check=False)


def maintenance(url: str) -> Engine:
    """An engine on the cluster's postgres database: a database cannot copy or drop itself."""
    return create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")


def create_database(cluster_url: str, name: str, template: str | None = None) -> str:
    """An empty database NAME (or a copy of TEMPLATE) in cluster_url's cluster; returns its URL."""
    drop_database(cluster_url, name)
    copy = f' TEMPLATE "{template}"' if template else ""
    admin = maintenance(cluster_url)
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"{copy}'))
    admin.dispose()
    return make_url(cluster_url).set(database=name).render_as_string(hide_password=False)


def drop_database(cluster_url: str, name: str) -> None:
    admin = maintenance(cluster_url)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def migrate(database_url: str) -> None:
    """The schema from the migrations, exactly as in production, and the tests' own table."""
    engine = create_engine(database_url)
    with engine.begin() as connection:
        config = Config(str(BACKEND / "alembic.ini"))
        config.attributes["connection"] = connection
        config.attributes["configure_logger"] = False
        command.upgrade(config, "head")
        Note.__table__.create(connection)  # the tests' own resource (tests/notes/)
    engine.dispose()


@contextmanager
def migrated_template() -> Iterator[str]:
    """This run's cluster with a migrated template database in it, named in TEMPLATE_VARIABLE
    for the processes started after it; both are gone afterwards."""
    with postgres_for_tests() as cluster_url:
        name = f"{make_url(cluster_url).database}_{uuid.uuid4().hex[:8]}"
        template_url = create_database(cluster_url, name)
        try:
            migrate(template_url)
            os.environ[TEMPLATE_VARIABLE] = template_url
            yield template_url
        finally:
            drop_database(cluster_url, name)


@contextmanager
def database_of_this_process() -> Iterator[str]:
    """A copy of the run's template for this process (an xdist worker, or the only one)."""
    template_url = os.environ[TEMPLATE_VARIABLE]
    template = make_url(template_url).database
    name = f"{template}_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    url = create_database(template_url, name, template)
    try:
        yield url
    finally:
        drop_database(url, name)
