"""SqlTaskRepository: the owned-resource contract on the real database."""

from app.tasks.model import Task
from tests.owned_contract import OwnedRepositoryContract


class TestTaskRepository(OwnedRepositoryContract):
    model = Task
