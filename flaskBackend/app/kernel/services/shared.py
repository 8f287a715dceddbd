"""The rules of a shared resource (categories, tags): rows that belong to no one. Every
signed-in user lists and reads them; only administrators create, change or delete them, and
anyone else is Forbidden (a 403: the row is no secret). A unique field is unique across the
table. The rest (hooks, versions, paging) is every resource's: rows.py."""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

from app.kernel.models.shared import Shared
from app.kernel.repositories.rows import Filter
from app.kernel.repositories.shared import SharedRepository
from app.kernel.services import keyset
from app.kernel.services.errors import Forbidden, NotFound
from app.kernel.services.pagination import Listing
from app.kernel.services.principal import Principal
from app.kernel.services.rows import RowService

RowT = TypeVar("RowT", bound=Shared)


class SharedService(RowService[RowT]):
    repository: ClassVar[type[SharedRepository[Any]]]

    def visible(self, caller: Principal, row_id: int, *, for_update: bool = False) -> RowT:
        row = self.rows.get(row_id, for_update=for_update)
        if row is None:
            raise NotFound(f"{self.noun.capitalize()} {row_id} does not exist.")
        return row

    def listed(self, caller: Principal, query: Listing) -> Filter:
        return keyset.matching(query)

    def ensure_may_write(self, caller: Principal) -> None:
        if not caller.is_admin:
            raise Forbidden(f"Only an administrator may create, change or delete a {self.noun}.")
