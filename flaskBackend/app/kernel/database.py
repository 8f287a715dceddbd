"""The engine and session factory, built by create_app() and kept on the app."""

from __future__ import annotations

import select
from dataclasses import dataclass
from typing import Any

from flask import Flask, current_app
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

from app.kernel.settings import Settings


@dataclass(frozen=True, slots=True)
class Database:
    engine: Engine
    session_factory: sessionmaker[Session]
    # For units of work that only read; the transactional factory when not given (tests).
    read_session_factory: sessionmaker[Session] | None = None

    @classmethod
    def connect(cls, settings: Settings) -> Database:
        engine = create_engine(
            settings.database_url,
            pool_size=settings.db_pool_size,
            # A dead database must fail the readiness probe quickly, not hang a worker.
            connect_args={"connect_timeout": 3},
        )
        # Instead of pool_pre_ping's SELECT 1 on every checkout (a round trip each time).
        event.listen(engine, "checkout", discard_if_closed_by_server)
        return cls.over(engine)

    @classmethod
    def over(cls, bind: Engine) -> Database:
        # Objects stay readable after commit, so controllers can serialise them.
        writer = sessionmaker(bind=bind, expire_on_commit=False)
        # Reads run in autocommit: under READ COMMITTED every statement takes its own snapshot
        # anyway, so BEGIN and ROLLBACK would be two round trips that buy nothing.
        reader = sessionmaker(
            bind=bind.execution_options(isolation_level="AUTOCOMMIT"),
            expire_on_commit=False,
            autoflush=False,
        )
        return cls(bind, writer, reader)

    def init_app(self, app: Flask) -> None:
        app.extensions["database"] = self


def discard_if_closed_by_server(dbapi_connection: Any, record: Any, proxy: Any) -> None:
    """A pooled connection waits for our next query and has nothing to read: if its socket is
    readable, PostgreSQL has closed it (a restart sends "terminating connection" first, then
    closes). SQLAlchemy then opens a fresh one. A server that vanishes without a word is caught
    by the first query instead: a 503, after which SQLAlchemy replaces the whole pool."""
    connection = getattr(dbapi_connection, "driver_connection", dbapi_connection)
    if connection.closed or connection.broken:
        raise DisconnectionError("the connection is closed")
    readable, _, _ = select.select([connection.fileno()], [], [], 0)
    if readable:
        raise DisconnectionError("PostgreSQL closed the connection")


def current_database() -> Database:
    database: Database = current_app.extensions["database"]
    return database
