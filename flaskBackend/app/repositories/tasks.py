"""Every query about tasks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from sqlalchemy import ColumnElement, Select, func, select

from app.models import Task, TaskStatus
from app.models.task import SORTABLE_FIELDS
from app.repositories.base import SqlRepository


@dataclass(frozen=True, slots=True)
class TaskFilter:
    owner_id: int | None = None
    status: TaskStatus | None = None
    title_contains: str | None = None


@dataclass(frozen=True, slots=True)
class TaskOrder:
    field: str = "created_at"
    descending: bool = True


class TaskRepository(Protocol):
    """What services may ask of task storage; the SQL and the in-memory fake both fit it."""

    def get(self, entity_id: int, *, for_update: bool = False) -> Task | None: ...
    def add(self, entity: Task) -> None: ...
    def delete(self, entity: Task) -> None: ...
    def title_taken(
        self, owner_id: int, title: str, *, excluding_id: int | None = None
    ) -> bool: ...
    def count(self, where: TaskFilter) -> int: ...
    def find(
        self, where: TaskFilter, order: TaskOrder, *, limit: int, offset: int
    ) -> Sequence[Task]: ...


class SqlTaskRepository(SqlRepository[Task]):
    model = Task

    def title_taken(self, owner_id: int, title: str, *, excluding_id: int | None = None) -> bool:
        query = select(Task.id).where(Task.owner_id == owner_id, Task.title == title)
        if excluding_id is not None:
            query = query.where(Task.id != excluding_id)
        return self.session.scalar(query.limit(1)) is not None

    def count(self, where: TaskFilter) -> int:
        return self.session.scalar(_filtered(select(func.count()).select_from(Task), where)) or 0

    def find(
        self, where: TaskFilter, order: TaskOrder, *, limit: int, offset: int
    ) -> Sequence[Task]:
        query = _filtered(select(Task), where).order_by(*_ordering(order))
        return self.session.scalars(query.limit(limit).offset(offset)).all()


QueryT = TypeVar("QueryT", bound=Select[Any])


def _filtered(query: QueryT, where: TaskFilter) -> QueryT:
    if where.owner_id is not None:
        query = query.where(Task.owner_id == where.owner_id)
    if where.status is not None:
        query = query.where(Task.status == where.status)
    if where.title_contains:
        query = query.where(Task.title.icontains(where.title_contains, autoescape=True))
    return query


def _ordering(order: TaskOrder) -> tuple[ColumnElement[Any], ...]:
    if order.field not in SORTABLE_FIELDS:
        raise ValueError(f"cannot sort tasks by {order.field!r}")
    column = getattr(Task, order.field)
    # The id tie-break keeps pages stable when many rows share the sort value.
    if order.descending:
        ordering = (column.desc(), Task.id.desc())
    else:
        ordering = (column.asc(), Task.id.asc())
    if column.nullable:
        # Tasks without a due date come last either way. Only here: on a NOT NULL column
        # an explicit NULLS LAST would stop PostgreSQL from reading the index backwards.
        return (ordering[0].nulls_last(), ordering[1])
    return ordering
