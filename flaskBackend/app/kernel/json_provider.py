"""Flask's JSON, with a body nested too deeply for the parser read as malformed, not as a crash.

A number of more digits than Python converts (4,300 by default) is a ValueError already, which
request.get_json() reads as malformed; the endpoints' parser (kernel/api.py) says so too."""

from __future__ import annotations

from typing import Any

from flask.json.provider import DefaultJSONProvider

TOO_DEEP = "The JSON body is nested too deeply."
TOO_MANY_DIGITS = "A number in the JSON body has too many digits."


class JsonProvider(DefaultJSONProvider):
    # Keep the schemas' field order in responses.
    sort_keys = False

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        try:
            return super().loads(s, **kwargs)
        except RecursionError:
            # A ValueError is what request.get_json() turns into a 400 (or None when silent),
            # so hooks that peek at the body before validation (rate-limit keys) stay safe.
            raise ValueError(TOO_DEEP) from None
