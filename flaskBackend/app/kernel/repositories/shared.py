"""The queries of a shared resource: every resource's (rows.py), over the whole table."""

from __future__ import annotations

from typing import TypeVar

from app.kernel.models.shared import Shared
from app.kernel.repositories.rows import RowRepository

RowT = TypeVar("RowT", bound=Shared)


class SharedRepository(RowRepository[RowT]):
    """A subclass names its model (a Shared one) and the column a text search looks in. Lists
    are never filtered by owner: a shared row is everyone's."""
