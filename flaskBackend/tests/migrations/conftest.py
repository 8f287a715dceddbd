"""pytest-alembic runs the migrations on a database of their own: downgrades must not touch
the schema the other tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url

from tests.postgres import create_database, drop_database


@pytest.fixture
def alembic_engine(database_url: str) -> Iterator[Engine]:
    name = f"{make_url(database_url).database}_migrations"  # one per xdist worker
    engine = create_engine(create_database(database_url, name))
    yield engine
    engine.dispose()
    drop_database(database_url, name)
