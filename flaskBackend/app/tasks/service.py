"""Business rules for tasks: the owned-resource rules, and your own.

Add a rule by overriding a hook of OwnedService (before_create, before_update, before_delete):
it runs inside the write's transaction; raise InvalidInput(field, message) to refuse a value.

The example adds one of each by hand: a hook (a done task changes only to reopen) and a method
of its own, `complete`, behind `POST /api/tasks/{id}/complete`.
"""

from collections.abc import Mapping

from app.kernel.services.errors import InvalidInput
from app.kernel.services.owned import OwnedService
from app.kernel.services.principal import Principal
from app.tasks.model import Task, TaskStatus
from app.tasks.repository import SqlTaskRepository


class TaskService(OwnedService[Task]):
    repository = SqlTaskRepository
    noun = "task"

    def before_update(self, caller: Principal, row: Task, changes: Mapping[str, object]) -> None:
        """A done task is finished: only its status may change, to reopen it."""
        if row.status is not TaskStatus.DONE:
            return
        for name, value in changes.items():
            if name != "status" and value != getattr(row, name):
                raise InvalidInput(name, "A done task cannot be changed: reopen it first.")

    def complete(self, caller: Principal, task_id: int) -> Task:
        """Mark the task done; one that is done already stays as it is."""
        with self.uow:
            task = self.visible(caller, task_id, for_update=True)
            if task.status is not TaskStatus.DONE:
                task.status = TaskStatus.DONE
                self.uow.commit()
            return task
