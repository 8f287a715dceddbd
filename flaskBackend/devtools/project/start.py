"""Make a copy of this repository a project of its own: copier.yml runs this after `copier copy`.

The repository is a working project as cloned: its files hold the template's own identity
("Flask Template", "flask-template", its description and mail sender), and no placeholders. This
program turns a fresh copy into the named project:

1. Options: lines between `copier:if ui` and `copier:end ui` markers (any comment syntax) go when
   the option is off; lines between `copier:unless ui` and `copier:end ui` are commented-out
   alternatives that are uncommented when it is off and go when it is on (same for `example`).
2. Without the example: copier.yml leaves out its folders and its own two migrations, and the
   `copier:if example` blocks of the two it shares with the users' tables go, so the history
   never creates the table. Lines between `copier:if template` and `copier:end template` are the
   template's own: they go.
3. Names: each identity string, longest first, in every text file under the folder (and the
   README's title); ui/yarn.lock keeps its entries sorted.

It uses the standard library only (it runs before the virtualenv exists), and the same answers
give the same files: `copier update` runs it again on fresh copies and diffs them. Last, it
removes its own folder: a project has no use for it.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SKIPPED = {".git", "node_modules", ".venv", ".run", "__pycache__"}
OPTIONS = ("ui", "example")
# `copier:if template` marks what only the template itself has (its own tests of copier).
TEMPLATE_ONLY = {"template": False}


def identity(args: argparse.Namespace) -> list[tuple[str, str]]:
    """What the template calls itself, and what the project is called: longest first."""
    pairs = [
        ("Flask Template <no-reply@localhost>", args.mail_from),
        ("A layered Flask REST API over PostgreSQL with a React UI", args.description),
        ("Flask Template", args.name),
        ("flask-template", args.slug),
        ("flask_template", args.slug.replace("-", "_")),
    ]
    return [(old, new) for old, new in pairs if old != new]


def text_files(root: Path) -> list[Path]:
    found = []
    for path in sorted(root.rglob("*")):
        if SKIPPED.intersection(path.relative_to(root).parts) or not path.is_file():
            continue
        if path.is_symlink() or path.suffix in {".png", ".ico", ".gz", ".woff2"}:
            continue
        found.append(path)
    return found


def choose(text: str, options: dict[str, bool]) -> str:
    """Keep or drop the option blocks of one file (see the module's docstring); they nest."""
    if "copier:" not in text:
        return text
    kept: list[str] = []
    blocks: list[tuple[str, str]] = []  # (if or unless, option), innermost last
    for line in text.splitlines(keepends=True):
        marker = re.search(r"copier:(if|unless|end) (\w+)", line)
        if marker and marker[2] in options:
            if marker[1] == "end":
                blocks.remove(next(b for b in reversed(blocks) if b[1] == marker[2]))
            else:
                blocks.append((marker[1], marker[2]))
        elif all(options[option] == (kind == "if") for kind, option in blocks):
            unless = any(kind == "unless" for kind, _ in blocks)
            kept.append(re.sub(r"^(\s*)# ?", r"\1", line) if unless else line)
    return "".join(kept)


def lock_key(entry: str) -> str:
    return entry.split("\n", 1)[0].rstrip(":").strip('"')


def sort_the_workspace(lock: str) -> str:
    """Yarn keeps the lock file's entries sorted: the UI's own entry moves with its new name."""
    entries = lock.rstrip("\n").split("\n\n")
    ours = next((e for e in entries if lock_key(e).endswith("@workspace:.")), None)
    if ours is None:
        return lock
    entries.remove(ours)
    first = next(n for n, e in enumerate(entries) if e.startswith("__metadata:")) + 1
    place = next(
        (n for n in range(first, len(entries)) if lock_key(entries[n]) > lock_key(ours)),
        len(entries),
    )
    entries.insert(place, ours)
    return "\n\n".join(entries) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--name", required=True)
    parser.add_argument("--slug", required=True)
    parser.add_argument("--description", required=True)
    parser.add_argument("--mail-from", required=True)
    for option in OPTIONS:
        parser.add_argument(f"--{option}", choices=("true", "false"), default="true")
    args = parser.parse_args(argv)
    options = {option: getattr(args, option) == "true" for option in OPTIONS} | TEMPLATE_ONLY
    pairs = identity(args)
    for path in text_files(ROOT):
        try:
            text = path.read_text()
        except UnicodeDecodeError:
            continue
        changed = choose(text, options)
        for old, new in pairs:
            changed = changed.replace(old, new)
        if path.name == "yarn.lock":
            changed = sort_the_workspace(changed)
        if path == ROOT / "README.md":  # its title is the project's name
            changed = re.sub(r"\A# .*", lambda _: f"# {args.name}", changed)
        if changed != text:
            path.write_text(changed)
    shutil.rmtree(Path(__file__).parent)  # the project needs this program no more
    print(f"{args.name}: named {args.slug}, options {options}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
