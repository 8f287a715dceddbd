"""The queries every resource shares, owned or shared: rows filtered, sorted and paged."""

from __future__ import annotations

import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, ClassVar, TypeVar

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    func,
    or_,
    select,
    tuple_,
)

from app.kernel.models.base import largest_integer
from app.kernel.models.row import Row
from app.kernel.repositories.base import SqlRepository
from app.kernel.repositories.reads import Read, columns_of, read_all, read_one
from app.kernel.repositories.statements import LIKE_ESCAPE, built_once, like_pattern

QueryT = TypeVar("QueryT", bound=Select[Any])
RowT = TypeVar("RowT", bound=Row)


@dataclass(frozen=True, slots=True)
class Filter:
    owner_id: int | None = None  # one owner's rows; None: every row (always, when shared)
    equal: Mapping[str, object] = field(default_factory=dict)  # column -> value it must equal
    contains: str | None = None  # case-insensitive text in the repository's search column
    ids: Sequence[int] | None = None  # only these rows (a screen naming the rows it refers to)


@dataclass(frozen=True, slots=True)
class Order:
    field: str = "created_at"
    descending: bool = True


# The statements' own parameters. Each filter's value is bound under its column's name, so no
# list filters by a column of one of these names.
PARAMETERS = frozenset(
    {"owner_id", "id", "ids", "contains", "limit", "offset", "after_value", "after_id"}
)
INT32_MAX = 2**31 - 1  # what a cursor's integer may be when the column is not an integer


@dataclass(frozen=True, slots=True)
class SortKey:
    kind: type  # the column's Python type
    nullable: bool
    largest: int  # the largest integer the column holds (if it holds integers)
    largest_id: int


class RowRepository(SqlRepository[RowT]):
    """A subclass names its model and the column a text search looks in.

    Reads (`read`, `find`, `find_after`) return Core rows (reads.py), not ORM objects. Every
    statement is built once per shape (statements.py) and run with the values as
    parameters: a list's statement depends on which filters are set and on the order, never on
    the values, so each resource has a handful of them."""

    search_column: ClassVar[str]

    def refers_to_a_row(self, column: str, row_id: object) -> bool:
        """Whether the row that `column` would point at exists."""
        query = _existing(self.model.references()[column])
        return self.session.scalar(query, {"id": row_id}) is not None

    def read(self, where: Filter, row_id: int) -> Read | None:
        """The row with this id, if it is one of the rows `where` selects."""
        query = _one(self.model, self._shape(where))
        return read_one(self.session, query, {**self._values(where), "id": row_id})

    def count(self, where: Filter) -> int:
        query = _count(self.model, self._shape(where))
        return self.session.scalar(query, self._values(where)) or 0

    def find(self, where: Filter, order: Order, *, limit: int, offset: int) -> Sequence[Read]:
        query = _page(self.model, self._shape(where), order)
        values = {**self._values(where), "limit": limit, "offset": offset}
        return read_all(self.session, query, values)

    def find_after(
        self, where: Filter, order: Order, after: tuple[object, int] | None, *, limit: int
    ) -> Sequence[Read]:
        """Keyset paging: the rows that come after `after` (the previous page's last sort value
        and id) in this order. No OFFSET to walk and no count, so a deep page costs what the
        first does; rows inserted meanwhile never shift a page."""
        position = Start.FIRST if after is None else Start.after(after[0])
        query = _slice(self.model, self._shape(where), order, position)
        values = {**self._values(where), "limit": limit}
        if after is not None:
            values.update(after_value=after[0], after_id=after[1])
        return read_all(self.session, query, values)

    def sort_key(self, field: str) -> SortKey:
        """What a value of a sort field (and an id) may be, so a cursor is checked before SQL."""
        if field not in self.model.sortable:
            raise ValueError(f"cannot sort {self.model.__tablename__} by {field!r}")
        column, id_column = self.model.__table__.c[field], self.model.__table__.c.id
        return SortKey(
            kind=column.type.python_type,
            nullable=bool(column.nullable),
            largest=largest_integer(column.type) or INT32_MAX,
            largest_id=largest_integer(id_column.type) or INT32_MAX,
        )

    def _shape(self, where: Filter) -> Shape:
        if clash := PARAMETERS.intersection(where.equal):
            raise ValueError(f"cannot filter {self.model.__tablename__} by {sorted(clash)}")
        return Shape(
            owner=where.owner_id is not None,
            equal=tuple(sorted(where.equal)),
            search=getattr(self, "search_column", None) if where.contains else None,
            ids=where.ids is not None,
        )

    @staticmethod
    def _values(where: Filter) -> dict[str, object]:
        values: dict[str, object] = {**where.equal, "owner_id": where.owner_id}
        if where.contains:
            values["contains"] = like_pattern(where.contains)
        if where.ids is not None:
            values["ids"] = list(where.ids)
        return values


@dataclass(frozen=True, slots=True)
class Shape:
    """What a list statement depends on: which filters are set, not their values."""

    owner: bool
    equal: tuple[str, ...]  # columns that must equal a value, sorted
    search: str | None  # the column a text search looks in, if one is asked for
    ids: bool  # whether only some ids are asked for (one IN list, however many)


@built_once
def _existing(model: type[Row]) -> Select[Any]:
    return select(model.id).where(model.id == bindparam("id"))


@built_once
def _one(model: type[Row], shape: Shape) -> Select[Any]:
    return _filtered(model, columns_of(model), shape).where(model.__table__.c.id == bindparam("id"))


@built_once
def _count(model: type[Row], shape: Shape) -> Select[Any]:
    return _filtered(model, select(func.count()).select_from(model.__table__), shape)


@built_once
def _page(model: type[Row], shape: Shape, order: Order) -> Select[Any]:
    query = _filtered(model, columns_of(model), shape).order_by(*_ordering(model, order))
    return query.limit(bindparam("limit")).offset(bindparam("offset"))


class Start(Enum):
    """Where a keyset slice starts: a slice's statement differs for each (built once per kind)."""

    FIRST = "the first rows"
    AFTER_VALUE = "after a row with a value in the sort column"
    AFTER_NULL = "after a row without one (those come last)"

    @classmethod
    def after(cls, sort_value: object) -> Start:
        return cls.AFTER_NULL if sort_value is None else cls.AFTER_VALUE


@built_once
def _slice(model: type[Row], shape: Shape, order: Order, start: Start) -> Select[Any]:
    query = _filtered(model, columns_of(model), shape)
    if start is not Start.FIRST:
        query = query.where(_beyond(model, order, start is Start.AFTER_NULL))
    return query.order_by(*_ordering(model, order)).limit(bindparam("limit"))


def _beyond(model: type[Row], order: Order, after_null: bool) -> ColumnElement[bool]:
    """Rows after (:after_value, :after_id) in `order`; the NULLs of a nullable column come
    last."""
    column, id_column = model.__table__.c[order.field], model.__table__.c.id
    later = operator.lt if order.descending else operator.gt
    after_id = bindparam("after_id", type_=id_column.type)
    if order.field == "id":
        condition: ColumnElement[bool] = later(id_column, after_id)
    elif after_null:
        condition = and_(column.is_(None), later(id_column, after_id))
    else:
        # A row comparison, which the (owner_id, field, id) index answers directly.
        bound = tuple_(bindparam("after_value", type_=column.type), after_id)
        condition = later(tuple_(column, id_column), bound)
        if column.nullable:
            condition = or_(condition, column.is_(None))
    return condition


def _filtered(model: type[Row], query: QueryT, shape: Shape) -> QueryT:
    # Table columns, not the model's attributes: those would make a read an ORM statement.
    columns = model.__table__.c
    if shape.owner:  # only an Owned model has owners
        query = query.where(columns.owner_id == bindparam("owner_id"))
    for name in shape.equal:
        query = query.where(columns[name] == bindparam(name))  # bound under its own name
    if shape.search:
        column = columns[shape.search]
        query = query.where(column.icontains(bindparam("contains"), escape=LIKE_ESCAPE))
    if shape.ids:
        query = query.where(columns.id.in_(bindparam("ids", expanding=True)))
    return query


def _ordering(model: type[Row], order: Order) -> tuple[ColumnElement[Any], ...]:
    if order.field not in model.sortable:
        raise ValueError(f"cannot sort {model.__tablename__} by {order.field!r}")
    column, tie_break = model.__table__.c[order.field], model.__table__.c.id
    # The id tie-break keeps pages stable when many rows share the sort value.
    if order.descending:
        ordering = (column.desc(), tie_break.desc())
    else:
        ordering = (column.asc(), tie_break.asc())
    if column.nullable:
        # Rows without a value come last either way. Only here: on a NOT NULL column an
        # explicit NULLS LAST would stop PostgreSQL from reading the index backwards.
        return (ordering[0].nulls_last(), ordering[1])
    return ordering
