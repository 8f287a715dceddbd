"""A faster dump for schemas whose every field reads one attribute of a row.

marshmallow's dump looks each value up through three generic layers per field (accessor,
get_value, the missing/default check) before the field formats it: for a page of 20 rows that
bookkeeping was most of the time of serialising (make bench). When every field is a plain one,
the plan of (key, attribute, field) is made once, and each value goes straight to the field's
own formatting; a schema with any other field (a Method, a dump_default, a custom accessor)
keeps marshmallow's path.
"""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields, missing


class RowDump(Schema):
    _plan: list[tuple[str, str, fields.Field[Any]]] | None

    def _serialize(self, obj: Any, *, many: bool = False) -> Any:
        plan = self.__dict__.get("_plan", False)
        if plan is False:
            plan = self._plan = _plan_of(self)
        if plan is None or obj is None:
            return super()._serialize(obj, many=many)
        if many:
            return [{key: f._serialize(getattr(o, a), a, o) for key, a, f in plan} for o in obj]
        return {key: field._serialize(getattr(obj, attr), attr, obj) for key, attr, field in plan}


def _plan_of(schema: Schema) -> list[tuple[str, str, fields.Field[Any]]] | None:
    if type(schema).get_attribute is not Schema.get_attribute:
        return None
    plan = []
    for name, field in schema.dump_fields.items():
        plain = (
            type(field).serialize is fields.Field.serialize
            and type(field).get_value is fields.Field.get_value
            and field._CHECK_ATTRIBUTE
            and field.dump_default is missing
        )
        if not plain:
            return None
        key = field.data_key if field.data_key is not None else name
        plan.append((key, field.attribute or name, field))
    return plan
