"""/api/notes: the five standard endpoints, served by the tests' app only (conftest.py)."""

from app.kernel.api import Blueprint
from app.kernel.controllers.owned import Resource, register
from tests.notes import schemas
from tests.notes.service import NoteService

blp = Blueprint("notes", __name__, url_prefix="/api/notes", description="Your to-do list.")

resource = Resource(
    noun="note",
    service=NoteService,
    row=schemas.NoteSchema,
    new=schemas.NewNoteSchema,
    changes=schemas.NoteChangesSchema,
    list_args=schemas.NoteListArgsSchema,
    page=schemas.NotePageSchema,
    list_description="Filter by status or by text in the title, sort by any listed field, "
    "and page through the results.",
)
register(blp, resource)
