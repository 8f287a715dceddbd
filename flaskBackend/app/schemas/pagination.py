"""What every paginated list shares: the page arguments and the page envelope."""

from marshmallow import fields, validate

from app.schemas.base import BaseSchema


class PageArgsSchema(BaseSchema):
    page = fields.Integer(load_default=1, validate=validate.Range(1, 1_000_000))
    per_page = fields.Integer(load_default=20, validate=validate.Range(1, 100))


class PageSchema(BaseSchema):
    """Subclasses declare `items`; the rest of the envelope is the same for every list."""

    total = fields.Integer(required=True, metadata={"description": "Matches on all pages."})
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)
