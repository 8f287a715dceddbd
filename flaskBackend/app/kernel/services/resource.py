"""What the five standard endpoints (controllers/owned.py register) ask of a resource's service:
OwnedService (each row a user's) and SharedService (everyone's rows, changed by admins) both
answer it, so one set of endpoints serves both."""

from __future__ import annotations

from collections.abc import Set
from typing import ClassVar, Protocol, TypeVar

from app.kernel.models.row import Row
from app.kernel.services.owned import Listing, Patch
from app.kernel.services.pagination import Page, Slice
from app.kernel.services.principal import Principal
from app.kernel.services.unit_of_work import UnitOfWork

RowT = TypeVar("RowT", bound=Row)


class ResourceService(Protocol[RowT]):
    noun: ClassVar[str]

    def __init__(self, uow: UnitOfWork) -> None: ...

    def create(self, caller: Principal, row: RowT) -> RowT: ...

    def get(self, caller: Principal, row_id: int) -> RowT: ...

    def list(self, caller: Principal, query: Listing) -> Page[RowT]: ...

    def list_by_cursor(self, caller: Principal, query: Listing) -> Slice[RowT]: ...

    def update(
        self,
        caller: Principal,
        row_id: int,
        changes: Patch[RowT],
        *,
        if_version_in: Set[int] | None = None,
    ) -> RowT: ...

    def delete(
        self, caller: Principal, row_id: int, *, if_version_in: Set[int] | None = None
    ) -> None: ...
