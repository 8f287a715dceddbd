"""The opaque cursors of keyset lists: where the previous page ended, as base64url JSON.

A cursor holds the sort it was made for, the last row's value of the sort field and its id. It is
not signed, because it needs no secret: every part is checked on the way in (a forged or garbled
cursor is InvalidInput, a 422), and the owner filter still applies, so a cursor can only move a
caller to another place among the rows they may see anyway.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import decimal
import enum
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.kernel.repositories.rows import SortKey
from app.kernel.services.errors import InvalidInput

FIELD = "cursor"
GARBLED = "This cursor is not one the API made; start again without it."
MAX_ID = 2**63 - 1
MAX_TEXT = 10_000


@dataclass(frozen=True, slots=True)
class Position:
    """The last row of a page, in the list's sort: its sort value and its id."""

    value: object
    id: int


def encode(sort: str, position: Position) -> str:
    value = position.value
    if isinstance(value, enum.Enum):
        value = value.value
    elif isinstance(value, dt.date | decimal.Decimal):  # datetime is a date too
        value = str(value) if isinstance(value, decimal.Decimal) else value.isoformat()
    payload = json.dumps([sort, value, position.id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(payload).rstrip(b"=").decode("ascii")


def decode(cursor: str, sort: str, key: SortKey) -> Position:
    """The position a cursor names, its value of the sort column's type."""
    try:
        padded = cursor.encode("ascii") + b"=" * (-len(cursor) % 4)
        made_for, value, row_id = json.loads(base64.b64decode(padded, b"-_", validate=True))
    except (ValueError, TypeError, binascii.Error, RecursionError):
        raise InvalidInput(FIELD, GARBLED) from None
    if made_for != sort:
        if isinstance(made_for, str) and len(made_for) < 100 and made_for.isprintable():
            raise InvalidInput(FIELD, f"This cursor is for sort={made_for}: send that sort.")
        raise InvalidInput(FIELD, GARBLED)
    if not _whole(row_id) or not 1 <= row_id <= key.largest_id:
        raise InvalidInput(FIELD, GARBLED)
    if value is None:
        if not key.nullable:
            raise InvalidInput(FIELD, GARBLED)
        return Position(None, row_id)
    typed = _typed(value, key.kind)
    if _whole(typed) and abs(typed) > key.largest:  # type: ignore[arg-type]
        raise InvalidInput(FIELD, GARBLED)
    return Position(typed, row_id)


def _typed(value: object, kind: type) -> object:
    """The JSON value as the column's Python type, or InvalidInput: never a value the database
    would refuse (a 500), such as text with NUL or an out-of-range number."""
    if issubclass(kind, enum.Enum):
        parse: Callable[[Any], object] = kind
    else:
        parse = next((p for base, p in PARSERS if issubclass(kind, base)), _refuse)
    try:
        return parse(value)
    except (ValueError, TypeError, ArithmeticError):
        raise InvalidInput(FIELD, GARBLED) from None


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(value)
    return value


def _integer(value: Any) -> int:
    if not _whole(value) or abs(value) > MAX_ID:
        raise ValueError(value)
    return int(value)


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(value)
    return float(value)


def _decimal(value: Any) -> decimal.Decimal:
    number = decimal.Decimal(_text(value)[:100])
    if not number.is_finite():
        raise ValueError(value)
    return number


def _moment(value: Any) -> dt.datetime:
    moment = dt.datetime.fromisoformat(_text(value))
    if moment.tzinfo is None:
        raise ValueError(value)
    return moment


def _day(value: Any) -> dt.date:
    return dt.date.fromisoformat(_text(value))


def _text(value: Any) -> str:
    if not isinstance(value, str) or len(value) > MAX_TEXT or "\x00" in value:
        raise ValueError(value)
    value.encode("utf-8")  # a lone surrogate cannot reach PostgreSQL
    return value


def _refuse(value: Any) -> object:
    raise TypeError(value)


# Subclasses before their bases: bool is an int, datetime is a date.
PARSERS: tuple[tuple[type, Callable[[Any], object]], ...] = (
    (bool, _boolean),
    (int, _integer),
    (float, _number),
    (decimal.Decimal, _decimal),
    (dt.datetime, _moment),
    (dt.date, _day),
    (str, _text),
)
