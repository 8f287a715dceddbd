"""Reads without the ORM: a resource's rows selected column by column, as Core rows.

Loading an ORM object costs its identity-map entry, its instance state and its load events, and
a read that is only turned into JSON uses none of them. So the reads every resource shares (a
row by id, a page, a keyset slice) select the mapped table's columns with Core, derived from the
model (no SQL of a resource's own), and each row comes back as a `Read`: SQLAlchemy's `Row`, a
named tuple whose attributes are the columns (`row.title`, `row.version`), which is all a
response, an ETag or a cursor reads. So a response's fields are columns: a value computed in
Python belongs in a schema field that computes it from them (a Method field), not on the model.

A Read is a snapshot: no relationships, nothing to change or save. Writes, and the read a write
makes first (`get(row_id, for_update=True)`), load ORM objects, so versions, defaults and events
apply to every change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeAlias

from sqlalchemy import Row, Select, select
from sqlalchemy.orm import Session

from app.kernel.models.row import Row as Model

Read: TypeAlias = Row[Any]


def columns_of(model: type[Model]) -> Select[Any]:
    """SELECT every column of the model's table: the start of each read statement."""
    return select(*model.__table__.c)


def read_all(session: Session, query: Select[Any], values: Mapping[str, object]) -> Sequence[Read]:
    return session.execute(query, values).all()


def read_one(session: Session, query: Select[Any], values: Mapping[str, object]) -> Read | None:
    return session.execute(query, values).one_or_none()
