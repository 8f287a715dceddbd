"""The JSON shapes of tasks: what clients send and what they get back."""

from marshmallow import fields, validate

from app.models.task import (
    DESCRIPTION_MAX_LENGTH,
    PRIORITY_RANGE,
    SORTABLE_FIELDS,
    TITLE_MAX_LENGTH,
    TaskStatus,
)
from app.schemas.base import BaseSchema
from app.schemas.fields import Text
from app.schemas.pagination import PageArgsSchema, PageSchema
from app.services.tasks import DEFAULT_SORT

SORT_CHOICES = [*SORTABLE_FIELDS, *(f"-{field}" for field in SORTABLE_FIELDS)]


def _title(*, required: bool) -> Text:
    return Text(
        required=required,
        strip=True,
        validate=validate.Length(1, TITLE_MAX_LENGTH),
        metadata={"description": "Unique; surrounding spaces are removed."},
    )


class TaskSchema(BaseSchema):
    id = fields.Integer(required=True)
    title = fields.String(required=True)
    description = fields.String(required=True, allow_none=True)
    status = fields.Enum(TaskStatus, by_value=True, required=True)
    priority = fields.Integer(required=True)
    due_date = fields.Date(required=True, allow_none=True)
    created_at = fields.DateTime(required=True)
    updated_at = fields.DateTime(required=True)


class TaskChangesSchema(BaseSchema):
    """A partial update: only the fields present are changed."""

    title = _title(required=False)
    description = Text(allow_none=True, validate=validate.Length(max=DESCRIPTION_MAX_LENGTH))
    status = fields.Enum(TaskStatus, by_value=True)
    priority = fields.Integer(strict=True, validate=validate.Range(*PRIORITY_RANGE))
    due_date = fields.Date(allow_none=True)


class NewTaskSchema(TaskChangesSchema):
    title = _title(required=True)
    status = fields.Enum(TaskStatus, by_value=True, metadata={"default": TaskStatus.TODO.value})
    priority = fields.Integer(
        strict=True, validate=validate.Range(*PRIORITY_RANGE), metadata={"default": 3}
    )


class TaskListArgsSchema(PageArgsSchema):
    status = fields.Enum(TaskStatus, by_value=True)
    search = Text(
        data_key="q",
        validate=validate.Length(max=TITLE_MAX_LENGTH),
        metadata={"description": "Case-insensitive text the title contains."},
    )
    sort = fields.String(
        load_default=DEFAULT_SORT,
        validate=validate.OneOf(SORT_CHOICES),
        metadata={"description": "A field name; a leading '-' sorts descending."},
    )


class TaskPageSchema(PageSchema):
    items = fields.List(fields.Nested(TaskSchema), required=True)
