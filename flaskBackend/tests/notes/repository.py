"""Every query about notes: the owned-resource queries, searching the title."""

from app.kernel.repositories.owned import OwnedRepository
from tests.notes.model import Note


class SqlNoteRepository(OwnedRepository[Note]):
    model = Note
    search_column = "title"
