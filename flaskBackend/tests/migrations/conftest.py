"""pytest-alembic runs the migrations on a database of their own: downgrades must not touch
the schema the other tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

MIGRATIONS_DATABASE = "migrations_check"


@pytest.fixture
def alembic_engine(database_url: str) -> Iterator[Engine]:
    url = make_url(database_url)
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{MIGRATIONS_DATABASE}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{MIGRATIONS_DATABASE}"'))
    engine = create_engine(url.set(database=MIGRATIONS_DATABASE))
    yield engine
    engine.dispose()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{MIGRATIONS_DATABASE}" WITH (FORCE)'))
    admin.dispose()
