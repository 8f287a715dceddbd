"""The base of every shared resource: rows every signed-in user reads and only admins change
(categories, tags, plans). No owner: a unique field is unique across the whole table."""

from __future__ import annotations

from sqlalchemy import Index

from app.kernel.models.row import Row

# Columns the server sets: never in a request body, never filled from one.
SERVER_FIELDS = ("id", "created_at", "updated_at", "version")


class Shared(Row):
    """The base of a model whose rows belong to no one and are read by everyone."""

    __abstract__ = True


def sort_indexes(table: str, *fields: str) -> tuple[Index, ...]:
    """One index per sort order of the list, the id last to make the order total; the primary
    key already serves the order by id."""
    return tuple(Index(f"ix_{table}_{field}_id", field, "id") for field in fields if field != "id")
