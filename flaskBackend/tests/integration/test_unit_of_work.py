"""SqlAlchemyUnitOfWork: commit or roll back, and database errors turned into domain errors."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from app.database import Database
from app.models import Task, User
from app.repositories.tasks import SqlTaskRepository
from app.services.errors import Conflict, PreconditionFailed
from app.services.unit_of_work import SqlAlchemyUnitOfWork
from tests.factories import TaskFactory


def test_leaving_without_commit_rolls_back(
    uow: SqlAlchemyUnitOfWork, session: Session, user: User
) -> None:
    with uow:
        uow.repository(SqlTaskRepository).add(Task(title="Not kept", owner_id=user.id))

    assert session.query(Task).filter_by(title="Not kept").count() == 0


def test_commit_keeps_the_change(uow: SqlAlchemyUnitOfWork, session: Session, user: User) -> None:
    with uow:
        uow.repository(SqlTaskRepository).add(Task(title="Kept", owner_id=user.id))
        uow.commit()

    assert session.query(Task).filter_by(title="Kept").count() == 1


def test_a_unique_violation_at_commit_becomes_conflict(
    uow: SqlAlchemyUnitOfWork, session: Session, user: User
) -> None:
    TaskFactory(title="Twice")

    with uow, pytest.raises(Conflict):
        uow.repository(SqlTaskRepository).add(Task(title="Twice", owner_id=user.id))
        uow.commit()


def test_other_integrity_errors_are_not_hidden(uow: SqlAlchemyUnitOfWork, user: User) -> None:
    with uow, pytest.raises(IntegrityError):
        uow.repository(SqlTaskRepository).add(
            Task(title="Bad priority", priority=9, owner_id=user.id)
        )
        uow.commit()


def test_a_concurrent_update_becomes_precondition_failed(
    uow: SqlAlchemyUnitOfWork, session: Session
) -> None:
    task = TaskFactory()

    with uow:
        mine = uow.repository(SqlTaskRepository).get(task.id)
        assert mine is not None
        # Another writer bumps the version between our read and our write.
        session.execute(
            text("UPDATE tasks SET version = version + 1 WHERE id = :id"), {"id": task.id}
        )
        session.commit()
        mine.title = "Lost update"
        with pytest.raises(PreconditionFailed):
            uow.commit()


def test_database_probe_reports_a_dead_database() -> None:
    from sqlalchemy import create_engine

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
        session = uow.repository(SqlTaskRepository).session
        # Autocommit: no transaction spans the two statements, so each gets its own id.
        assert session.scalar(xid) != session.scalar(xid)
        with pytest.raises(RuntimeError, match="cannot commit"):
            uow.commit()

    with uow:  # the next unit of work is a transaction again
        session = uow.repository(SqlTaskRepository).session
        assert session.scalar(xid) == session.scalar(xid)
