"""Business rules for tasks: the owned-resource rules, with titles unique per owner."""

from app.kernel.services.owned import OwnedService
from app.tasks.model import Task
from app.tasks.repository import SqlTaskRepository


class TaskService(OwnedService[Task]):
    repository = SqlTaskRepository
    noun = "task"
    unique = ("title",)
