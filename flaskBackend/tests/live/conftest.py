"""Tests against the real production server: several gunicorn workers, real sockets."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from tests.live.server import fresh_database
from tests.postgres import drop_database


@pytest.fixture
def live_database_url(database_url: str) -> Iterator[str]:
    """A migrated database of its own, so the server's committed rows touch no other test."""
    name = f"live_{uuid.uuid4().hex[:12]}"
    yield fresh_database(database_url, name)
    drop_database(database_url, name)
