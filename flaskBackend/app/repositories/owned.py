"""The queries every owned resource shares: an owner's rows, filtered, sorted and paged."""

from __future__ import annotations

import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

from sqlalchemy import (
    ColumnElement,
    Select,
    UniqueConstraint,
    and_,
    func,
    literal,
    or_,
    select,
    tuple_,
)

from app.models.base import largest_integer
from app.models.owned import Owned
from app.repositories.base import SqlRepository

QueryT = TypeVar("QueryT", bound=Select[Any])
RowT = TypeVar("RowT", bound=Owned)


@dataclass(frozen=True, slots=True)
class Filter:
    owner_id: int | None = None  # None: every owner's rows
    equal: Mapping[str, object] = field(default_factory=dict)  # column -> value it must equal
    contains: str | None = None  # case-insensitive text in the repository's search column


@dataclass(frozen=True, slots=True)
class Order:
    field: str = "created_at"
    descending: bool = True


INT32_MAX = 2**31 - 1  # what a cursor's integer may be when the column is not an integer


@dataclass(frozen=True, slots=True)
class SortKey:
    kind: type  # the column's Python type
    nullable: bool
    largest: int  # the largest integer the column holds (if it holds integers)
    largest_id: int


class OwnedRepository(SqlRepository[RowT]):
    """A subclass names its model (an Owned one) and the column a text search looks in."""

    search_column: ClassVar[str]

    def taken(
        self, owner_id: int, column: str, value: object, *, excluding_id: int | None = None
    ) -> bool:
        """Whether another of this owner's rows already holds value in column."""
        query = select(self.model.id).where(
            self.model.owner_id == owner_id, getattr(self.model, column) == value
        )
        if excluding_id is not None:
            query = query.where(self.model.id != excluding_id)
        return self.session.scalar(query.limit(1)) is not None

    def owns(self, column: str, row_id: object, owner_id: int) -> bool:
        """Whether the row that `column` would point at exists and belongs to owner_id."""
        target = self.model.references()[column]
        query = select(target.id).where(target.id == row_id, target.owner_id == owner_id)
        return self.session.scalar(query) is not None

    def count(self, where: Filter) -> int:
        query = select(func.count()).select_from(self.model)
        return self.session.scalar(self._filtered(query, where)) or 0

    def find(self, where: Filter, order: Order, *, limit: int, offset: int) -> Sequence[RowT]:
        query = self._filtered(select(self.model), where).order_by(*self._ordering(order))
        return self.session.scalars(query.limit(limit).offset(offset)).all()

    def find_after(
        self, where: Filter, order: Order, after: tuple[object, int] | None, *, limit: int
    ) -> Sequence[RowT]:
        """Keyset paging: the rows that come after `after` (the previous page's last sort value
        and id) in this order. No OFFSET to walk and no count, so a deep page costs what the
        first does; rows inserted meanwhile never shift a page."""
        query = self._filtered(select(self.model), where)
        if after is not None:
            query = query.where(self._beyond(order, *after))
        query = query.order_by(*self._ordering(order))
        return self.session.scalars(query.limit(limit)).all()

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

    def unique_fields(self, constraint: str | None) -> tuple[str, ...]:
        """The fields a unique constraint (by its name) holds unique per owner; () if unknown."""
        for found in self.model.__table__.constraints:
            if isinstance(found, UniqueConstraint) and found.name == constraint:
                return tuple(c.name for c in found.columns if c.name != "owner_id")
        return ()

    def _beyond(self, order: Order, value: object, row_id: int) -> ColumnElement[bool]:
        """Rows after (value, row_id) in `order`; the NULLs of a nullable column come last."""
        column, id_column = getattr(self.model, order.field), self.model.id
        later = operator.lt if order.descending else operator.gt
        if order.field == "id":
            condition: ColumnElement[bool] = later(id_column, row_id)
        elif value is None:
            condition = and_(column.is_(None), later(id_column, row_id))
        else:
            # A row comparison, which the (owner_id, field, id) index answers directly.
            bound = tuple_(literal(value, column.type), literal(row_id, id_column.type))
            condition = later(tuple_(column, id_column), bound)
            if column.nullable:
                condition = or_(condition, column.is_(None))
        return condition

    def _filtered(self, query: QueryT, where: Filter) -> QueryT:
        model: type[Owned] = self.model
        if where.owner_id is not None:
            query = query.where(model.owner_id == where.owner_id)
        for column, value in where.equal.items():
            query = query.where(getattr(model, column) == value)
        if where.contains:
            column = getattr(model, self.search_column)
            query = query.where(column.icontains(where.contains, autoescape=True))
        return query

    def _ordering(self, order: Order) -> tuple[ColumnElement[Any], ...]:
        if order.field not in self.model.sortable:
            raise ValueError(f"cannot sort {self.model.__tablename__} by {order.field!r}")
        column, tie_break = getattr(self.model, order.field), self.model.id
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
