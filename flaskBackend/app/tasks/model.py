"""The Task model: the source of every task field (written by make resource)."""

# make field reads the next line to add fields to this resource: keep it.
# make resource name=tasks fields='title:str(200):unique description:text(10000)? status:enum(todo|doing|done)=todo priority:int(1..5)=3 due_date:date?' singular=task scope=owned  # noqa: E501

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import CheckConstraint, Date, SmallInteger, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.kernel.models.base import string_enum
from app.kernel.models.owned import Owned, sort_indexes


class TaskStatus(StrEnum):
    TODO = "todo"
    DOING = "doing"
    DONE = "done"


class Task(Owned):
    __tablename__ = "tasks"
    # Each has an index: the sort_indexes below, and the unique constraints.
    sortable = (*Owned.sortable, "title", "status", "priority", "due_date")
    __table_args__ = (
        UniqueConstraint("owner_id", "title"),
        CheckConstraint("priority BETWEEN 1 AND 5", name="priority_range"),
        *sort_indexes("tasks", "status", "priority", "due_date", "created_at", "updated_at", "id"),
    )

    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    status: Mapped[TaskStatus] = mapped_column(
        string_enum(TaskStatus, "status"), default=TaskStatus.TODO
    )
    priority: Mapped[int] = mapped_column(SmallInteger, default=3)
    due_date: Mapped[dt.date | None] = mapped_column(Date)
