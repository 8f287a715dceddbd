"""The JSON shapes of tasks, derived from the Task model.

Only what a column cannot say is written here."""

from marshmallow import fields, validate
from marshmallow_sqlalchemy import auto_field

from app.kernel.schemas import model
from app.kernel.schemas.pagination import PageSchema
from app.tasks.model import Task, TaskStatus


class TaskSchema(model.RowSchema):
    class Meta(model.RowSchema.Meta):
        model = Task


class NewTaskSchema(model.NewRowSchema):
    class Meta(model.NewRowSchema.Meta):
        model = Task

    title = auto_field(strip=True, validate=validate.Length(min=1))
    description = auto_field(validate=validate.Length(max=10000))
    priority = auto_field(validate=validate.Range(1, 5))


class TaskChangesSchema(model.ChangesSchema, NewTaskSchema):
    class Meta(NewTaskSchema.Meta):
        pass


class TaskListArgsSchema(model.ListArgsSchema):
    status = fields.Enum(TaskStatus, by_value=True)
    search = model.search_field("title", max_length=200)
    sort = model.sort_field(Task.sortable)


class TaskPageSchema(PageSchema):
    items = fields.List(fields.Nested(TaskSchema), required=True)
