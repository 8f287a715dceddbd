"""A database that refuses, drops or runs out of connections is Unavailable (503), not a crash."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, create_engine

from app.kernel.database import Database
from app.kernel.services.errors import Unavailable
from app.kernel.services.unit_of_work import SqlAlchemyUnitOfWork
from tests.notes.repository import SqlNoteRepository


def unit_of_work(engine: Engine) -> SqlAlchemyUnitOfWork:
    database = Database.over(engine)
    return SqlAlchemyUnitOfWork(database.session_factory, database.read_session_factory)


def test_a_refused_connection_is_unavailable() -> None:
    dead = create_engine(
        "postgresql+psycopg://nobody@127.0.0.1:1/none", connect_args={"connect_timeout": 1}
    )
    uow = unit_of_work(dead)

    with pytest.raises(Unavailable) as raised, uow.reading():
        uow.repository(SqlNoteRepository).get(1)
    assert "Connection refused" in raised.value.reason
    assert "127.0.0.1" not in str(raised.value)  # what the caller sees names no host
    dead.dispose()


def test_an_exhausted_pool_is_unavailable(database_url: str) -> None:
    tiny = create_engine(database_url, pool_size=1, max_overflow=0, pool_timeout=0.1)
    holder = tiny.connect()  # the only connection, taken
    uow = unit_of_work(tiny)
    try:
        with pytest.raises(Unavailable), uow:
            uow.repository(SqlNoteRepository).get(1)
    finally:
        holder.close()
        tiny.dispose()


def test_a_connection_dropped_mid_work_is_unavailable(database_url: str, engine: Engine) -> None:
    own = create_engine(database_url)
    uow = unit_of_work(own)
    try:
        with pytest.raises(Unavailable), uow:
            pid = (
                uow.database.session.connection()
                .exec_driver_sql("SELECT pg_backend_pid()")
                .scalar()
            )
            with engine.connect() as admin:
                admin.exec_driver_sql(f"SELECT pg_terminate_backend({int(pid or 0)})")
            uow.repository(SqlNoteRepository).get(1)
    finally:
        own.dispose()
