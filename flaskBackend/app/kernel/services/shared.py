"""The rules every shared resource shares: everyone signed in reads, administrators write."""

from __future__ import annotations

from collections.abc import Mapping, Set
from typing import Any, ClassVar, Generic, TypeVar

from app.kernel.models.shared import Shared
from app.kernel.repositories.shared import SharedRepository
from app.kernel.services import keyset
from app.kernel.services.errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    PreconditionFailed,
)
from app.kernel.services.owned import Listing, Patch
from app.kernel.services.pagination import Page, Slice, offset_of
from app.kernel.services.principal import Principal
from app.kernel.services.unit_of_work import UnitOfWork

RowT = TypeVar("RowT", bound=Shared)


class SharedService(Generic[RowT]):
    """Create, get, list, update and delete rows that belong to no one (categories, tags):
    every signed-in user lists and reads them; only administrators create, change or delete
    them, and anyone else is Forbidden (a 403: the row is no secret). A unique field is unique
    across the table, as the model's unique constraints say."""

    repository: ClassVar[type[SharedRepository[Any]]]
    noun: ClassVar[str]  # "category": what error messages call one row

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow
        self.references = tuple(self.repository.model.references())

    @property
    def rows(self) -> SharedRepository[RowT]:
        return self.uow.repository(self.repository)

    def create(self, caller: Principal, row: RowT) -> RowT:
        self._ensure_admin(caller)
        with self.uow.single_statement():
            self._ensure_references({n: getattr(row, n) for n in self.references})
            self.rows.add(row)
            with keyset.naming_conflicts(self.rows, self.noun, row):
                self.uow.commit()
            return row

    def get(self, caller: Principal, row_id: int) -> RowT:
        with self.uow.reading():
            return self._found(row_id)

    def list(self, caller: Principal, query: Listing) -> Page[RowT]:
        where, order = keyset.matching(query), keyset.order_of(query.sort)
        offset = offset_of(query.page, query.per_page)
        with self.uow.reading():
            total = self.rows.count(where)
            items = self.rows.find(where, order, limit=query.per_page, offset=offset)
            return Page(items=items, total=total, page=query.page, per_page=query.per_page)

    def list_by_cursor(self, caller: Principal, query: Listing) -> Slice[RowT]:
        """The slice after query.cursor: keyset paging, for lists too long to count."""
        with self.uow.reading():
            return keyset.slice_of(self.rows, keyset.matching(query), query)

    def update(
        self,
        caller: Principal,
        row_id: int,
        changes: Patch[RowT],
        *,
        if_version_in: Set[int] | None = None,
    ) -> RowT:
        """Apply a partial update; if_version_in, when given, holds the versions the caller saw."""
        self._ensure_admin(caller)
        with self.uow:
            row = self._found(row_id, for_update=True)
            self._check_version(row, if_version_in)
            new = {name: getattr(changes.values, name) for name in changes.fields}
            self._ensure_references({n: new[n] for n in self.references if n in new})
            for name, value in new.items():
                setattr(row, name, value)
            # The new values name a conflict: the row itself is reloaded by the rollback.
            with keyset.naming_conflicts(self.rows, self.noun, changes.values):
                self.uow.commit()
            return row

    def delete(
        self, caller: Principal, row_id: int, *, if_version_in: Set[int] | None = None
    ) -> None:
        self._ensure_admin(caller)
        with self.uow:
            row = self._found(row_id, for_update=True)
            self._check_version(row, if_version_in)
            self.rows.delete(row)
            try:
                self.uow.commit()
            except Conflict as error:  # another row (anyone's) still points at this one
                raise Conflict(
                    f"{self.noun.capitalize()} {row_id} is still in use: delete or change "
                    "what refers to it first."
                ) from error

    def _ensure_admin(self, caller: Principal) -> None:
        if not caller.is_admin:
            raise Forbidden(f"Only an administrator may create, change or delete a {self.noun}.")

    def _found(self, row_id: int, *, for_update: bool = False) -> RowT:
        # Writes lock the row they read, as OwnedService's do: the last write wins, not a 500.
        row = self.rows.get(row_id, for_update=for_update)
        if row is None:
            raise NotFound(f"{self.noun.capitalize()} {row_id} does not exist.")
        return row

    def _ensure_references(self, values: Mapping[str, object]) -> None:
        """A shared row may point only at rows that exist (of another shared resource)."""
        for column, value in values.items():
            if value is not None and not self.rows.refers_to_a_row(column, value):
                name = column.removesuffix("_id").replace("_", " ")
                raise InvalidInput(column, f"There is no {name} {value}.")

    def _check_version(self, row: RowT, accepted: Set[int] | None) -> None:
        if accepted is not None and row.version not in accepted:
            raise PreconditionFailed(
                f"{self.noun.capitalize()} {row.id} has changed since you read it "
                f"(now version {row.version}); reload it and try again."
            )
