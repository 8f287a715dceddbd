"""The files of a resource, rendered from templates/ with Jinja: path -> text, nothing written."""

from __future__ import annotations

import textwrap
from pathlib import Path

import jinja2

from devtools.resource.python_filters import (
    camel,
    change,
    check_condition,
    column_arguments,
    factory_value,
    filter_field,
    hand_rules,
    python_type,
    range_message,
    refused,
    sqlalchemy_imports,
)
from devtools.resource.spec import Field, Spec, Target
from devtools.resource.ui_filters import (
    camel_lower,
    cell,
    expected,
    fill,
    form_control,
    form_helpers,
    initial_value,
    sample,
    sent_needs_assertion,
    sent_value,
    ts_type,
)

TEMPLATES = Path(__file__).parent / "templates"
BACKEND = Path(__file__).parents[2]
ROOT = BACKEND.parent
UI = ROOT / "ui"


def factory_module(target: Target) -> str:
    own = BACKEND / "tests" / target.names.plural / "factories.py"
    return f"tests.{target.names.plural}.factories" if own.exists() else "tests.factories"


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
