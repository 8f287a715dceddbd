"""NoteService: the owned-resource rules, nothing of its own."""

from app.kernel.services.owned import OwnedService
from tests.notes.model import Note
from tests.notes.repository import SqlNoteRepository


class NoteService(OwnedService[Note]):
    repository = SqlNoteRepository
    noun = "note"
