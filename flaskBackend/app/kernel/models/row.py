"""The columns every resource's row has, owned or shared: id, timestamps and the version (ETag)."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import DateTime, Identity, Table, UniqueConstraint, func
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from app.kernel.models.base import Base

_references: dict[type[Row], dict[str, type[Row]]] = {}


class Row(Base):
    """The base of Owned (a user's rows) and Shared (everyone's rows, changed by admins)."""

    __abstract__ = True

    id: Mapped[int] = mapped_column(Identity(), primary_key=True)
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

    # What a list may be sorted by; each should have an index (see sort_indexes).
    sortable: ClassVar[tuple[str, ...]] = ("id", "created_at", "updated_at")

    @classmethod
    def references(cls) -> dict[str, type[Row]]:
        """Each column that points at another resource's row, with that row's model:
        `book_id` -> Book, `category_id` -> Category. Found once per model (the mappers are
        complete by the first request), then kept."""
        if cls not in _references:
            found = {}
            # Column by column, in the table's order: the set of foreign keys has none, and
            # tests run in parallel need each process to list the references alike.
            for column in cls.__table__.columns:
                for key in column.foreign_keys:
                    if key.parent.name == "owner_id":
                        continue
                    mapper = next(
                        m for m in cls.registry.mappers if m.local_table is key.column.table
                    )
                    found[key.parent.name] = mapper.class_
            _references[cls] = found
        return _references[cls]

    @classmethod
    def unique_fields(cls) -> dict[str, tuple[str, ...]]:
        """Each unique constraint's name, with the fields it keeps unique (per owner, for an
        owned row): the one declaration of a uniqueness rule, read when the database reports a
        violation."""
        table = cls.__table__
        assert isinstance(table, Table)  # noqa: S101 - a mapped class's table, never a join
        constraints = [found for found in table.constraints if isinstance(found, UniqueConstraint)]
        # Sorted by name: a table's constraints are a set, and tests run in parallel need each
        # process to list them alike.
        return {
            str(found.name): tuple(c.name for c in found.columns if c.name != "owner_id")
            for found in sorted(constraints, key=lambda found: str(found.name))
        }

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version, "eager_defaults": True}
