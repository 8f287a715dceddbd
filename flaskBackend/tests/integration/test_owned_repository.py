"""OwnedRepository on the real schema, through the tests' notes: what the database fills in,
what a change bumps, and the search and sort details the contract does not pin.
(These were tests of the tasks example; on notes they survive make remove-resource name=tasks.)"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session

from app.accounts.models.user import User
from app.kernel.repositories.rows import Filter, Order
from tests.notes.factories import NoteFactory
from tests.notes.model import Note, NoteStatus
from tests.notes.repository import SqlNoteRepository


@pytest.fixture
def repository(session: Session) -> SqlNoteRepository:
    return SqlNoteRepository(session)


def test_database_fills_defaults_and_timestamps(
    repository: SqlNoteRepository, session: Session, user: User
) -> None:
    note = Note(title="Defaults", owner_id=user.id)
    repository.add(note)
    session.flush()

    assert (note.status, note.priority, note.version) == (NoteStatus.TODO, 3, 1)
    assert note.created_at.tzinfo is not None
    assert note.created_at == note.updated_at


def test_update_bumps_version_and_updated_at(session: Session) -> None:
    note = NoteFactory()
    created = note.updated_at
    session.commit()

    note.priority = 5
    session.commit()

    assert note.version == 2
    assert note.updated_at > created
    assert note.created_at == created


@pytest.mark.parametrize("wildcard", ["%", "_"])
def test_search_treats_sql_wildcards_as_plain_text(
    repository: SqlNoteRepository, wildcard: str
) -> None:
    NoteFactory(title=f"100{wildcard} done")
    NoteFactory(title="1000 done")

    found = repository.find(Filter(contains=f"0{wildcard}"), Order(), limit=10, offset=0)

    assert [n.title for n in found] == [f"100{wildcard} done"]


def test_rows_without_a_value_sort_last_either_way(repository: SqlNoteRepository) -> None:
    NoteFactory(title="none", due_date=None)
    NoteFactory(title="later", due_date=dt.date(2030, 1, 2))
    NoteFactory(title="sooner", due_date=dt.date(2030, 1, 1))

    ascending = repository.find(Filter(), Order("due_date", False), limit=3, offset=0)
    descending = repository.find(Filter(), Order("due_date", True), limit=3, offset=0)

    assert [n.title for n in ascending] == ["sooner", "later", "none"]
    assert [n.title for n in descending] == ["later", "sooner", "none"]


def test_find_refuses_an_unknown_sort_field(repository: SqlNoteRepository) -> None:
    with pytest.raises(ValueError, match="password"):
        repository.find(Filter(), Order("password"), limit=1, offset=0)
