"""The rules of an owned resource: each row belongs to one user. Administrators see every row;
anyone else sees their own, and another owner's row is "not found", not "forbidden", so its
existence is not leaked. The rest (hooks, versions, paging) is every resource's: rows.py."""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

from app.kernel.models.owned import Owned
from app.kernel.repositories.owned import OwnedRepository
from app.kernel.repositories.rows import Filter
from app.kernel.services import keyset
from app.kernel.services.errors import NotFound
from app.kernel.services.pagination import Listing
from app.kernel.services.principal import Principal
from app.kernel.services.rows import RowService

RowT = TypeVar("RowT", bound=Owned)


class OwnedService(RowService[RowT]):
    repository: ClassVar[type[OwnedRepository[Any]]]

    @property
    def rows(self) -> OwnedRepository[RowT]:
        return self.uow.repository(self.repository)

    def visible(self, caller: Principal, row_id: int, *, for_update: bool = False) -> RowT:
        row = self.rows.get(row_id, for_update=for_update)
        if row is None or not (caller.is_admin or row.owner_id == caller.user_id):
            raise NotFound(f"{self.noun.capitalize()} {row_id} does not exist.")
        return row

    def listed(self, caller: Principal, query: Listing) -> Filter:
        return keyset.filter_of(caller, query)

    def claim(self, caller: Principal, row: RowT) -> None:
        row.owner_id = caller.user_id

    def may_refer(self, row: RowT, column: str, target_id: object) -> bool:
        """Only the owner's own rows (or a shared row): another's is as absent as a missing one."""
        return self.rows.owns(column, target_id, row.owner_id)
