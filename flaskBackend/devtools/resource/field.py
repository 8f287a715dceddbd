"""make field resource=books fields="isbn:str(13)?:unique": add fields to a generated resource.

Every file of the resource is rendered twice, for the field list it was generated with (the
`# make resource ...` line of its model) and for that list plus the new fields, formatted as
make resource formats them. Each file on disk is then merged three ways (git merge-file): what
you changed stays, what the new fields add comes in. If any file cannot be merged cleanly,
nothing is written and the message names the file. Then, as make resource does: a migration
named after the change (add_isbn_to_books), applied to the dev database, and the client.
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from devtools.resource.__main__ import (
    CLIENT,
    VERSIONS,
    Transaction,
    known_resources,
    reload_dev_api,
    run,
)
from devtools.resource.grammar import parse
from devtools.resource.render import BACKEND, ROOT, UI, project_files
from devtools.resource.spec import Spec, SpecError

SOURCE_LINE = "# make resource "


def generated_with(resource: str) -> dict[str, str]:
    """What make resource was given for this resource, from the line it left in the model."""
    model = BACKEND / "app" / resource / "model.py"
    if not model.exists():
        raise SpecError(f"resource={resource}: there is no app/{resource}/model.py")
    line = next((x for x in model.read_text().splitlines() if x.startswith(SOURCE_LINE)), None)
    if line is None:
        raise SpecError(
            f"app/{resource}/model.py has no '{SOURCE_LINE.strip()} ...' line, so it was not "
            "generated (or the line was removed): add the field by hand (the model's column, "
            'make migration m="add ...", the schema if a column cannot say a rule, make client, '
            "the form)"
        )
    words = shlex.split(line.removeprefix(SOURCE_LINE), comments=True)  # drops the noqa
    return dict(word.split("=", 1) for word in words)


def specs(resource: str, fields: str) -> tuple[Spec, Spec, list[str]]:
    """The resource as generated, the resource with the new fields, and the new fields' names."""
    given = generated_with(resource)
    targets, taken = known_resources()
    arguments = {"force": True, "singular": given["singular"], "scope": given["scope"]}
    old = parse(resource, given["fields"], targets, taken, **arguments)  # type: ignore[arg-type]
    new = parse(resource, f"{given['fields']} {fields}", targets, taken, **arguments)  # type: ignore[arg-type]
    added = [f for f in new.fields if f.column not in {g.column for g in old.fields}]
    if not fields.split():
        raise SpecError('usage: make field resource=books fields="isbn:str(13)?:unique"')
    for f in added:
        if not f.optional and not f.has_default and f.type != "bool":
            raise SpecError(
                f"{f.name}: the table may have rows already: make it optional ({f.name}:"
                f"{f.type}?) or give it a default (=...)"
            )
    return old, new, [f.column for f in added]


def formatted(rendered: dict[Path, str], scratch: Path) -> dict[Path, str]:
    """The rendered files as make resource writes them: ruff for Python, Prettier for the UI.
    They are formatted where their configuration applies (a scratch folder in the backend and
    one in the UI), then read back."""
    placed: dict[Path, Path] = {}
    for n, (path, text) in enumerate(sorted(rendered.items())):
        side = BACKEND if path.parts[0] == "flaskBackend" else ROOT / "ui"
        target = side / scratch.name / str(n) / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
        placed[path] = target
    python = [str(p) for p in placed.values() if p.suffix == ".py"]
    run("ruff", [".venv/bin/ruff", "check", "--fix-only", "-q", *python], BACKEND)
    run("ruff format", [".venv/bin/ruff", "format", "-q", *python], BACKEND)
    ui = [str(p) for p in placed.values() if p.suffix in (".ts", ".tsx")]
    if ui:
        prettier = ["node_modules/.bin/prettier", "--write", "--log-level=warn", *ui]
        run("prettier", prettier, ROOT / "ui")
    return {path: target.read_text() for path, target in placed.items()}


def merge(ours: str, base: str, theirs: str) -> str | None:
    """Three-way merge of one file; None when it conflicts."""
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for name, text in (("ours", ours), ("base", base), ("theirs", theirs)):
            path = Path(folder) / name
            path.write_text(text)
            paths.append(str(path))
        done = subprocess.run(  # noqa: S603
            ["git", "merge-file", "-p", "--quiet", *paths],  # noqa: S607
            capture_output=True,
            text=True,
            check=False,
        )
    return done.stdout if done.returncode == 0 else None


def plan(old: Spec, new: Spec) -> tuple[dict[Path, str], list[str]]:
    """Each file's new text, and what is left as it is (files you deleted)."""
    scratch = Path(tempfile.mkdtemp(prefix=".make-field-", dir=BACKEND))
    try:
        before = formatted(project_files(old), scratch)
        after = formatted(project_files(new), scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        shutil.rmtree(ROOT / "ui" / scratch.name, ignore_errors=True)
    writes, notes, conflicts = {}, [], []
    for path, theirs in after.items():
        on_disk = ROOT / path
        if not on_disk.exists():
            if path in before:
                notes.append(f"{path} (you deleted it: left out)")
            else:
                writes[on_disk] = theirs
            continue
        ours = on_disk.read_text()
        merged = merge(ours, before.get(path, ""), theirs)
        if merged is None:
            conflicts.append(str(path))
        elif merged != ours:
            writes[on_disk] = merged
    if conflicts:
        raise SpecError(
            f"{', '.join(conflicts)}: changed where the new fields go, so nothing was written; "
            "add them there by hand (the other generated files show what each one needs)"
        )
    return writes, notes


def add(resource: str, fields: str) -> tuple[list[Path], list[str], str]:
    old, new, added = specs(resource, fields)
    writes, notes = plan(old, new)
    message = f"add {' and '.join(added)} to {resource}"
    done = Transaction()
    before = set(VERSIONS.glob("*.py"))
    try:
        for path, text in writes.items():
            done.write(path, text)
        if CLIENT.exists():
            done.before.setdefault(CLIENT, CLIENT.read_text())
        migrate = (
            ".venv/bin/alembic upgrade head && .venv/bin/alembic revision --autogenerate "
            f'-m "{message}" && .venv/bin/alembic upgrade head'
        )
        try:
            run("alembic", ["bash", "../scripts/dev.sh", "run", "bash", "-c", migrate], BACKEND)
        finally:
            for created in set(VERSIONS.glob("*.py")) - before:
                done.adopt(created)
        if UI.is_dir():
            run("make client", ["bash", "scripts/client.sh"], ROOT)
    except BaseException:
        done.undo()
        raise
    reload_dev_api()
    return sorted(writes) + sorted(set(VERSIONS.glob("*.py")) - before), notes, message


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make field")
    parser.add_argument("--resource", default="")
    parser.add_argument("--fields", default="")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        changed, notes, message = add(args.resource, args.fields)
    except SpecError as error:
        print(f"make field: {error}", file=sys.stderr)
        return 2
    print(f"make field: {message} in {time.monotonic() - started:.1f} s")
    for path in changed:
        print(f"  {path.relative_to(ROOT)}")
    for note in notes:
        print(f"  {note}")
    if (ROOT / "ui").is_dir():
        print("  ui/src/api/schema.d.ts (regenerated)")
    print("Your edits to these files are kept. The dev database has the column. Next: make test.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
