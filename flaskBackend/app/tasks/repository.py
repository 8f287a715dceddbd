"""Every query about tasks: the owned-resource queries."""

from app.kernel.repositories.owned import OwnedRepository
from app.tasks.model import Task


class SqlTaskRepository(OwnedRepository[Task]):
    model = Task
    search_column = "title"
