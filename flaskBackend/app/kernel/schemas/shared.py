"""The schemas of a shared resource: model.py's, without the owner a shared row does not have.

A resource's schemas subclass these as an owned resource's subclass model.RowSchema and
model.NewRowSchema; its changes and list schemas are model.ChangesSchema and
model.ListArgsSchema, as for an owned resource."""

from __future__ import annotations

from app.kernel.models.shared import SERVER_FIELDS
from app.kernel.schemas import model


class RowSchema(model.RowSchema):
    """What a client gets back: every column but the version (the ETag)."""

    class Meta(model.RowSchema.Meta):
        exclude = ("version",)


class NewRowSchema(model.NewRowSchema):
    """The body of a create: the columns a client may set. Loads an unsaved row."""

    class Meta(model.NewRowSchema.Meta):
        exclude = SERVER_FIELDS
