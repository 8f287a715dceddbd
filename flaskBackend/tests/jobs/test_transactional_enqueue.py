"""A job enqueued in a unit of work commits with its data, or not at all: against the real
database, seen from a second connection."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from app.kernel.services.errors import Conflict
from app.kernel.services.unit_of_work import SqlAlchemyUnitOfWork
from tests.jobs.conftest import queued_elsewhere
from tests.notes.model import Note
from tests.notes.repository import SqlNoteRepository

EXAMPLE = "tests.example"


def test_a_committed_job_is_queued_for_every_worker_to_see(
    committing_uow: SqlAlchemyUnitOfWork, engine: Engine
) -> None:
    with committing_uow:
        committing_uow.enqueue(EXAMPLE, number=1)
        assert queued_elsewhere(engine, EXAMPLE) == []  # not before the commit
        committing_uow.commit()

    assert queued_elsewhere(engine, EXAMPLE) == [{"number": 1}]


def test_a_job_whose_unit_of_work_is_not_committed_is_never_queued(
    committing_uow: SqlAlchemyUnitOfWork, engine: Engine
) -> None:
    with committing_uow:
        committing_uow.enqueue(EXAMPLE, number=2)

    assert queued_elsewhere(engine, EXAMPLE) == []


def test_a_write_that_fails_at_commit_takes_its_job_with_it(
    committing_uow: SqlAlchemyUnitOfWork, engine: Engine
) -> None:
    with committing_uow:
        committing_uow.enqueue(EXAMPLE, number=3)
        # A note of no user: the commit fails on the foreign key, as a request's write might.
        committing_uow.repository(SqlNoteRepository).add(Note(owner_id=-1, title="orphan"))
        with pytest.raises(Conflict):
            committing_uow.commit()

    assert queued_elsewhere(engine, EXAMPLE) == []


def test_a_reading_unit_of_work_refuses_to_enqueue(committing_uow: SqlAlchemyUnitOfWork) -> None:
    with committing_uow.reading(), pytest.raises(RuntimeError, match="cannot enqueue"):
        committing_uow.enqueue(EXAMPLE, number=4)
