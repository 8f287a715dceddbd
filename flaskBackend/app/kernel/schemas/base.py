"""The base every schema derives from, so API-wide choices live in one place."""

from marshmallow import RAISE, Schema


class BaseSchema(Schema):
    class Meta:
        # Unknown fields are refused with a 422, never silently dropped.
        unknown = RAISE
