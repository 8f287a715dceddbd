"""A row's response, dumped column by column through a plan made once per schema.

marshmallow's dump asks each field to find its value (an accessor, a missing-value check, a
default) and then to format it: for a page of 20 rows, more time than reading the rows. Most of
a row's fields are columns whose Python value is its JSON value already (an int, a str, a bool,
None) or one method call away (a date's isoformat(), an enum's value). The plan says, once per
schema, how to get each field's JSON value from a row: copy the attribute, convert it, or (for
any other field: a Decimal, a Method, a field the schema adds) ask the field itself, as
marshmallow does. A schema with dump hooks (@pre_dump, @post_dump) is dumped by marshmallow.

The row is a model object or a Core row (repositories/reads.py); both have a column's value as
the attribute of its name.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

from marshmallow import Schema, fields, missing

from app.kernel.schemas.fields import AwareDateTime, StrictBoolean, StrictInteger, Text

Getter = Callable[[Any], Any]
Plan = tuple[tuple[str, Getter], ...]  # (key in the response, how to get its value from a row)

# Fields whose dump of a column's value is the value itself (int(3), str("a"), bool(True)).
AS_IS = {fields.Integer, StrictInteger, fields.String, Text, fields.Boolean, StrictBoolean}
# Fields that format a date or time with their SERIALIZATION_FUNCS (isoformat, by default).
TEMPORAL = {fields.DateTime, fields.AwareDateTime, AwareDateTime, fields.Date}


def plan_of(schema: Schema, columns: set[str]) -> Plan | None:
    """How to dump a row with `schema`, or None when marshmallow must (dump hooks)."""
    hooks = type(schema).resolve_hooks()
    if hooks.get("pre_dump") or hooks.get("post_dump"):
        return None
    plan = []
    for name, field in schema.dump_fields.items():
        key = field.data_key if field.data_key is not None else name
        attribute = field.attribute or name
        if attribute in columns:
            plan.append((key, _getter(field, name, attribute, schema)))
        else:
            plan.append((key, _asking(field, name, schema)))
    return tuple(plan)


def dump_row(plan: Plan, row: Any) -> dict[str, Any]:
    # A field that asks finds nothing (missing) where the row has no such attribute: no key.
    return {key: value for key, get in plan if (value := get(row)) is not missing}


def _getter(field: fields.Field[Any], name: str, attribute: str, schema: Schema) -> Getter:
    kind = type(field)
    if kind in AS_IS and not getattr(field, "as_string", False):
        return attrgetter(attribute)
    if kind in TEMPORAL:
        temporal: Any = field
        formatter = kind.SERIALIZATION_FUNCS.get(temporal.format or kind.DEFAULT_FORMAT)  # type: ignore[attr-defined]
        if formatter is not None:
            return _converting(attribute, formatter)
    if kind is fields.Enum and getattr(field, "by_value", False) is True:
        return _converting(attribute, attrgetter("value"))
    return _asking(field, name, schema)


def _converting(attribute: str, convert: Callable[[Any], Any]) -> Getter:
    def get(row: Any) -> Any:
        value = getattr(row, attribute)
        return None if value is None else convert(value)

    return get


def _asking(field: fields.Field[Any], name: str, schema: Schema) -> Getter:
    """The field finds and formats its value itself, as in marshmallow's dump."""

    def get(row: Any) -> Any:
        return field.serialize(name, row, accessor=schema.get_attribute)

    return get
