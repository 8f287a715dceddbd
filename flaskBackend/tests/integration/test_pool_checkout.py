"""A pooled connection PostgreSQL has closed is replaced at checkout, without a failed request
and without a round trip per checkout (app/database.py: discard_if_closed_by_server)."""

from __future__ import annotations

from sqlalchemy import Engine, text

from app.kernel.database import Database
from app.kernel.settings import Settings


def backend_pid(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.scalar(text("SELECT pg_backend_pid()")))


def test_a_connection_the_server_closed_is_replaced_at_checkout(
    settings: Settings, engine: Engine
) -> None:
    pooled = Database.connect(settings).engine
    first = backend_pid(pooled)  # back in the pool now
    with engine.connect() as admin:
        # With a timeout, pg_terminate_backend waits until that backend has exited.
        assert admin.scalar(text("SELECT pg_terminate_backend(:pid, 5000)"), {"pid": first})

    second = backend_pid(pooled)

    assert second != first
    pooled.dispose()
