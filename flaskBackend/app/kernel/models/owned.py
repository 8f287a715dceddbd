"""The base of every owned resource: a row (models/row.py) that belongs to one user."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from app.kernel.models.row import Row

# Columns the server sets: never in a request body, never filled from one.
SERVER_FIELDS = ("id", "owner_id", "created_at", "updated_at", "version")


class Owned(Row):
    """The base of a model whose rows each belong to one user. A reference to another owned
    resource's row must be to a row of the same owner (see OwnedService); a reference to a
    shared row only to one that exists."""

    __abstract__ = True

    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))


def sort_indexes(table: str, *fields: str) -> tuple[Index, ...]:
    """One index per sort order of an owner's list: the page is read in index order, and a deep
    page walks the index instead of sorting every row. The id makes the order total."""
    return tuple(
        Index(f"ix_{table}_owner_id_{field}_id", "owner_id", field, "id")
        if field != "id"
        else Index(f"ix_{table}_owner_id_id", "owner_id", "id")
        for field in fields
    )
