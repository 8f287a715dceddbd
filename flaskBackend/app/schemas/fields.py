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
