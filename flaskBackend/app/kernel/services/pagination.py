"""Pages of results, as services hand them to controllers: numbered pages and keyset slices."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


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
