"""HTTP endpoints for tasks: the five of an owned resource. Add your own below."""

from flask.views import MethodView

from app.kernel.api import Blueprint
from app.kernel.composition import service
from app.kernel.controllers.access import caller, login_required
from app.kernel.controllers.owned import ID_CONVERTER, Resource, register
from app.kernel.controllers.versions import etag_header, etag_of
from app.tasks import schemas
from app.tasks.model import Task
from app.tasks.service import TaskService

blp = Blueprint("tasks", __name__, url_prefix="/api/tasks", description="Your tasks.")

resource = Resource(
    noun="task",
    service=TaskService,
    row=schemas.TaskSchema,
    new=schemas.NewTaskSchema,
    changes=schemas.TaskChangesSchema,
    list_args=schemas.TaskListArgsSchema,
    page=schemas.TaskPageSchema,
    list_description=(
        "Filter by status; search the title; sort by any listed field, and page "
        "through the results."
    ),
)
# To write one of the five endpoints yourself: register(blp, resource, skip={"delete"}).
register(blp, resource)


# The example's own endpoint, added by hand: it calls a public method of TaskService.
@blp.route(f"/<{ID_CONVERTER}:task_id>/complete", endpoint="CompleteTask")
class Complete(MethodView):
    @login_required
    @blp.doc(operationId="completeTask", summary="Mark a task done")
    @blp.response(200, schemas.TaskSchema, headers={"ETag": etag_header("task")})
    @blp.alt_response(404, response="NOT_FOUND", description="No such task.")
    def post(self, task_id: int) -> tuple[Task, dict[str, str]]:
        """A done task stays done; the answer is the task with its new ETag."""
        task = service(TaskService).complete(caller(), task_id)
        return task, {"ETag": etag_of(task)}
