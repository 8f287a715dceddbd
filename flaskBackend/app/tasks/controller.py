"""HTTP endpoints for tasks: the five standard ones of an owned resource."""

from app.kernel.api import Blueprint
from app.kernel.controllers.owned import Resource, register
from app.tasks import schemas
from app.tasks.service import TaskService

blp = Blueprint("tasks", __name__, url_prefix="/api/tasks", description="Your to-do list.")

register(
    blp,
    Resource(
        noun="task",
        service=TaskService,
        row=schemas.TaskSchema,
        new=schemas.NewTaskSchema,
        changes=schemas.TaskChangesSchema,
        list_args=schemas.TaskListArgsSchema,
        page=schemas.TaskPageSchema,
        list_description="Filter by status or by text in the title, sort by any listed field, "
        "and page through the results.",
    ),
)
