"""Tests against the real production server: several gunicorn workers, real sockets."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from tests.live.server import fresh_database


@pytest.fixture
def live_database_url(database_url: str) -> Iterator[str]:
    """A migrated database of its own, so the server's committed rows touch no other test."""
    name = f"live_{uuid.uuid4().hex[:12]}"
    yield fresh_database(database_url, name)
    admin = create_engine(database_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
