"""Schemas derived from a model: each field is declared once, on the model's column.

marshmallow-sqlalchemy turns columns into fields (type, required, nullable, max length, enum
values); StrictConverter makes those fields strict. A resource's schemas then add by hand only
what a column cannot say: trimming, a minimum length, a range, a description.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from marshmallow import RAISE, fields, post_load, validate
from marshmallow_sqlalchemy import ModelConverter, SQLAlchemyAutoSchema

from app.kernel.models.base import largest_integer
from app.kernel.models.owned import SERVER_FIELDS
from app.kernel.schemas.fields import (
    AwareDateTime,
    DecimalString,
    StrictBoolean,
    StrictInteger,
    Text,
)
from app.kernel.schemas.pagination import KeysetArgsSchema
from app.kernel.schemas.row_dump import dump_row, plan_of
from app.kernel.services.pagination import Listing
from app.kernel.services.rows import Patch

STRICT: dict[type[fields.Field[Any]], type[fields.Field[Any]]] = {
    fields.Integer: StrictInteger,  # no "3", 3.5 or true
    fields.Boolean: StrictBoolean,  # only true and false
    fields.String: Text,  # no NUL characters, which PostgreSQL refuses
    fields.Decimal: DecimalString,  # "12.50", exact, within NUMERIC(P, S)
}


class StrictConverter(ModelConverter):
    def _get_field_class_for_data_type(self, data_type: Any) -> type[fields.Field[Any]]:
        if getattr(data_type, "timezone", False) and _python_type(data_type) is dt.datetime:
            return AwareDateTime  # an offset is required: a bare time would be a guess
        field_class = super()._get_field_class_for_data_type(data_type)
        return STRICT.get(field_class, field_class)

    def _add_column_kwargs(self, kwargs: dict[str, Any], column: Any) -> None:
        super()._add_column_kwargs(kwargs, column)
        if getattr(column.type, "asdecimal", False):
            del kwargs["places"]  # DecimalString takes the scale with the precision
            kwargs["precision"], kwargs["scale"] = column.type.precision, column.type.scale or 0
        largest = largest_integer(column.type)  # a larger value is a 422, not PostgreSQL's 500
        if largest is not None and not column.primary_key:
            kwargs["validate"].append(validate.Range(-largest - 1, largest))
        if "enum" in kwargs:
            kwargs["by_value"] = True  # "todo", not "TODO"
        if column.default is not None and column.default.is_scalar:
            kwargs["metadata"]["default"] = column.default.arg  # documented, not filled in

    def property2field(self, prop: Any, *, instance: bool = True, **kwargs: Any) -> Any:
        """A hand-written validate or metadata adds to the column's, instead of replacing it."""
        if not instance:
            return super().property2field(prop, instance=False, **kwargs)
        extra, metadata = kwargs.pop("validate", None), kwargs.pop("metadata", {})
        field = super().property2field(prop, **kwargs)
        for rule in [extra] if callable(extra) else extra or []:
            _add_rule(field, rule)
        field.metadata.update(metadata)
        return field


def _python_type(data_type: Any) -> type | None:
    try:
        python_type: type = data_type.python_type
    except NotImplementedError:
        return None
    return python_type


def _add_rule(field: fields.Field[Any], rule: Any) -> None:
    """A minimum length joins the column's maximum in one rule: "between 1 and 200"; a range
    written by hand replaces the column type's (it is narrower)."""
    column_length = next((v for v in field.validators if isinstance(v, validate.Length)), None)
    if isinstance(rule, validate.Length) and column_length is not None:
        field.validators.remove(column_length)
        rule = validate.Length(rule.min, rule.max or column_length.max)
    if isinstance(rule, validate.Range):
        field.validators = [v for v in field.validators if not isinstance(v, validate.Range)]
    field.validators.append(rule)


class RowSchema(SQLAlchemyAutoSchema[Any]):
    """What a client gets back: every column but the owner and the version (the ETag)."""

    class Meta:
        model_converter = StrictConverter
        include_fk = True  # a reference to another resource's row is a field: book_id
        exclude: tuple[str, ...] = ("owner_id", "version")

    def on_bind_field(self, field_name: str, field_obj: fields.Field[Any]) -> None:
        field_obj.required = True  # always present in a response, null or not
        _undocument_default(field_obj)  # a create's default, not a response's

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)  # type: ignore[no-untyped-call]
        model: Any = self.opts.model
        self.plan = plan_of(self, set(model.__table__.c.keys()))

    def dump(self, obj: Any, *, many: bool | None = None) -> Any:
        """Row by row through the plan of row_dump.py, which gives what marshmallow would."""
        if self.plan is None:
            return super().dump(obj, many=many)
        if self.many if many is None else many:
            return [dump_row(self.plan, row) for row in obj]
        return dump_row(self.plan, obj)

    def get_attribute(self, obj: Any, attr: str, default: Any) -> Any:
        """Every field is a column, read as an attribute: of a model object, or of a read's
        Core row (a named tuple, which marshmallow's default would first index by name)."""
        return getattr(obj, attr, default)


class NewRowSchema(SQLAlchemyAutoSchema[Any]):
    """The body of a create: the columns a client may set. Loads an unsaved row."""

    class Meta:
        model_converter = StrictConverter
        include_fk = True
        exclude: tuple[str, ...] = SERVER_FIELDS
        unknown = RAISE  # an unknown field is a 422, never silently dropped

    @post_load
    def make_row(self, data: dict[str, Any], **kwargs: Any) -> Any:
        model: Any = self.opts.model
        return model(**data)


class ChangesSchema(NewRowSchema):
    """A partial update: only the fields present are changed. Loads a Patch."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(partial=True, **kwargs)  # type: ignore[no-untyped-call]

    def on_bind_field(self, field_name: str, field_obj: fields.Field[Any]) -> None:
        _undocument_default(field_obj)  # a missing field stays as it is

    @post_load
    def make_row(self, data: dict[str, Any], **kwargs: Any) -> Any:
        model: Any = self.opts.model
        return Patch(values=model(**data), fields=frozenset(data))


class ListArgsSchema(KeysetArgsSchema):
    """A list's query: page or cursor, sort, q, id and the subclass's filters. Loads a Listing."""

    ids = fields.List(
        fields.Integer(validate=validate.Range(1, 2**31 - 1)),  # an id is an INTEGER
        data_key="id",
        validate=validate.Length(max=100),
        metadata={
            "description": "Only the rows with these ids (repeat it: id=3&id=5), so a screen "
            "fetches the rows it refers to in one request."
        },
    )

    @post_load
    def make_listing(self, data: dict[str, Any], **kwargs: Any) -> Listing:
        page, per_page, sort = data.pop("page"), data.pop("per_page"), data.pop("sort")
        search, cursor = data.pop("search", None), data.pop("cursor", None)
        ids = data.pop("ids", None)
        return Listing(
            page=page,
            per_page=per_page,
            sort=sort,
            search=search,
            filters=data,
            cursor=cursor,
            ids=ids,
        )


def sort_field(sortable: Iterable[str], default: str = "-created_at") -> fields.String:
    choices = [choice for name in sortable for choice in (name, f"-{name}")]
    return fields.String(
        load_default=default,
        validate=validate.OneOf(choices),
        metadata={"description": "A field name; a leading '-' sorts descending."},
    )


def search_field(column: str, max_length: int) -> Text:
    return Text(
        data_key="q",
        validate=validate.Length(max=max_length),
        metadata={"description": f"Case-insensitive text the {column} contains."},
    )


def _undocument_default(field: fields.Field[Any]) -> None:
    field.metadata = {key: value for key, value in field.metadata.items() if key != "default"}
