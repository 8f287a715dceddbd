"""NoteFactory: a valid note by default."""

import factory

from tests.factories import OwnedFactory
from tests.notes.model import Note, NoteStatus


class NoteFactory(OwnedFactory):
    class Meta:
        model = Note

    title = factory.Sequence(lambda n: f"Note {n}")
    description = factory.Faker("sentence")
    status = NoteStatus.TODO
    priority = 3
    due_date = None
