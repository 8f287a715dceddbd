"""What every paginated list shares: the page arguments and the envelopes, numbered or keyset."""

from typing import Any

from marshmallow import Schema, ValidationError, fields, pre_load, validate

from app.kernel.schemas.base import BaseSchema
from app.kernel.schemas.fields import Text

MAX_CURSOR_LENGTH = 1000


class PageArgsSchema(BaseSchema):
    page = fields.Integer(load_default=1, validate=validate.Range(1, 1_000_000))
    per_page = fields.Integer(load_default=20, validate=validate.Range(1, 100))


class KeysetArgsSchema(PageArgsSchema):
    """A numbered page, or with `cursor` a keyset slice: the two do not mix."""

    cursor = Text(
        validate=validate.Length(max=MAX_CURSOR_LENGTH),
        metadata={
            "description": "Keyset paging, for long lists: send it empty for the first slice, "
            "then the `next_cursor` of the slice before (or follow `next`). Keep the same "
            "filters and sort. Answers carry no `total` and no `page`; a slice costs the same "
            "however deep it is, and rows added meanwhile never shift one."
        },
    )

    @pre_load
    def refuse_page_with_cursor(self, data: Any, **kwargs: Any) -> Any:
        if "cursor" in data and "page" in data:
            raise ValidationError("Send either page or cursor, not both.", "cursor")
        return data


class PageSchema(BaseSchema):
    """Subclasses declare `items`; the rest of the envelope is the same for every list."""

    total = fields.Integer(required=True, metadata={"description": "Matches on all pages."})
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)


class SliceSchema(BaseSchema):
    """A keyset slice: the rows after the cursor, and where the next slice starts."""

    per_page = fields.Integer(required=True)
    next_cursor = fields.String(
        required=True,
        allow_none=True,
        metadata={"description": "Send as `cursor` for the next slice; null on the last one."},
    )
    next = fields.String(
        required=True,
        allow_none=True,
        metadata={"description": "The URL of the next slice; null on the last one."},
    )


def slice_schema_of(page: type[Schema]) -> type[SliceSchema]:
    """The keyset envelope of a list whose numbered envelope is `page` (same `items`)."""
    name = page.__name__.removesuffix("PageSchema").removesuffix("Schema") + "SliceSchema"
    items = page._declared_fields["items"]
    return type(name, (SliceSchema,), {"items": items})
