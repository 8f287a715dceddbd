"""The body of the health probes."""

from marshmallow import fields

from app.kernel.schemas.base import BaseSchema


class HealthSchema(BaseSchema):
    status = fields.String(required=True, metadata={"example": "ok"})


class ReadinessSchema(HealthSchema):
    rate_limits = fields.String(
        required=True,
        metadata={
            "description": "shared: the rate-limit counters' store answers; per-process: it "
            "does not, and each process counts alone until it does.",
            "example": "shared",
        },
    )
