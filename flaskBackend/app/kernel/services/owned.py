"""The rules every owned resource shares: visibility, uniqueness per owner, versions, paging."""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass, field
from typing import Any, ClassVar, Generic, TypeVar

from app.kernel.models.owned import Owned
from app.kernel.repositories.owned import OwnedRepository
from app.kernel.services import keyset
from app.kernel.services.errors import Conflict, InvalidInput, NotFound, PreconditionFailed
from app.kernel.services.pagination import Page, Slice, offset_of
from app.kernel.services.principal import Principal
from app.kernel.services.unit_of_work import UnitOfWork

RowT = TypeVar("RowT", bound=Owned)
ValuesT = TypeVar("ValuesT")  # any resource's row: owned or shared


@dataclass(frozen=True, slots=True)
class Listing:
    """Which page of a list, in which order; `filters` are column values rows must equal.
    A `cursor` ("" for the first slice) asks for keyset paging instead of a numbered page."""

    page: int = 1
    per_page: int = 20
    sort: str = "-created_at"
    search: str | None = None
    filters: Mapping[str, object] = field(default_factory=dict)
    cursor: str | None = None


@dataclass(frozen=True, slots=True)
class Patch(Generic[ValuesT]):
    """A partial update: `values` is an unsaved row holding the new value of each of `fields`."""

    values: ValuesT
    fields: frozenset[str]


class OwnedService(Generic[RowT]):
    """Create, get, list, update and delete rows that belong to a user. Administrators see every
    row; anyone else sees their own, and another owner's row is "not found", not "forbidden",
    so its existence is not leaked."""

    repository: ClassVar[type[OwnedRepository[Any]]]
    noun: ClassVar[str]  # "task": what error messages call one row
    unique: ClassVar[tuple[str, ...]] = ()  # fields no two rows of one owner may share

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow
        self.references = tuple(self.repository.model.references())

    @property
    def rows(self) -> OwnedRepository[RowT]:
        return self.uow.repository(self.repository)

    def create(self, caller: Principal, row: RowT) -> RowT:
        # One INSERT … RETURNING, committed by itself; the unique constraints decide a Conflict.
        with self.uow.single_statement():
            row.owner_id = caller.user_id
            self._ensure_references(row.owner_id, {n: getattr(row, n) for n in self.references})
            self.rows.add(row)
            with keyset.naming_conflicts(self.rows, self.noun, row):
                self.uow.commit()
            return row

    def get(self, caller: Principal, row_id: int) -> RowT:
        with self.uow.reading():
            return self._visible(caller, row_id)

    def list(self, caller: Principal, query: Listing) -> Page[RowT]:
        where, order = keyset.filter_of(caller, query), keyset.order_of(query.sort)
        offset = offset_of(query.page, query.per_page)
        with self.uow.reading():
            total = self.rows.count(where)
            items = self.rows.find(where, order, limit=query.per_page, offset=offset)
            return Page(items=items, total=total, page=query.page, per_page=query.per_page)

    def list_by_cursor(self, caller: Principal, query: Listing) -> Slice[RowT]:
        """The slice after query.cursor: keyset paging, for lists too long to count."""
        with self.uow.reading():
            return keyset.slice_after(self.rows, caller, query)

    def update(
        self,
        caller: Principal,
        row_id: int,
        changes: Patch[RowT],
        *,
        if_version_in: Set[int] | None = None,
    ) -> RowT:
        """Apply a partial update; if_version_in, when given, holds the versions the caller saw."""
        with self.uow:
            row = self._visible(caller, row_id, for_update=True)
            self._check_version(row, if_version_in)
            new = {name: getattr(changes.values, name) for name in changes.fields}
            moved = {n: new[n] for n in self.unique if n in new and new[n] != getattr(row, n)}
            self._ensure_unique(row.owner_id, moved, excluding_id=row.id)
            self._ensure_references(row.owner_id, {n: new[n] for n in self.references if n in new})
            for name, value in new.items():
                setattr(row, name, value)
            self.uow.commit()
            return row

    def delete(
        self, caller: Principal, row_id: int, *, if_version_in: Set[int] | None = None
    ) -> None:
        with self.uow:
            row = self._visible(caller, row_id, for_update=True)
            self._check_version(row, if_version_in)
            self.rows.delete(row)
            try:
                self.uow.commit()
            except Conflict as error:  # another row still points at this one
                raise Conflict(
                    f"{self.noun.capitalize()} {row_id} is still in use: delete or change "
                    "what refers to it first."
                ) from error

    def _visible(self, caller: Principal, row_id: int, *, for_update: bool = False) -> RowT:
        # Writes lock the row they read: a concurrent writer waits, then sees the new version,
        # so without If-Match the last write wins instead of failing on a version it never saw.
        row = self.rows.get(row_id, for_update=for_update)
        if row is None or not (caller.is_admin or row.owner_id == caller.user_id):
            raise NotFound(f"{self.noun.capitalize()} {row_id} does not exist.")
        return row

    def _ensure_unique(
        self, owner_id: int, values: Mapping[str, object], *, excluding_id: int | None = None
    ) -> None:
        for name, value in values.items():
            if value is None:
                continue  # an optional unique field may be empty on many rows
            if self.rows.taken(owner_id, name, value, excluding_id=excluding_id):
                raise Conflict(f"A {self.noun} with the {name} {value!r} already exists.")

    def _ensure_references(self, owner_id: int, values: Mapping[str, object]) -> None:
        """A row may point only at its owner's rows: another's is as absent as a missing one."""
        for column, value in values.items():
            if value is not None and not self.rows.owns(column, value, owner_id):
                name = column.removesuffix("_id").replace("_", " ")
                raise InvalidInput(column, f"There is no {name} {value}.")

    def _check_version(self, row: RowT, accepted: Set[int] | None) -> None:
        if accepted is not None and row.version not in accepted:
            raise PreconditionFailed(
                f"{self.noun.capitalize()} {row.id} has changed since you read it "
                f"(now version {row.version}); reload it and try again."
            )
