"""Reads without the ORM (repositories/reads.py), on the tests' notes: a Core row holds what the
model object holds, dumps to the same JSON, and a read sees only the rows its filter selects."""

from __future__ import annotations

import pytest
from marshmallow import Schema
from sqlalchemy.orm import Session

from app.accounts.models.user import User
from app.kernel.repositories.rows import Filter, Order
from tests.factories import UserFactory
from tests.notes.factories import NoteFactory
from tests.notes.model import Note
from tests.notes.repository import SqlNoteRepository
from tests.notes.schemas import NoteSchema


def test_a_read_row_holds_every_column_of_the_model_object(session: Session, user: User) -> None:
    note = NoteFactory(owner=user, description="Both kinds", due_date=None)
    session.flush()

    found = SqlNoteRepository(session).read(Filter(owner_id=user.id), note.id)

    assert found is not None
    assert not isinstance(found, Note)
    for column in [c.key for c in Note.__table__.c]:
        assert getattr(found, column) == getattr(note, column), column


def test_a_read_row_dumps_to_the_model_object_s_json(session: Session, user: User) -> None:
    notes = NoteFactory.create_batch(3, owner=user)
    session.flush()

    found = SqlNoteRepository(session).find(
        Filter(owner_id=user.id), Order("id", False), limit=3, offset=0
    )

    schema = NoteSchema()
    assert schema.dump(found, many=True) == Schema.dump(schema, notes, many=True)


def test_a_read_sees_only_the_rows_its_filter_selects(session: Session, user: User) -> None:
    theirs = NoteFactory(owner=UserFactory())
    session.flush()
    repository = SqlNoteRepository(session)

    assert repository.read(Filter(owner_id=user.id), theirs.id) is None
    assert repository.read(Filter(), theirs.id) is not None  # an administrator's filter


def test_a_filter_may_not_take_the_name_of_a_statement_parameter(session: Session) -> None:
    with pytest.raises(ValueError, match="limit"):
        SqlNoteRepository(session).find(Filter(equal={"limit": 1}), Order(), limit=1, offset=0)
