"""In-memory stand-ins for the repositories and the unit of work: service tests need no database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from app.models import Task, TaskStatus
from app.repositories.tasks import TaskFilter, TaskOrder
from app.services.unit_of_work import UnitOfWork


class FakeTaskRepository:
    def __init__(self) -> None:
        self.rows: dict[int, Task] = {}
        self._next_id = 1

    def get(self, entity_id: int) -> Task | None:
        return self.rows.get(entity_id)

    def add(self, entity: Task) -> None:
        entity.id = self._next_id
        entity.version = 1
        entity.status = entity.status or TaskStatus.TODO
        entity.priority = entity.priority or 3
        entity.created_at = entity.updated_at = dt.datetime.now(dt.UTC)
        self.rows[entity.id] = entity
        self._next_id += 1

    def delete(self, entity: Task) -> None:
        del self.rows[entity.id]

    def title_taken(self, title: str, *, excluding_id: int | None = None) -> bool:
        return any(t.title == title and t.id != excluding_id for t in self.rows.values())

    def count(self, where: TaskFilter) -> int:
        return len(self._matching(where))

    def find(
        self, where: TaskFilter, order: TaskOrder, *, limit: int, offset: int
    ) -> Sequence[Task]:
        rows = sorted(
            self._matching(where), key=lambda t: getattr(t, order.field), reverse=order.descending
        )
        return rows[offset : offset + limit]

    def _matching(self, where: TaskFilter) -> list[Task]:
        needle = (where.title_contains or "").lower()
        return [
            t
            for t in self.rows.values()
            if (where.status is None or t.status == where.status) and needle in t.title.lower()
        ]


class FakeProbe:
    def __init__(self, *, answers: bool = True) -> None:
        self._answers = answers

    def answers(self) -> bool:
        return self._answers


class FakeUnitOfWork(UnitOfWork):
    def __init__(self, *, database_answers: bool = True) -> None:
        self.tasks = FakeTaskRepository()
        self.database = FakeProbe(answers=database_answers)  # type: ignore[assignment]
        self.commits = 0
        self.rollbacks = 0

    def commit(self) -> None:
        self.commits += 1

    def rollback(self) -> None:
        self.rollbacks += 1

    def __exit__(self, *exc_info: Any) -> None:
        self.rollback()
