"""Business rules for tasks: the owned-resource rules, with titles unique per owner."""

from app.models import Task
from app.repositories.tasks import SqlTaskRepository
from app.services.owned import OwnedService


class TaskService(OwnedService[Task]):
    repository = SqlTaskRepository
    noun = "task"
    unique = ("title",)
