"""Jinja filters of the Python templates (templates/backend): a field's column, schema field,
checks, factory value, refused values."""

from __future__ import annotations

from decimal import Decimal

from devtools.resource.spec import INT16, INT32, Field, Names, Spec, SpecError


def camel(snake: str) -> str:
    return "".join(word.capitalize() for word in snake.split("_"))


def python_type(f: Field) -> str:
    names = {"str": "str", "text": "str", "int": "int", "decimal": "Decimal", "bool": "bool",
             "date": "dt.date", "datetime": "dt.datetime", "ref": "int"}  # fmt: skip
    base = names.get(f.type) or f"{{model}}{camel(f.name)}"
    return f"{base} | None" if f.optional else base


def python_value(f: Field, value: object, model: str) -> str:
    if f.type == "enum":
        return f"{model}{camel(f.name)}.{str(value).upper()}"
    if isinstance(value, Decimal):
        return f'Decimal("{value}")'
    if f.type == "date":
        return f'dt.date.fromisoformat("{value}")'
    if f.type == "datetime":
        return f'dt.datetime.fromisoformat("{value.isoformat()}")'  # type: ignore[attr-defined]
    return repr(value)


def small(f: Field) -> bool:
    """An int whose range fits in two bytes is stored in two (SMALLINT)."""
    return f.ranged and INT16[0] <= (f.low or 0) and (f.high or 0) <= INT16[1]


def column_arguments(f: Field, model: str) -> str:
    kinds = {
        "str": f"String({f.length})",
        "text": "Text",
        "int": "SmallInteger" if small(f) else "Integer",
        "decimal": f"Numeric({f.precision}, {f.scale})",
        "date": "Date",
        "datetime": "DateTime(timezone=True)",
        "enum": f'string_enum({model}{camel(f.name)}, "{f.name}")',
        "ref": f'ForeignKey("{f.target.names.plural}.id"), index=True' if f.target else "",
    }
    arguments = [kinds[f.type]] if f.type in kinds else []
    if f.has_default:
        arguments.append(f"default={python_value(f, f.default, model)}")
    return ", ".join(arguments)


def hand_rules(f: Field) -> str:
    """What a column cannot say: trimming and a minimum length, a text's maximum, a range."""
    if f.type == "str":
        return "strip=True" if f.optional else "strip=True, validate=validate.Length(min=1)"
    if f.type == "text" and f.length:
        return f"validate=validate.Length(max={f.length})"
    if f.ranged and f.type == "decimal":
        low, high = (f'Decimal("{b}")' if b is not None else "None" for b in (f.low, f.high))
        return f'validate=validate.Range({low}, {high}, error="{range_message(f)}")'
    if f.ranged:
        return f"validate=validate.Range({f.low}, {f.high})"
    return ""


def range_message(f: Field) -> str:
    """What a decimal out of its range is told; the UI's form says the same."""
    if f.low is not None and f.high is not None:
        return f"Must be between {f.low} and {f.high}."
    return f"Must be at least {f.low}." if f.low is not None else f"Must be at most {f.high}."


def check_condition(f: Field) -> str:
    """The CheckConstraint of a range: the database keeps it too."""
    if f.low is not None and f.high is not None:
        return f"{f.column} BETWEEN {f.low} AND {f.high}"
    return f"{f.column} >= {f.low}" if f.low is not None else f"{f.column} <= {f.high}"


def decimal_bounds(f: Field) -> tuple[Decimal, Decimal]:
    """The smallest and largest value the column and its range allow."""
    step = Decimal(1).scaleb(-(f.scale or 0))
    largest = Decimal(10) ** ((f.precision or 0) - (f.scale or 0)) - step
    low = Decimal(f.low) if f.low is not None else -largest
    high = Decimal(f.high) if f.high is not None else largest
    return low, high


def filter_field(f: Field, model: str) -> str:
    if f.type == "enum":
        return f"fields.Enum({model}{camel(f.name)}, by_value=True)"
    if f.type == "bool":
        return 'fields.Boolean(truthy={"true"}, falsy={"false"})'
    return f"fields.Integer(validate=validate.Range(1, {INT32[1]}))"


def factory_value(f: Field, names: Names) -> str:
    """A valid value, varied where the field is unique or sortable, so lists have an order."""
    model = names.model
    if f.type == "str":
        label = camel(f.name)
        if f.length is not None and len(label) + 11 <= f.length:
            return f'factory.Sequence(lambda n: f"{label} {{n}}")'
        return f"factory.Sequence(lambda n: str(n)[-{f.length}:])"
    if f.type == "text":
        size = min(f.length or 200, 200)
        return f'factory.Faker("text", max_nb_chars={size})' if size >= 5 else '"x"'
    if f.type == "int":
        low = f.low if f.low is not None else 0
        high = f.high if f.high is not None else INT32[1]
        return f"factory.Sequence(lambda n: {low} + n % {high - low + 1})"
    if f.type == "decimal":
        low, high = decimal_bounds(f)
        start = max(low, Decimal(0)) if high >= 0 else low  # upwards from 0, or from the lowest
        count = min(int((high - start).scaleb(f.scale or 0)) + 1, 10**9)
        if start == 0:
            return f"factory.Sequence(lambda n: Decimal(n % {count}).scaleb(-{f.scale}))"
        step = f"Decimal(n % {count}).scaleb(-{f.scale})"
        return f'factory.Sequence(lambda n: Decimal("{start}") + {step})'
    if f.type == "bool":
        return repr(bool(f.default)) if f.has_default else "False"
    if f.type == "date":
        return "factory.Sequence(lambda n: dt.date(2000, 1, 1) + dt.timedelta(days=n % 3_000_000))"
    if f.type == "datetime":
        origin = "dt.datetime(2000, 1, 1, tzinfo=dt.UTC)"
        return f"factory.Sequence(lambda n: {origin} + dt.timedelta(hours=n))"
    if f.type == "enum":
        return python_value(f, f.default if f.has_default else f.choices[0], model)
    return f"referenced({f.target.names.model if f.target else ''}Factory)"


def refused(f: Field) -> list[str]:
    """Values the API must refuse for this field, each a 422 naming it."""
    values: list[str] = [] if f.optional else ["None"]
    if f.type == "str":
        values += ["5", f'"x" * {(f.length or 0) + 1}'] + ([] if f.optional else ['""', '"   "'])
    elif f.type == "text":
        values += ["7"] + ([f'"x" * {f.length + 1}'] if f.length else [])
    elif f.type == "int":
        values += ['"3"', "2.5", "True"]
        values += [str(f.low - 1), str(f.high + 1)] if f.ranged else [str(INT32[1] + 1)]  # type: ignore[operator]
    elif f.type == "decimal":
        precision, scale = f.precision or 0, f.scale or 0
        values += ["1.5", '"abc"', '"1e3"', f'"{"1" * (precision - scale + 1)}"']
        values += [f'"0.{"1" * (scale + 1)}"']
        step = Decimal(1).scaleb(-scale)
        values += [f'"{f.low - step}"'] if f.low is not None else []
        values += [f'"{f.high + step}"'] if f.high is not None else []
    elif f.type == "bool":
        values += ["1", '"true"']
    elif f.type == "date":
        values += ['"2026-02-30"', '"tomorrow"', "20260101"]
    elif f.type == "datetime":
        values += ['"2026-01-01T09:00:00"', '"yesterday"', '"0001-01-01T00:00:00+01:00"']
    elif f.type == "enum":
        values += ['"not_a_choice"', "1"]
    else:
        values += ["0", '"1"', str(INT32[1] + 1)]
    return values


def change(spec: Spec) -> dict[str, object]:
    """A valid change that differs from every value the factory gives."""
    for f in spec.fields:
        if f.type in ("str", "text"):
            return {f.column: "Changed"[: f.length or 7]}
        if f.type == "int":
            return {f.column: f.high if f.ranged and f.high != f.low else INT32[1] - 1}
        if f.type == "decimal":
            return {f.column: str(decimal_bounds(f)[1])}
        if f.type == "bool":
            return {f.column: not (f.has_default and f.default)}
        if f.type == "date":
            return {f.column: "1999-12-31"}
        if f.type == "datetime":
            return {f.column: "1999-12-31T00:00:00+00:00"}
        if f.type == "enum" and len(f.choices) > 1:
            given = f.default if f.has_default else f.choices[0]
            return {f.column: next(c for c in f.choices if c != given)}
    raise SpecError("fields=: give at least one field that is not a ref or a one-value enum")


def sqlalchemy_imports(spec: Spec) -> list[str]:
    wanted = {
        "String": spec.has("str"),
        "Text": spec.has("text"),
        "Integer": any(f.type == "int" and not small(f) for f in spec.fields),
        "SmallInteger": any(small(f) for f in spec.fields),
        "Numeric": spec.has("decimal"),
        "Date": spec.has("date"),
        "DateTime": spec.has("datetime"),
        "ForeignKey": spec.has("ref"),
        "CheckConstraint": any(f.ranged for f in spec.fields),
        "UniqueConstraint": bool(spec.unique),
    }
    return sorted(name for name, used in wanted.items() if used)
