"""A page of results, as services hand it to controllers."""

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
