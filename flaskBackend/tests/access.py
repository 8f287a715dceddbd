"""Rows of the authorisation matrix (tests/api/test_authorisation_matrix.py).

A resource with endpoints of its own lists them in tests/<resource>/access.py as
`ACCESS = {(method, rule): Access(...)}`, found here: deleting the resource's folder deletes them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Access:
    """Who succeeds; what a stranger (another plain user) gets instead."""

    # "owner" (an owned resource's row), "self" (/users/me, own lists, any user's read of a
    # shared resource) or "admin"
    allowed: str
    stranger_gets: int | None
    # An owned resource's body is built in the test: rows it refers to must exist, and be yours.
    body: dict[str, object] | Callable[[], dict[str, object]] | None = None

    def json(self) -> dict[str, object] | None:
        return self.body() if callable(self.body) else self.body


def feature_rows() -> dict[tuple[str, str], Access]:
    rows: dict[tuple[str, str], Access] = {}
    for found in sorted(Path(__file__).parent.glob("*/access.py")):
        rows.update(importlib.import_module(f"tests.{found.parent.name}.access").ACCESS)
    return rows
