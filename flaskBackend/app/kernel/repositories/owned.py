"""The queries of an owned resource beyond every resource's (rows.py): whether a referenced row
is one the owner may point at."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import Select, bindparam, select

from app.kernel.models.owned import Owned
from app.kernel.repositories.rows import RowRepository
from app.kernel.repositories.statements import built_once

RowT = TypeVar("RowT", bound=Owned)


class OwnedRepository(RowRepository[RowT]):
    """A subclass names its model (an Owned one) and the column a text search looks in."""

    def owns(self, column: str, row_id: object, owner_id: int) -> bool:
        """Whether the row that `column` would point at exists and belongs to owner_id; a shared
        row (one without an owner) belongs to everyone, so it only has to exist."""
        target = self.model.references()[column]
        if not issubclass(target, Owned):
            return self.refers_to_a_row(column, row_id)
        query = _owned_row(target)
        return self.session.scalar(query, {"id": row_id, "owner_id": owner_id}) is not None


@built_once
def _owned_row(model: type[Owned]) -> Select[Any]:
    return select(model.id).where(
        model.id == bindparam("id"), model.owner_id == bindparam("owner_id")
    )
