"""HTTP endpoints for tasks: parse, call TaskService, serialise."""

from __future__ import annotations

from typing import Any

from flask import url_for
from flask.views import MethodView

from app.api import Blueprint
from app.composition import task_service
from app.controllers.access import caller, login_required
from app.controllers.versions import ETAG_HEADER, IF_MATCH_PARAMETER, etag_of, if_match_versions
from app.schemas.tasks import (
    NewTaskSchema,
    TaskChangesSchema,
    TaskListArgsSchema,
    TaskPageSchema,
    TaskSchema,
)

blp = Blueprint("tasks", __name__, url_prefix="/api/tasks", description="Your to-do list.")

TASK_ID = "<int(max=2147483647):task_id>"


@blp.route("")
class Tasks(MethodView):
    @login_required
    @blp.doc(operationId="listTasks")
    @blp.arguments(TaskListArgsSchema, location="query", as_kwargs=True)
    @blp.response(200, TaskPageSchema)
    def get(self, **args: Any) -> Any:
        """List tasks

        Filter by status or by text in the title, sort by any listed field, and page
        through the results; `total` counts every match.
        """
        return task_service().list(caller(), **args)

    @login_required
    @blp.doc(operationId="createTask")
    @blp.arguments(NewTaskSchema)
    @blp.response(
        201,
        TaskSchema,
        headers={
            "Location": {"description": "URL of the new task.", "schema": {"type": "string"}},
            "ETag": ETAG_HEADER,
        },
    )
    @blp.alt_response(409, response="CONFLICT", description="A task with this title exists.")
    def post(self, fields: Any) -> Any:
        """Create a task"""
        task = task_service().create(caller(), fields)
        location = url_for("tasks.TaskById", task_id=task.id)
        return task, {"Location": location, "ETag": etag_of(task)}


@blp.route(f"/{TASK_ID}")
class TaskById(MethodView):
    @login_required
    @blp.doc(operationId="getTask")
    @blp.response(200, TaskSchema, headers={"ETag": ETAG_HEADER})
    @blp.alt_response(404, response="NOT_FOUND", description="No such task.")
    def get(self, task_id: int) -> Any:
        """Get a task"""
        task = task_service().get(caller(), task_id)
        return task, {"ETag": etag_of(task)}

    @login_required
    @blp.doc(operationId="updateTask", parameters=[IF_MATCH_PARAMETER])
    @blp.arguments(TaskChangesSchema)
    @blp.response(200, TaskSchema, headers={"ETag": ETAG_HEADER})
    @blp.alt_response(404, response="NOT_FOUND", description="No such task.")
    @blp.alt_response(409, response="CONFLICT", description="Another task has this title.")
    @blp.alt_response(
        412, response="PRECONDITION_FAILED", description="The task changed since you read it."
    )
    def patch(self, changes: Any, task_id: int) -> Any:
        """Change some fields of a task

        Only the fields you send change. Send the ETag you read in If-Match to be
        sure you do not overwrite someone else's change.
        """
        task = task_service().update(caller(), task_id, changes, if_version_in=if_match_versions())
        return task, {"ETag": etag_of(task)}

    @login_required
    @blp.doc(operationId="deleteTask", parameters=[IF_MATCH_PARAMETER])
    @blp.response(204)
    @blp.alt_response(404, response="NOT_FOUND", description="No such task.")
    @blp.alt_response(
        412, response="PRECONDITION_FAILED", description="The task changed since you read it."
    )
    def delete(self, task_id: int) -> None:
        """Delete a task"""
        task_service().delete(caller(), task_id, if_version_in=if_match_versions())
