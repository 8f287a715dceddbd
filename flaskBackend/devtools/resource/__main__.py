"""make resource name=books fields="title:str(200):unique ..." [scope=shared]: a whole resource,
generated: owned (each row a user's) or shared (everyone reads, administrators write).

Checks the request (one line and nothing written when it is wrong), writes every file, then lets
the real tools finish the job: Alembic autogenerates the migration against the dev database,
scripts/client.sh regenerates the UI's typed client, ruff and Prettier format. If any step
fails, every file it wrote is taken back, so there is never a half-generated tree.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import String

from app.kernel.models.base import Base
from app.kernel.models.owned import SERVER_FIELDS
from app.kernel.models.shared import Shared
from devtools.resource.grammar import parse
from devtools.resource.render import BACKEND, ROOT, UI, files, project_files
from devtools.resource.spec import Names, Spec, SpecError, Target
from devtools.resources import served_resources

VERSIONS = BACKEND / "alembic" / "versions"
CLIENT = ROOT / "ui" / "src" / "api" / "schema.d.ts"
RELOAD = ROOT / ".run" / "api-reload"  # make dev's API restarts when this file changes


def known_resources() -> tuple[dict[str, Target], set[str]]:
    """The resources a ref may point at, and every name already taken."""
    targets = {}
    for blp, resource in served_resources():
        columns = resource.model.__table__.columns
        texts = [c for c in columns if isinstance(c.type, String) and c.name not in SERVER_FIELDS]
        # What names its rows: a text every row has if there is one (as its own list links by).
        label = next((c.name for c in sorted(texts, key=lambda c: bool(c.nullable))), None)
        shared = issubclass(resource.model, Shared)
        targets[blp.name] = Target(Names(plural=blp.name, singular=resource.noun), label, shared)
    return targets, set(Base.metadata.tables) | set(targets)


class Transaction:
    """The files written so far, and what each held before: undo() puts everything back."""

    def __init__(self) -> None:
        self.before: dict[Path, str | None] = {}

    def write(self, path: Path, text: str) -> None:
        if path not in self.before:
            self.before[path] = path.read_text() if path.exists() else None
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)

    def adopt(self, path: Path) -> None:
        """A file a tool created (the migration): removed on undo."""
        self.before.setdefault(path, None)

    def undo(self) -> None:
        for path, text in self.before.items():
            if text is None:
                path.unlink(missing_ok=True)
            else:
                path.write_text(text)


def run(step: str, command: list[str], cwd: Path) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-3000:] + result.stderr[-3000:])
        raise SpecError(f"{step} failed (its output is above); nothing was kept")


def generate(spec: Spec) -> list[Path]:
    rendered = {ROOT / path: text for path, text in project_files(spec).items()}
    clash = [p for p in rendered if p.exists()]
    if clash:
        raise SpecError(f"{clash[0].relative_to(ROOT)} exists: nothing was written over it")
    done = Transaction()
    try:
        for path, text in rendered.items():
            done.write(path, text)
        python = [str(p) for p in rendered if p.suffix == ".py"]
        run("ruff", [".venv/bin/ruff", "check", "--fix-only", "-q", *python], BACKEND)
        run("ruff format", [".venv/bin/ruff", "format", "-q", *python], BACKEND)
        before = set(VERSIONS.glob("*.py"))
        if CLIENT.exists():
            done.before.setdefault(CLIENT, CLIENT.read_text())  # make client rewrites it
        migrate = (
            ".venv/bin/alembic upgrade head && .venv/bin/alembic revision --autogenerate "
            f'-m "create {spec.names.texts}"'
        )
        try:
            run(
                "alembic autogenerate",
                ["bash", "../scripts/dev.sh", "run", "bash", "-c", migrate],
                BACKEND,
            )
        finally:
            for created in set(VERSIONS.glob("*.py")) - before:
                done.adopt(created)
        if UI.is_dir():
            run("make client", ["bash", "scripts/client.sh"], ROOT)
        ui = [str(p) for p in rendered if p.suffix in (".ts", ".tsx")]
        if ui:
            run(
                "prettier",
                ["node_modules/.bin/prettier", "--write", "--log-level=warn", *ui],
                ROOT / "ui",
            )
        # Last, so nothing after it can fail: the dev database gets the table, and make dev's
        # API reloads (it watches this file: scripts/dev.sh) and serves the new folder.
        apply = ["bash", "../scripts/dev.sh", "run", ".venv/bin/alembic", "upgrade", "head"]
        run("alembic upgrade", apply, BACKEND)
    except BaseException:
        done.undo()
        raise
    reload_dev_api()
    migrations = [p for p in done.before if p.parent == VERSIONS and p.exists()]
    return sorted(rendered) + migrations + ([CLIENT] if CLIENT.exists() else [])


def reload_dev_api() -> None:
    """Touch the file make dev's Flask reloader watches (flask run --extra-files)."""
    RELOAD.parent.mkdir(exist_ok=True)
    RELOAD.touch()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make resource")
    parser.add_argument("--name", default="")
    parser.add_argument("--fields", default="")
    parser.add_argument("--singular", default="")
    parser.add_argument("--scope", default="")
    parser.add_argument("--check-only", action="store_true", help="check the input, write nothing")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        targets, taken = known_resources()
        folder = ROOT / "ui" / "src" / args.name
        if args.name and args.name not in targets and folder.is_dir():
            raise SpecError(f"name={args.name}: ui/src/{args.name} is part of the template")
        spec = parse(
            args.name, args.fields, targets, taken, singular=args.singular or None,
            scope=args.scope or "owned",
        )  # fmt: skip
        if args.check_only:
            files(spec)  # the templates render too
            return 0
        written = generate(spec)
    except SpecError as error:
        print(f"make resource: {error}", file=sys.stderr)
        return 2
    tour(spec, written, time.monotonic() - started)
    return 0


def tour(spec: Spec, written: list[Path], seconds: float) -> None:
    n = spec.names
    print(f"make resource: wrote {n.texts} in {seconds:.1f} s")
    for path in written:
        lines = len(path.read_text().splitlines())
        note = " (regenerated)" if path == CLIENT else ""
        print(f"  {path.relative_to(ROOT)}  {lines} lines{note}")
    print(f"API: /api/{n.url} (list, create) and /api/{n.url}/{{id}} (get, change, delete)")
    if UI.is_dir():
        print(f"UI: /{n.url} in the navigation.")
    print("The dev database has the table; a running make dev reloads its API. Next: make test.")


if __name__ == "__main__":
    sys.exit(main())
