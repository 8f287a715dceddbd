"""Fields that only accept what PostgreSQL can store."""

import datetime as dt
import re
from typing import Any

from marshmallow import fields


class Text(fields.String):
    """A string without NUL characters or lone surrogates, which PostgreSQL refuses."""

    default_error_messages = {
        "nul": "Must not contain NUL characters.",
        "unicode": "Must be valid Unicode text.",
    }

    def __init__(self, *, strip: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.strip = strip

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text: str = super()._deserialize(value, attr, data, **kwargs)
        if "\x00" in text:
            raise self.make_error("nul")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise self.make_error("unicode") from None
        return text.strip() if self.strip else text


class StrictBoolean(fields.Boolean):
    """Only JSON true and false. fields.Boolean(truthy={True}) still takes 1 and 1.0, because
    1 == True in Python; "yes", 0 or 1.0 would be a guess about what the caller meant."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> bool:
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


class StrictInteger(fields.Integer):
    """Only JSON integers. strict=True refuses "3" and 3.5, but not true or false, which are
    integers to Python (True == 1)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(strict=True, **kwargs)

    def _validated(self, value: Any) -> int:
        if isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return super()._validated(value)


class DecimalString(fields.Decimal):
    """An exact number as a JSON string ("12.50"): a JSON number would pass through a binary
    float in most clients and lose cents. `precision` and `scale` are the column's NUMERIC(P, S);
    a value that does not fit is refused here, saying which part is too long, not by PostgreSQL
    with a 500."""

    NUMBER = re.compile(r"^-?(\d+)(?:\.(\d+))?$")
    default_error_messages = {
        "string": 'Must be a string of digits, like "12.50".',
        "integer": "Must be a whole number.",
        "fraction": "At most {digits} after the decimal point.",
        "whole": "At most {digits} before the decimal point.",
        "under_one": "Must be between -1 and 1.",
    }

    def __init__(self, *, precision: int, scale: int, **kwargs: Any) -> None:
        self.whole, self.scale = precision - scale, scale
        fraction = rf"(\.\d{{1,{scale}}})?" if scale else ""
        whole = rf"\d{{1,{self.whole}}}" if self.whole else "0"
        kwargs.setdefault("metadata", {}).update(
            type="string",
            format="decimal",
            pattern=rf"^-?{whole}{fraction}$",
            example="0" if not scale else "0.5",
        )
        super().__init__(places=scale, as_string=True, **kwargs)

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if not isinstance(value, str):
            raise self.make_error("string")
        number = self.NUMBER.match(value)
        if not number:
            raise self.make_error("invalid")
        whole, fraction = number[1], number[2] or ""
        if fraction and not self.scale:
            raise self.make_error("integer")
        if len(fraction) > self.scale:
            raise self.make_error("fraction", digits=_digits(self.scale))
        if not self.whole and whole != "0":
            raise self.make_error("under_one")
        if self.whole and len(whole) > self.whole:
            raise self.make_error("whole", digits=_digits(self.whole))
        return super()._deserialize(value, attr, data, **kwargs)


def _digits(count: int) -> str:
    return "1 digit" if count == 1 else f"{count} digits"


class AwareDateTime(fields.AwareDateTime):
    """An ISO 8601 date and time with its offset, within the years Python can read back: a
    time in year 1 or 9999 could cross into year 0 or 10000 when PostgreSQL moves it to UTC."""

    EARLIEST = dt.datetime(1, 1, 2, tzinfo=dt.UTC)
    LATEST = dt.datetime(9999, 12, 30, tzinfo=dt.UTC)

    default_error_messages = {"range": "Must be between years 1 and 9999."}

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> dt.datetime:
        moment: dt.datetime = super()._deserialize(value, attr, data, **kwargs)
        if not self.EARLIEST <= moment <= self.LATEST:
            raise self.make_error("range")
        return moment
