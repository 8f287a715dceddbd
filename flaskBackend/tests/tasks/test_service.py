"""TaskService: the owned-resource contract over the real unit of work."""

from app.tasks.model import Task
from tests.owned_contract import OwnedServiceContract


class TestTaskService(OwnedServiceContract):
    model = Task
