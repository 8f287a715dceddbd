"""The JSON shapes of notes, derived from the Note model; only what a column cannot say is here."""

from marshmallow import fields, validate
from marshmallow_sqlalchemy import auto_field

from app.kernel.schemas import model
from app.kernel.schemas.pagination import PageSchema
from tests.notes.model import PRIORITY_RANGE, Note, NoteStatus


class NoteSchema(model.RowSchema):
    class Meta(model.RowSchema.Meta):
        model = Note


class NewNoteSchema(model.NewRowSchema):
    class Meta(model.NewRowSchema.Meta):
        model = Note

    title = auto_field(
        strip=True,
        validate=validate.Length(min=1),
        metadata={"description": "Unique; surrounding spaces are removed."},
    )
    description = auto_field(validate=validate.Length(max=10_000))
    priority = auto_field(validate=validate.Range(*PRIORITY_RANGE))


class NoteChangesSchema(model.ChangesSchema, NewNoteSchema):
    class Meta(NewNoteSchema.Meta):
        pass


class NoteListArgsSchema(model.ListArgsSchema):
    status = fields.Enum(NoteStatus, by_value=True)
    search = model.search_field("title", max_length=200)
    sort = model.sort_field(Note.sortable)


class NotePageSchema(PageSchema):
    items = fields.List(fields.Nested(NoteSchema), required=True)
