"""The tasks example is what `make resource name=tasks fields="$FIELDS"` writes, formatted as the
generator formats it (ruff, then Prettier), so the example and the generator cannot drift apart.

A file the example extends by hand keeps every line the generator writes, in order (imports
aside: ruff merges them); a file the example adds has no template. Each list says why.
This test is the example's own: make remove-resource name=tasks takes it with the rest.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from devtools.resource.grammar import parse
from devtools.resource.render import BACKEND, ROOT, UI, project_files

pytestmark = pytest.mark.checkout

FIELDS = (
    "title:str(200):unique description:text(10000)? status:enum(todo|doing|done)=todo "
    "priority:int(1..5)=3 due_date:date?"
)
RENDERED = project_files(parse("tasks", FIELDS, {}, set()))  # no UI files in a project without ui/
FOLDERS = ("flaskBackend/app/tasks", "flaskBackend/tests/tasks", "ui/src/tasks")

EXTENDED = {
    "flaskBackend/app/tasks/service.py": "a rule in a hook (a done task changes only to reopen) "
    "and a method of its own, complete()",
    "flaskBackend/app/tasks/controller.py": "an endpoint of its own: POST /api/tasks/{id}/complete",
}
ADDED = {
    "flaskBackend/app/tasks/seed.py": "sample tasks for `flask seed` (make dev)",
    "flaskBackend/tests/tasks/access.py": "the complete endpoint in the authorisation matrix",
    "flaskBackend/tests/tasks/test_done_tasks.py": "the tests of the hook and of complete",
    "flaskBackend/tests/tasks/test_seed.py": "`flask seed` adds the sample tasks once",
    "flaskBackend/tests/tasks/test_matches_generator.py": "this test: the example is what the "
    "generator writes",
    "ui/src/tasks/flow.e2e.ts": "Playwright: one user's day through the screens, on the real API",
    "ui/src/tasks/collisions.e2e.ts": "Playwright: a taken title (409) and a stale copy (412)",
    "ui/src/tasks/testData.ts": "the stand-in task the two deeper UI tests below serve",
    "ui/src/tasks/TaskListPage.test.tsx": "deeper tests of the list: paging, filters in the URL, "
    "the search delay, errors",
    "ui/src/tasks/TaskForms.test.tsx": "deeper tests of the form and edit screens: 409 under "
    "the field, 412 and reload, delete",
}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The rendered files in a temporary tree, formatted with the project's own settings."""
    out = tmp_path_factory.mktemp("generated")
    for path, text in RENDERED.items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_text(text)
    shutil.copy(BACKEND / "pyproject.toml", out / "flaskBackend")
    python = [str(out / p) for p in RENDERED if p.suffix == ".py"]
    ui = [str(out / p) for p in RENDERED if p.suffix in (".ts", ".tsx")]
    first_party = f"src = ['{BACKEND}']"  # sorts app.* and tests.* imports as in the checkout
    for step in (["check", "--fix-only"], ["format"]):
        subprocess.run(
            [str(BACKEND / ".venv/bin/ruff"), *step, "-q", "--config", first_party, *python],
            cwd=BACKEND,
            check=True,
        )
    if ui:
        shutil.copy(UI / ".prettierrc.json", out / "ui")
        subprocess.run(
            [str(UI / "node_modules/.bin/prettier"), "--write", "--log-level=warn", *ui],
            cwd=UI,
            check=True,
        )
    return out


def kept_lines(text: str) -> list[str]:
    return [
        line for line in text.splitlines() if line and not line.startswith(("from ", "import "))
    ]


def keeps_in_order(generated: str, committed: str) -> bool:
    """Whether every line of generated (but its imports) is in committed, in the same order."""
    remaining = iter(committed.splitlines())
    return all(line in remaining for line in kept_lines(generated))


@pytest.mark.parametrize("path", sorted(RENDERED), ids=str)
def test_the_committed_file_is_what_the_generator_writes(generated: Path, path: Path) -> None:
    written, committed = (generated / path).read_text(), (ROOT / path).read_text()

    if str(path) in EXTENDED:
        assert keeps_in_order(written, committed), f"{path} lost lines the generator writes"
    else:
        assert committed == written, f"{path} differs from the generator's: regenerate one"


def test_every_other_file_of_the_example_is_listed_with_its_reason() -> None:
    example = {
        str(path.relative_to(ROOT))
        for folder in FOLDERS
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    rendered = {str(path) for path in RENDERED}

    added = {path for path in ADDED if not path.startswith("ui/") or UI.is_dir()}
    assert example - rendered == added
    assert set(EXTENDED) <= rendered
    assert not set(ADDED) & rendered


def test_keeps_in_order_sees_a_lost_or_moved_line() -> None:
    generated = "from a import b\n\nclass X:\n    one = 1\n    two = 2\n"

    assert keeps_in_order(
        generated, "from a import b, c\n\nclass X:\n    one = 1\n    x = 0\n    two = 2\n"
    )
    assert not keeps_in_order(generated, "class X:\n    two = 2\n    one = 1\n")
    assert not keeps_in_order(generated, "class X:\n    one = 1\n")
