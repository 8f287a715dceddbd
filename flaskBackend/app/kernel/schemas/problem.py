"""RFC 9457 problem details: the body of every error response."""

from marshmallow import fields

from app.kernel.schemas.base import BaseSchema


class ProblemSchema(BaseSchema):
    type = fields.String(
        required=True, metadata={"description": "A URI naming the kind of problem."}
    )
    title = fields.String(required=True, metadata={"description": "Short, human-readable summary."})
    status = fields.Integer(required=True, metadata={"description": "The HTTP status code."})
    detail = fields.String(metadata={"description": "What went wrong with this request."})
    errors = fields.Dict(
        keys=fields.String(),
        metadata={"description": "Validation messages, by field name."},
    )
