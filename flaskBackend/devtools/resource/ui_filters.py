"""Jinja filters of the UI templates (templates/ui): a field's TypeScript type, form control,
list cell, and the values the generated UI test types and expects."""

from __future__ import annotations

from decimal import Decimal

from devtools.resource.python_filters import camel, decimal_bounds, range_message
from devtools.resource.spec import Field, Spec


def ts_type(f: Field) -> str:
    names = {"int": "number", "bool": "boolean", "ref": "number"}
    base = names.get(f.type, "string")
    if f.type == "enum":
        base = " | ".join(f"'{c}'" for c in f.choices)
    return f"{base} | null" if f.optional else base


def camel_lower(snake: str) -> str:
    text = camel(snake)
    return text[0].lower() + text[1:]


def initial_value(f: Field) -> str:
    """The input's starting value: the row's, else the column's default, else empty."""
    given = f"initial?.{f.column}"
    default = f.default if f.has_default else None
    if f.type == "bool":
        return f"{given} ?? {'true' if default else 'false'}"
    if f.type == "datetime":
        fallback = f"'{default.isoformat()}'" if default is not None else "null"  # type: ignore[attr-defined]
        return f"localInput({given} ?? {fallback})"
    if f.type == "enum" and default is None and not f.optional:
        default = f.choices[0]
    fallback = f"'{default}'" if default is not None else "''"
    if f.type in ("int", "ref"):
        return f"String({given} ?? {fallback})"
    return f"{given} ?? {fallback}"


def sent_value(f: Field) -> str:
    value = f"values.{f.column}"
    if f.type in ("int", "ref"):
        return f"numberOrNull({value})"
    if f.type == "datetime":
        return f"instantOrNull({value})"
    if f.type == "bool" or (f.type in ("str", "text", "enum") and not f.optional):
        return value
    return f"textOrNull({value})"


def form_helpers(spec: Spec) -> list[str]:
    used = {
        "decimalRule": spec.has("decimal"),
        "instantOrNull": spec.has("datetime"),
        "labelOf": spec.has("enum"),
        "localInput": spec.has("datetime"),
        "numberOrNull": spec.has("int", "ref"),
        "textOrNull": any("textOrNull" in sent_value(f) for f in spec.fields),
    }
    return [name for name, needed in used.items() if needed]


def sent_needs_assertion(spec: Spec) -> bool:
    """Whether the form's sent values need `as NewX`: an enum's text is not its union type, and
    a converted value may be null where the field is not (the linter refuses a needless one)."""
    converted = ("int", "ref", "decimal", "date", "datetime")
    return any(f.type == "enum" or (f.type in converted and not f.optional) for f in spec.fields)


def form_control(f: Field) -> str:
    register = f"{{...form.register('{f.column}')}}"
    if f.type == "text":
        return f"<textarea rows={{4}} {register} />"
    if f.type in ("enum", "ref"):
        empty = '<option value="">—</option>' if f.optional or f.type == "ref" else ""
        if f.type == "enum":
            values = ", ".join(f"'{c}'" for c in f.choices)
            options = (f"{{[{values}].map((value) => (<option key={{value}} value={{value}}>"
                       "{labelOf(value)}</option>))}")  # fmt: skip
        else:
            # The saved choice may be past the first 100: referenceChoices keeps it.
            rows = f"{camel_lower(f.target.names.plural) if f.target else ''}.data?.items ?? []"
            choices = f"referenceChoices({rows}, {names_of(f)}, initial?.{f.column})"
            options = (f"{{{choices}.map((choice) => (<option key={{choice.value}} "
                       "value={choice.value}>{choice.label}</option>))}")  # fmt: skip
        return f"<select {register}>{empty}{options}</select>"
    kinds = {"int": 'type="number" inputMode="numeric" ', "decimal": 'inputMode="decimal" ',
             "bool": 'type="checkbox" ', "date": 'type="date" ',
             "datetime": 'type="datetime-local" '}  # fmt: skip
    if f.type == "decimal":
        register = f"{{...form.register('{f.column}', {{ validate: {decimal_rule(f)} }})}}"
    required = "required " if f.required and f.type == "str" else ""
    return f"<input {kinds.get(f.type, '')}{required}{register} />"


def decimal_rule(f: Field) -> str:
    """The form's copy of the API's decimal check: decimalRule(10, 2, { min: '0', ... })."""
    if not f.ranged:
        return f"decimalRule({f.precision}, {f.scale})"
    bounds = [
        f"{key}: '{value}'" for key, value in (("min", f.low), ("max", f.high)) if value is not None
    ]
    rule = ", ".join([*bounds, f"message: '{range_message(f)}'"])
    return f"decimalRule({f.precision}, {f.scale}, {{ {rule} }})"


def target_url(f: Field) -> str:
    return f.target.names.url if f.target else ""


def names_of(f: Field) -> str:
    """The variable a screen keeps the referenced rows' names in: taskNames."""
    return f"{f.target.names.camel_singular}Names" if f.target else ""


def cell(f: Field, row: str) -> str:
    value = f"{row}.{f.column}"
    name = f"nameIn({names_of(f)}, {value})"  # a reference's: its row's display field
    if f.type == "bool":
        return f"{{{value} ? 'Yes' : 'No'}}"
    shown = {
        "enum": f"labelOf({value})",
        "datetime": f"new Date({value}).toLocaleString()",
        "ref": f"<Link to={{`/{target_url(f)}/${{{value}}}`}}>{{{name}}}</Link>",
    }.get(f.type, value)
    if f.type == "ref":
        return shown if not f.optional else f"{{{value} === null ? '—' : {shown}}}"
    if not f.optional:
        return f"{{{shown}}}"
    return f"{{{value} === null ? '—' : {shown}}}"


def sample(f: Field) -> str:
    """A value of the field for the UI tests' stand-in row."""
    if f.type == "str":
        return repr(f"{f.label} one"[: f.length])
    if f.type == "text":
        return "'Some text'"
    if f.type == "int":
        return str(f.low if f.ranged else 1)
    if f.type == "decimal":
        return repr(decimal_sample(f))
    samples = {"bool": "false", "date": "'2026-01-01'", "datetime": "'2026-01-01T10:00:00Z'",
               "ref": "3"}  # fmt: skip
    return samples.get(f.type) or repr(f.choices[0])


def decimal_sample(f: Field) -> str:
    """One, or the value nearest to it that the column and its range allow, with every decimal."""
    low, high = decimal_bounds(f)
    step = Decimal(1).scaleb(-(f.scale or 0))
    return str(min(max(Decimal(1), low), high).quantize(step))


def fill(f: Field) -> tuple[str, str]:
    """A line of a UI test that fills the field, and the value the API should then receive."""
    find = f"await screen.findByLabelText('{f.label}')"
    if f.type == "ref":
        return f"await user.selectOptions({find}, '3');", "3"
    if f.type == "bool":
        return f"await user.click({find});", "true"
    if f.type == "enum":
        return f"await user.selectOptions({find}, '{f.choices[-1]}');", repr(f.choices[-1])
    if f.type == "datetime":
        return (f"fireEvent.change({find}, {{ target: {{ value: '2026-05-01T09:30' }} }});",
                "new Date('2026-05-01T09:30').toISOString()")  # fmt: skip
    typed = {
        "str": "Sample"[: f.length],
        "text": "Some text",
        "date": "2026-05-01",
        "int": str(f.low if f.ranged else 5),
        "decimal": decimal_sample(f),
    }[f.type]
    sent = typed if f.type == "int" else repr(typed)
    return f"await user.type({find}, '{typed}');", sent


def expected(spec: Spec) -> list[str]:
    """What the UI test's create must send: each field it fills, as a JavaScript value."""
    return [f"{f.column}: {fill(f)[1]}" for f in spec.fields if f.required or f.type == "ref"]
