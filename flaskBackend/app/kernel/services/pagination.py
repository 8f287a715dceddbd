"""What a list asks for (Listing) and what it gets (a numbered Page or a keyset Slice)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


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
    ids: Sequence[int] | None = None  # only the rows with these ids


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: Sequence[T]
    total: int
    page: int
    per_page: int


def offset_of(page: int, per_page: int) -> int:
    return (page - 1) * per_page


@dataclass(frozen=True, slots=True)
class Slice(Generic[T]):
    """A page of a keyset (cursor) list: no total, and `next_cursor` is None on the last one."""

    items: Sequence[T]
    per_page: int
    next_cursor: str | None
