"""Business rules for tasks: uniqueness, optimistic concurrency, paging."""

from __future__ import annotations

import datetime as dt
from collections.abc import Set
from typing import TypedDict

from app.models import Task, TaskStatus
from app.repositories.tasks import TaskFilter, TaskOrder
from app.services.auth import Principal
from app.services.errors import Conflict, NotFound, PreconditionFailed
from app.services.pagination import Page, offset_of
from app.services.unit_of_work import UnitOfWork

DEFAULT_SORT = "-created_at"


class _OptionalTaskFields(TypedDict, total=False):
    description: str | None
    status: TaskStatus
    priority: int
    due_date: dt.date | None


class NewTask(_OptionalTaskFields):
    title: str


class TaskChanges(_OptionalTaskFields, total=False):
    title: str


class TaskService:
    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def create(self, caller: Principal, fields: NewTask) -> Task:
        with self.uow:
            self._ensure_title_free(caller.user.id, fields["title"])
            task = Task(**fields, owner_id=caller.user.id)
            self.uow.tasks.add(task)
            self.uow.commit()
            return task

    def get(self, caller: Principal, task_id: int) -> Task:
        with self.uow.reading():
            return self._visible(caller, task_id)

    def list(
        self,
        caller: Principal,
        *,
        page: int = 1,
        per_page: int = 20,
        status: TaskStatus | None = None,
        search: str | None = None,
        sort: str = DEFAULT_SORT,
    ) -> Page[Task]:
        # Administrators see every task; everyone else sees their own.
        owner_id = None if caller.user.is_admin else caller.user.id
        where = TaskFilter(owner_id=owner_id, status=status, title_contains=search or None)
        order = TaskOrder(field=sort.lstrip("-"), descending=sort.startswith("-"))
        with self.uow.reading():
            total = self.uow.tasks.count(where)
            items = self.uow.tasks.find(
                where, order, limit=per_page, offset=offset_of(page, per_page)
            )
            return Page(items=items, total=total, page=page, per_page=per_page)

    def update(
        self,
        caller: Principal,
        task_id: int,
        changes: TaskChanges,
        *,
        if_version_in: Set[int] | None = None,
    ) -> Task:
        """Apply a partial update; if_version_in, when given, holds the versions the caller saw."""
        with self.uow:
            task = self._visible(caller, task_id, for_update=True)
            _check_version(task, if_version_in)
            if "title" in changes and changes["title"] != task.title:
                self._ensure_title_free(task.owner_id, changes["title"], excluding_id=task.id)
            for field, value in changes.items():
                setattr(task, field, value)
            self.uow.commit()
            return task

    def delete(
        self, caller: Principal, task_id: int, *, if_version_in: Set[int] | None = None
    ) -> None:
        with self.uow:
            task = self._visible(caller, task_id, for_update=True)
            _check_version(task, if_version_in)
            self.uow.tasks.delete(task)
            self.uow.commit()

    def _visible(self, caller: Principal, task_id: int, *, for_update: bool = False) -> Task:
        # Writes lock the row they read: a concurrent writer waits, then sees the new version,
        # so without If-Match the last write wins instead of failing on a version it never saw.
        task = self.uow.tasks.get(task_id, for_update=for_update)
        # Another user's task is "not found", not "forbidden": its existence is not leaked.
        if task is None or not (caller.user.is_admin or task.owner_id == caller.user.id):
            raise NotFound(f"Task {task_id} does not exist.")
        return task

    def _ensure_title_free(
        self, owner_id: int, title: str, *, excluding_id: int | None = None
    ) -> None:
        if self.uow.tasks.title_taken(owner_id, title, excluding_id=excluding_id):
            raise Conflict(f"A task titled {title!r} already exists.")


def _check_version(task: Task, accepted: Set[int] | None) -> None:
    if accepted is not None and task.version not in accepted:
        raise PreconditionFailed(
            f"Task {task.id} has changed since you read it (now version {task.version}); "
            "reload it and try again."
        )
