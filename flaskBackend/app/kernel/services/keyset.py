"""What a resource's list and writes share (services/rows.py): the filter and order of a listing,
keyset (cursor) slices, and the field a unique violation names."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from app.kernel.models.row import Row
from app.kernel.repositories.rows import Filter, Order, RowRepository
from app.kernel.services import cursors
from app.kernel.services.errors import Conflict
from app.kernel.services.pagination import Listing, Slice
from app.kernel.services.principal import Principal


def filter_of(caller: Principal, query: Listing) -> Filter:
    """The caller's rows (an administrator's: everyone's) that match the query's filters."""
    return matching(query, owner_id=None if caller.is_admin else caller.user_id)


def matching(query: Listing, *, owner_id: int | None = None) -> Filter:
    """The rows that match the query's filters: one owner's, or (None) every row."""
    equal = {name: value for name, value in query.filters.items() if value is not None}
    return Filter(owner_id=owner_id, equal=equal, contains=query.search or None, ids=query.ids)


def order_of(sort: str) -> Order:
    return Order(field=sort.lstrip("-"), descending=sort.startswith("-"))


def slice_of(rows: RowRepository[Any], where: Filter, query: Listing) -> Slice[Any]:
    """The rows after the cursor's position; one row more than a page says whether any follow."""
    order = order_of(query.sort)
    after = None
    if query.cursor:
        position = cursors.decode(query.cursor, query.sort, rows.sort_key(order.field))
        after = (position.value, position.id)
    found = rows.find_after(where, order, after, limit=query.per_page + 1)
    items = found[: query.per_page]
    next_cursor = None
    if len(found) > query.per_page:
        last = items[-1]
        next_cursor = cursors.encode(
            query.sort, cursors.Position(getattr(last, order.field), last.id)
        )
    return Slice(items=items, per_page=query.per_page, next_cursor=next_cursor)


@contextmanager
def naming_conflicts(rows: RowRepository[Any], noun: str, row: Row) -> Iterator[None]:
    """A unique violation, told in the words of the fields its constraint holds unique."""
    unique = rows.model.unique_fields()
    # The values being written, read now: the failed commit's rollback expires the row, and
    # reading it afterwards would give the stored value (the old title, not the taken one).
    written = {field: getattr(row, field) for fields in unique.values() for field in fields}
    try:
        yield
    except Conflict as conflict:
        fields = unique.get(conflict.constraint or "", ())
        if len(fields) == 1:
            value = written[fields[0]]
            message = f"A {noun} with the {fields[0]} {value!r} already exists."
            raise Conflict(message, fields=fields) from None
        if fields:
            message = f"A {noun} with this {' and '.join(fields)} already exists."
            raise Conflict(message, fields=fields) from None
        raise
