"""Note: an owned resource of the tests' own, so the kernel's tests (paging, cursors, ETags, bad
input, the matrix) need no resource of the app: removing the example leaves them whole.

Its table is created by the tests (conftest.py), never by a migration: `info` marks it, and
alembic/env.py leaves tables so marked out of the models it compares."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import CheckConstraint, Date, SmallInteger, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.kernel.models.base import string_enum
from app.kernel.models.owned import Owned, sort_indexes

PRIORITY_RANGE = (1, 5)


class NoteStatus(StrEnum):
    TODO = "todo"
    DOING = "doing"
    DONE = "done"


class Note(Owned):
    __tablename__ = "notes"
    # Each has an index: the sort_indexes below, and title's unique constraint.
    sortable = (*Owned.sortable, "title", "status", "priority", "due_date")
    __table_args__ = (
        # Titles are unique per owner: two users may both have "Buy milk".
        UniqueConstraint("owner_id", "title"),
        CheckConstraint(
            f"priority BETWEEN {PRIORITY_RANGE[0]} AND {PRIORITY_RANGE[1]}", name="priority_range"
        ),
        *sort_indexes("notes", "status", "priority", "due_date", "created_at", "updated_at", "id"),
        {"info": {"test_only": True}},
    )

    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    status: Mapped[NoteStatus] = mapped_column(
        string_enum(NoteStatus, "status"), default=NoteStatus.TODO
    )
    priority: Mapped[int] = mapped_column(SmallInteger, default=3)
    due_date: Mapped[dt.date | None] = mapped_column(Date)
