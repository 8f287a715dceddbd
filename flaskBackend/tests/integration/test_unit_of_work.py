"""SqlAlchemyUnitOfWork: commit or roll back, and database errors turned into domain errors."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from app.accounts.models.user import User
from app.kernel.database import Database
from app.kernel.services.errors import Conflict, PreconditionFailed
from app.kernel.services.unit_of_work import SqlAlchemyUnitOfWork
from tests.notes.factories import NoteFactory
from tests.notes.model import Note
from tests.notes.repository import SqlNoteRepository


def test_leaving_without_commit_rolls_back(
    uow: SqlAlchemyUnitOfWork, session: Session, user: User
) -> None:
    with uow:
        uow.repository(SqlNoteRepository).add(Note(title="Not kept", owner_id=user.id))

    assert session.query(Note).filter_by(title="Not kept").count() == 0


def test_commit_keeps_the_change(uow: SqlAlchemyUnitOfWork, session: Session, user: User) -> None:
    with uow:
        uow.repository(SqlNoteRepository).add(Note(title="Kept", owner_id=user.id))
        uow.commit()

    assert session.query(Note).filter_by(title="Kept").count() == 1


def test_a_unique_violation_at_commit_becomes_conflict(
    uow: SqlAlchemyUnitOfWork, session: Session, user: User
) -> None:
    NoteFactory(title="Twice")

    with uow, pytest.raises(Conflict):
        uow.repository(SqlNoteRepository).add(Note(title="Twice", owner_id=user.id))
        uow.commit()


def test_other_integrity_errors_are_not_hidden(uow: SqlAlchemyUnitOfWork, user: User) -> None:
    with uow, pytest.raises(IntegrityError):
        uow.repository(SqlNoteRepository).add(
            Note(title="Bad priority", priority=9, owner_id=user.id)
        )
        uow.commit()


def test_a_concurrent_update_becomes_precondition_failed(
    uow: SqlAlchemyUnitOfWork, session: Session
) -> None:
    note = NoteFactory()

    with uow:
        mine = uow.repository(SqlNoteRepository).get(note.id)
        assert mine is not None
        # Another writer bumps the version between our read and our write.
        session.execute(
            text("UPDATE notes SET version = version + 1 WHERE id = :id"), {"id": note.id}
        )
        session.commit()
        mine.title = "Lost update"
        with pytest.raises(PreconditionFailed):
            uow.commit()


def test_database_probe_reports_a_dead_database() -> None:
    dead: Engine = create_engine(
        "postgresql+psycopg://nobody@127.0.0.1:1/none", connect_args={"connect_timeout": 1}
    )
    uow = SqlAlchemyUnitOfWork(sessionmaker(bind=dead))

    with uow:
        assert not uow.database.answers()


def test_reading_runs_each_statement_on_its_own_and_refuses_to_commit(engine: Engine) -> None:
    database = Database.over(engine)
    uow = SqlAlchemyUnitOfWork(database.session_factory, database.read_session_factory)
    xid = text("SELECT pg_current_xact_id()::text")

    with uow.reading():
        session = uow.repository(SqlNoteRepository).session
        # Autocommit: no transaction spans the two statements, so each gets its own id.
        assert session.scalar(xid) != session.scalar(xid)
        with pytest.raises(RuntimeError, match="cannot commit"):
            uow.commit()

    with uow:  # the next unit of work is a transaction again
        session = uow.repository(SqlNoteRepository).session
        assert session.scalar(xid) == session.scalar(xid)


class Checkouts:
    """Pool checkouts of an engine, and the most connections held at once."""

    def __init__(self, engine: Engine) -> None:
        self.total = self.held = self.most_held = 0
        event.listen(engine, "checkout", self._out)
        event.listen(engine, "checkin", self._in)

    def _out(self, *_: object) -> None:
        self.total, self.held = self.total + 1, self.held + 1
        self.most_held = max(self.most_held, self.held)

    def _in(self, *_: object) -> None:
        self.held -= 1


def test_a_requests_reads_share_one_connection_and_never_hold_two(database_url: str) -> None:
    engine = create_engine(database_url)
    checkouts = Checkouts(engine)
    database = Database.over(engine)
    uow = SqlAlchemyUnitOfWork(database.session_factory, database.read_session_factory)
    backend_pid = text("SELECT pg_backend_pid()")
    try:
        with uow.reading():  # the caller's lookup
            first = uow.database.session.scalar(backend_pid)
        with uow.reading():  # the service's read
            assert uow.database.session.scalar(backend_pid) == first
        assert (checkouts.total, checkouts.held) == (1, 1)

        with uow:  # a transaction takes its own connection, after the kept one is given back
            uow.database.session.scalar(backend_pid)
        assert (checkouts.total, checkouts.most_held, checkouts.held) == (2, 1, 0)

        with uow.reading():
            uow.database.session.scalar(backend_pid)
        uow.close()  # the end of the request
        assert (checkouts.total, checkouts.most_held, checkouts.held) == (3, 1, 0)
    finally:
        engine.dispose()


def test_a_kept_session_forgets_what_a_step_loaded(database_url: str) -> None:
    """The next step reads the database, not the objects of the one before."""
    engine = create_engine(database_url)
    database = Database.over(engine)
    uow = SqlAlchemyUnitOfWork(database.session_factory, database.read_session_factory)
    try:
        with uow.reading():
            session = uow.database.session
            session.scalar(text("SELECT 1"))
            session.add(User(email="not-flushed@example.com", name="N", password_hash="x"))
        assert list(session) == []  # nothing of the step is left in the session
    finally:
        uow.close()
        engine.dispose()
