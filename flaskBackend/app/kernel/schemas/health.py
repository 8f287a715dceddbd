"""The body of the health probes."""

from marshmallow import fields

from app.kernel.schemas.base import BaseSchema


class HealthSchema(BaseSchema):
    status = fields.String(required=True, metadata={"example": "ok"})
