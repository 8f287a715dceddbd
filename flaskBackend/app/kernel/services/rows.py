"""The rules every resource shares, owned or shared: versions, references, paging, uniqueness
by the model's constraints; and the hooks a resource's service overrides to add its own rules.

OwnedService (each row a user's) and SharedService (everyone's rows, written by administrators)
say only who sees and who writes what: the few methods under "Who may see and write".
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from app.kernel.models.row import Row
from app.kernel.repositories.reads import Read
from app.kernel.repositories.rows import Filter, RowRepository
from app.kernel.services import keyset
from app.kernel.services.errors import Conflict, InvalidInput, NotFound, PreconditionFailed
from app.kernel.services.pagination import Listing, Page, Slice, offset_of
from app.kernel.services.principal import Principal
from app.kernel.services.unit_of_work import UnitOfWork

RowT = TypeVar("RowT", bound=Row)
ValuesT = TypeVar("ValuesT")


@dataclass(frozen=True, slots=True)
class Patch(Generic[ValuesT]):
    """A partial update: `values` is an unsaved row holding the new value of each of `fields`."""

    values: ValuesT
    fields: frozenset[str]


class RowService(Generic[RowT]):
    """Create, get, list, update and delete a resource's rows.

    A resource's service adds its own rules by overriding the hooks below (not by copying a
    method): each runs inside the write's transaction, just before the write, and refuses it by
    raising a domain error (`InvalidInput(field, message)` is a 422 naming the field). A method
    of its own (say `complete`) opens `with self.uow:`, reads through `visible()` and commits.
    Uniqueness is the model's: a `UniqueConstraint` decides it, and the 409 names its fields.

    `get` and the lists return `Read` rows (repositories/reads.py: the columns, without the ORM),
    and show a caller the rows `listed` selects; writes and `visible` work on model objects."""

    repository: ClassVar[type[RowRepository[Any]]]
    noun: ClassVar[str]  # "task": what error messages call one row

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow
        self.references = tuple(self.repository.model.references())

    @property
    def rows(self) -> RowRepository[RowT]:
        return self.uow.repository(self.repository)

    # -- Hooks: override to add a rule; the defaults accept everything. -----------------------

    def before_create(self, caller: Principal, row: RowT) -> None:
        """`row` is the new, unsaved row."""

    def before_update(self, caller: Principal, row: RowT, changes: Mapping[str, object]) -> None:
        """`row` still holds the stored values; `changes` the new value of each field sent."""

    def before_delete(self, caller: Principal, row: RowT) -> None:
        """`row` is about to be deleted."""

    # -- Who may see and write: OwnedService and SharedService say. ---------------------------

    def visible(self, caller: Principal, row_id: int, *, for_update: bool = False) -> RowT:
        """The row if the caller may see it, else NotFound. for_update locks it until commit:
        a concurrent writer waits, then sees the new version, so without If-Match the last
        write wins instead of failing on a version it never saw."""
        raise NotImplementedError

    def listed(self, caller: Principal, query: Listing) -> Filter:
        """The rows a list shows the caller, with the query's filters."""
        raise NotImplementedError

    def ensure_may_write(self, caller: Principal) -> None:
        """Refuse (Forbidden) a caller who may not create, change or delete any row."""

    def claim(self, caller: Principal, row: RowT) -> None:
        """Fill in what the server sets on a new row (its owner)."""

    def may_refer(self, row: RowT, column: str, target_id: object) -> bool:
        """Whether `row` may point at that row through `column`."""
        return self.rows.refers_to_a_row(column, target_id)

    # -- The standard operations. -------------------------------------------------------------

    def create(self, caller: Principal, row: RowT) -> RowT:
        self.ensure_may_write(caller)
        with self.uow:
            self.claim(caller, row)
            self._ensure_references(row, {n: getattr(row, n) for n in self.references})
            self.before_create(caller, row)
            self.rows.add(row)
            self._commit(row)
            return row

    def get(self, caller: Principal, row_id: int) -> Read:
        """The row if the caller's list holds it, else NotFound (as `visible` says)."""
        with self.uow.reading():
            row = self.rows.read(self.listed(caller, Listing()), row_id)
            if row is None:
                raise NotFound(f"{self.noun.capitalize()} {row_id} does not exist.")
            return row

    def list(self, caller: Principal, query: Listing) -> Page[Read]:
        where, order = self.listed(caller, query), keyset.order_of(query.sort)
        offset = offset_of(query.page, query.per_page)
        with self.uow.reading():
            total = self.rows.count(where)
            items = self.rows.find(where, order, limit=query.per_page, offset=offset)
            return Page(items=items, total=total, page=query.page, per_page=query.per_page)

    def list_by_cursor(self, caller: Principal, query: Listing) -> Slice[Read]:
        """The slice after query.cursor: keyset paging, for lists too long to count."""
        with self.uow.reading():
            return keyset.slice_of(self.rows, self.listed(caller, query), query)

    def update(
        self,
        caller: Principal,
        row_id: int,
        changes: Patch[RowT],
        *,
        if_version_in: Set[int] | None = None,
    ) -> RowT:
        """Apply a partial update; if_version_in, when given, holds the versions the caller saw."""
        self.ensure_may_write(caller)
        with self.uow:
            row = self.visible(caller, row_id, for_update=True)
            self.check_version(row, if_version_in)
            new = {name: getattr(changes.values, name) for name in changes.fields}
            self._ensure_references(row, {n: new[n] for n in self.references if n in new})
            self.before_update(caller, row, new)
            for name, value in new.items():
                setattr(row, name, value)
            self._commit(row)
            return row

    def delete(
        self, caller: Principal, row_id: int, *, if_version_in: Set[int] | None = None
    ) -> None:
        self.ensure_may_write(caller)
        with self.uow:
            row = self.visible(caller, row_id, for_update=True)
            self.check_version(row, if_version_in)
            self.before_delete(caller, row)
            self.rows.delete(row)
            try:
                self.uow.commit()
            except Conflict as error:  # another row still points at this one
                raise Conflict(
                    f"{self.noun.capitalize()} {row_id} is still in use: delete or change "
                    "what refers to it first."
                ) from error

    def check_version(self, row: RowT, accepted: Set[int] | None) -> None:
        """PreconditionFailed unless the row's version is one the caller saw (If-Match)."""
        if accepted is not None and row.version not in accepted:
            raise PreconditionFailed(
                f"{self.noun.capitalize()} {row.id} has changed since you read it "
                f"(now version {row.version}); reload it and try again."
            )

    def _commit(self, row: RowT) -> None:
        """Commit; a unique violation becomes a Conflict naming the constraint's fields."""
        with keyset.naming_conflicts(self.rows, self.noun, row):
            self.uow.commit()

    def _ensure_references(self, row: RowT, values: Mapping[str, object]) -> None:
        for column, value in values.items():
            if value is not None and not self.may_refer(row, column, value):
                name = column.removesuffix("_id").replace("_", " ")
                raise InvalidInput(column, f"There is no {name} {value}.")
