"""The files of a resource, rendered from templates/ with Jinja: path -> text, nothing written."""

from __future__ import annotations

import textwrap
from decimal import Decimal
from pathlib import Path

import jinja2

from devtools.resource.spec import INT32, Field, Names, Spec, SpecError, Target

TEMPLATES = Path(__file__).parent / "templates"
BACKEND = Path(__file__).parents[2]
ROOT = BACKEND.parent
UI = ROOT / "ui"


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


def column_arguments(f: Field, model: str) -> str:
    kinds = {
        "str": f"String({f.length})",
        "text": "Text",
        "int": "Integer",
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
        low, high = (f.low, f.high) if f.low is not None else (0, INT32[1])
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
        start = "dt.datetime(2000, 1, 1, tzinfo=dt.UTC)"
        return f"factory.Sequence(lambda n: {start} + dt.timedelta(hours=n))"
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


def factory_module(target: Target) -> str:
    own = BACKEND / "tests" / target.names.plural / "factories.py"
    return f"tests.{target.names.plural}.factories" if own.exists() else "tests.factories"


def sqlalchemy_imports(spec: Spec) -> list[str]:
    wanted = {
        "String": spec.has("str"),
        "Text": spec.has("text"),
        "Integer": spec.has("int"),
        "Numeric": spec.has("decimal"),
        "Date": spec.has("date"),
        "DateTime": spec.has("datetime"),
        "ForeignKey": spec.has("ref"),
        "CheckConstraint": any(f.ranged for f in spec.fields),
        "UniqueConstraint": bool(spec.unique),
    }
    return sorted(name for name, used in wanted.items() if used)


def environment(spec: Spec) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # noqa: S701 - source code, not HTML
    )
    model = spec.names.model
    env.filters.update(
        camel=camel,
        python_type=lambda f: python_type(f).replace("{model}", model),
        column_arguments=lambda f: column_arguments(f, model),
        hand_rules=hand_rules,
        filter_field=lambda f: filter_field(f, model),
        check_condition=check_condition,
        range_message=range_message,
        factory_value=factory_value,
        refused=refused,
        camel_lower=camel_lower,
        initial_value=initial_value,
        sent_value=sent_value,
        form_control=form_control,
        cell=cell,
        sample=sample,
        fill=lambda f: fill(f)[0],
        factory_module=factory_module,
        ts_type=ts_type,
    )
    return env


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


def files(spec: Spec) -> dict[Path, str]:
    """Every file of the resource, by its path from the repository's root."""
    n = spec.names
    env = environment(spec)
    context = {
        "spec": spec,
        "n": n,
        "scope": "shared" if spec.shared else "owned",  # the kernel modules the files build on
        "base": "Shared" if spec.shared else "Owned",
        "imports": {"sqlalchemy": sqlalchemy_imports(spec)},
        "change": change(spec),
        "list_description": textwrap.wrap(list_description(spec), 72),
        "columns": columns(spec),
        "form_helpers": form_helpers(spec),
        "sent_needs_assertion": sent_needs_assertion(spec),
        "first": spec.fields[0],
        "row_link": sample(spec.label).strip("'") if spec.label else "#7",
        "sent_expectation": "{ " + ", ".join(expected(spec)) + " }",
    }
    backend = {
        f"app/{n.plural}/__init__.py": "package.py",
        f"app/{n.plural}/model.py": "model.py",
        f"app/{n.plural}/repository.py": "repository.py",
        f"app/{n.plural}/service.py": "service.py",
        f"app/{n.plural}/schemas.py": "schemas.py",
        f"app/{n.plural}/controller.py": "controller.py",
        f"tests/{n.plural}/__init__.py": "test_package.py",
        f"tests/{n.plural}/factories.py": "factory.py",
        f"tests/{n.plural}/test_api.py": "test_api.py",
        f"tests/{n.plural}/test_service.py": "test_service.py",
        f"tests/{n.plural}/test_repository.py": "test_repository.py",
    }
    ui = {
        f"{n.plural}/queries.ts": "queries.ts",
        f"{n.plural}/feature.tsx": "feature.tsx",
        f"{n.plural}/{n.model}ListPage.tsx": "ListPage.tsx",
        f"{n.plural}/{n.model}Form.tsx": "Form.tsx",
        f"{n.plural}/New{n.model}Page.tsx": "NewPage.tsx",
        f"{n.plural}/Edit{n.model}Page.tsx": "EditPage.tsx",
        f"{n.plural}/{n.model}Pages.test.tsx": "Pages.test.tsx",
    }
    rendered = {
        Path("flaskBackend", path): env.get_template(f"backend/{name}.jinja").render(context)
        for path, name in backend.items()
    }
    for path, name in ui.items():
        template = TEMPLATES / "ui" / f"{name}.jinja"
        if template.exists():
            rendered[Path("ui/src", path)] = env.get_template(f"ui/{name}.jinja").render(context)
    return rendered


def project_files(spec: Spec) -> dict[Path, str]:
    """The files written: without a ui/ (a project started with copier, ui=false), no UI's."""
    written = files(spec).items()
    return {path: text for path, text in written if path.parts[0] != "ui" or UI.is_dir()}


def columns(spec: Spec) -> list[Field]:
    """The list's columns: the row's name first, then every short field, six at most."""
    shown = [f for f in spec.fields if f.type != "text" and f is not spec.label]
    return ([spec.label] if spec.label else []) + shown[: 6 - bool(spec.label)]


def list_description(spec: Spec) -> str:
    parts = []
    filters = [f.column for f in spec.fields if f.filters]
    if filters:
        parts.append("filter by " + ", ".join(filters))
    if spec.search:
        parts.append(f"search the {spec.search.name}")
    parts.append("sort by any listed field, and page through the results.")
    text = "; ".join(parts)
    return text[0].upper() + text[1:]
