"""Every query about tasks: the owned-resource queries, searching the title."""

from app.models import Task
from app.repositories.owned import OwnedRepository


class SqlTaskRepository(OwnedRepository[Task]):
    model = Task
    search_column = "title"
