"""In-memory stand-ins for the repositories and the unit of work: service tests need no database."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections.abc import Sequence
from typing import Any

from app.models import RefreshToken, Task, TaskStatus, User, UserRole
from app.repositories.tasks import TaskFilter, TaskOrder
from app.services.unit_of_work import UnitOfWork

_ids = itertools.count(1)


class FakeTaskRepository:
    def __init__(self) -> None:
        self.rows: dict[int, Task] = {}

    def get(self, entity_id: int, *, for_update: bool = False) -> Task | None:
        return self.rows.get(entity_id)

    def add(self, entity: Task) -> None:
        entity.id = next(_ids)
        entity.version = 1
        entity.status = entity.status or TaskStatus.TODO
        entity.priority = entity.priority or 3
        entity.created_at = entity.updated_at = dt.datetime.now(dt.UTC)
        self.rows[entity.id] = entity

    def delete(self, entity: Task) -> None:
        del self.rows[entity.id]

    def title_taken(self, owner_id: int, title: str, *, excluding_id: int | None = None) -> bool:
        return any(
            t.owner_id == owner_id and t.title == title and t.id != excluding_id
            for t in self.rows.values()
        )

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
            if (where.owner_id is None or t.owner_id == where.owner_id)
            and (where.status is None or t.status == where.status)
            and needle in t.title.lower()
        ]


class FakeUserRepository:
    def __init__(self) -> None:
        self.rows: dict[int, User] = {}

    def get(self, entity_id: int) -> User | None:
        return self.rows.get(entity_id)

    def add(self, entity: User) -> None:
        entity.id = next(_ids)
        entity.role = entity.role or UserRole.USER
        entity.is_active = True if entity.is_active is None else entity.is_active
        entity.created_at = dt.datetime.now(dt.UTC)
        self.rows[entity.id] = entity

    def by_email(self, email: str) -> User | None:
        return next((u for u in self.rows.values() if u.email == email), None)

    def count(self) -> int:
        return len(self.rows)

    def page(self, *, limit: int, offset: int) -> Sequence[User]:
        return sorted(self.rows.values(), key=lambda u: u.id)[offset : offset + limit]


class FakeRefreshTokenRepository:
    def __init__(self) -> None:
        self.rows: list[RefreshToken] = []

    def add(self, entity: RefreshToken) -> None:
        self.rows.append(entity)

    def by_hash(self, token_hash: str) -> RefreshToken | None:
        return next((t for t in self.rows if t.token_hash == token_hash), None)

    def revoke_family(self, family: uuid.UUID, at: dt.datetime) -> None:
        for token in self.rows:
            if token.family == family and token.revoked_at is None:
                token.revoked_at = at

    def revoke_all_of(self, user_id: int, at: dt.datetime, *, except_family: uuid.UUID) -> None:
        for token in self.rows:
            if token.user_id == user_id and token.family != except_family:
                token.revoked_at = token.revoked_at or at


class FakeProbe:
    def __init__(self, *, answers: bool = True) -> None:
        self._answers = answers

    def answers(self) -> bool:
        return self._answers


class FakeUnitOfWork(UnitOfWork):
    def __init__(self, *, database_answers: bool = True) -> None:
        self.tasks = FakeTaskRepository()
        self.users = FakeUserRepository()
        self.refresh_tokens = FakeRefreshTokenRepository()
        self.database = FakeProbe(answers=database_answers)  # type: ignore[assignment]
        self.commits = 0
        self.rollbacks = 0

    def commit(self) -> None:
        self.commits += 1

    def rollback(self) -> None:
        self.rollbacks += 1

    def __exit__(self, *exc_info: Any) -> None:
        self.rollback()
