"""Fields that only accept what PostgreSQL can store."""

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
    """JSON true or false only. marshmallow's truthy/falsy sets cannot say this: in Python
    0 == False and 1 == True, so {False} lets 0 through."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> bool:
        if not isinstance(value, bool):
            raise self.make_error("invalid")
        return value
