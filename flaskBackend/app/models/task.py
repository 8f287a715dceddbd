"""The Task model: the template's example resource."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, string_enum

TITLE_MAX_LENGTH = 200
DESCRIPTION_MAX_LENGTH = 10_000
PRIORITY_RANGE = (1, 5)
# The fields a list may be sorted by; every one is indexed.
SORTABLE_FIELDS = ("id", "title", "status", "priority", "due_date", "created_at", "updated_at")


class TaskStatus(StrEnum):
    TODO = "todo"
    DOING = "doing"
    DONE = "done"


class Task(Base):
    __tablename__ = "tasks"
    __table_args__ = (
        # Titles are unique per owner: two users may both have "Buy milk".
        UniqueConstraint("owner_id", "title"),
        CheckConstraint(
            f"priority BETWEEN {PRIORITY_RANGE[0]} AND {PRIORITY_RANGE[1]}", name="priority_range"
        ),
        # One index per sort order of an owner's list: the page is read in index order, and
        # a deep page walks the index instead of sorting every row. The id makes it total.
        *(
            Index(f"ix_tasks_owner_id_{field}_id", "owner_id", field, "id")
            for field in ("status", "priority", "due_date", "created_at", "updated_at")
        ),
        Index("ix_tasks_owner_id_id", "owner_id", "id"),
    )

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(TITLE_MAX_LENGTH))
    description: Mapped[str | None] = mapped_column(Text)
    status: Mapped[TaskStatus] = mapped_column(
        string_enum(TaskStatus, "status"), default=TaskStatus.TODO
    )
    priority: Mapped[int] = mapped_column(SmallInteger, default=3)
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    # The time of the UPDATE statement itself: now() is the transaction's start, which in a long
    # transaction (or a test's) would make an update look as old as the insert.
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.statement_timestamp()
    )
    # Bumped by SQLAlchemy on every UPDATE; the ETag, and a guard against lost updates.
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version, "eager_defaults": True}
