"""`copier copy` gives a named project for each option, and its own checks and tests pass.

Each option runs the suites it changes (make test-template; the full make test of one project
takes minutes): every project runs make check and the backend's tests; the named one also the UI
and the container files; without the UI, the generator; without the example, the UI (its client
is regenerated) and the migrations (they run in the backend step).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.generator.conftest import make
from tests.template.conftest import start

pytestmark = pytest.mark.checkout

NAME = {"project_name": "Acme Books"}


def found(project: Path, *patterns: str) -> list[str]:
    """Lines of the project's files that hold any of PATTERNS (git grep, case-insensitive)."""
    args = [arg for pattern in patterns for arg in ("-e", pattern)]
    done = subprocess.run(
        ["git", "grep", "-n", "-i", *args],  # noqa: S607
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.splitlines()


def test_the_name_goes_everywhere_a_user_sees_it(template: Path, projects: Path) -> None:
    project = start(template, projects / "acme", **NAME)

    assert found(project, "flask-template", "tasks-api", "flask template") == []
    assert not (project / "flaskBackend/devtools/project").exists()  # start.py is done
    assert 'name = "acme-books"' in (project / "flaskBackend/pyproject.toml").read_text()
    assert json.loads((project / "ui/package.json").read_text())["name"] == "acme-books-ui"
    assert '"API_TITLE": "Acme Books API"' in (project / "flaskBackend/app/__init__.py").read_text()
    assert "<title>Acme Books</title>" in (project / "ui/index.html").read_text()
    assert "\nname: acme-books\n" in (project / "docker-compose.yml").read_text()
    assert (
        "namespace: acme-books"
        in (project / "deploy/k8s/overlays/production/kustomization.yaml").read_text()
    )
    tracing = (project / "flaskBackend/app/kernel/tracing.py").read_text()
    assert 'DEFAULT_SERVICE_NAME = "acme-books"' in tracing
    assert 'MAIL_FROM="Acme Books <no-reply@localhost>"' in (project / ".env.example").read_text()
    assert (project / "README.md").read_text().startswith("# Acme Books\n")
    answers = (project / ".copier-answers.yml").read_text()
    assert "project_slug: acme-books" in answers
    assert [line.split(":")[0] for line in found(project, "copier:")] == [".copier-answers.yml"]
    make(project, "check")
    make(project, "lint-containers")
    make(project, "test-backend")
    make(project, "test-ui")


def test_without_the_ui_the_api_and_the_generator_work(template: Path, projects: Path) -> None:
    project = start(template, projects / "api-only", **NAME, ui="false")

    assert not (project / "ui").exists()
    assert (project / "flaskBackend/devtools/resource/templates/ui").is_dir()  # only ui/ goes
    assert found(project, "flask-template", "tasks-api", "flask template") == []
    compose = (project / "docker-compose.yml").read_text()
    assert "\n  ui:" not in compose
    assert '- "${API_PORT:-8000}:8000"' in compose
    assert 'PROXY_COUNT: "0"' in compose  # nobody in front of the published API
    assert "ui.yaml" not in (project / "deploy/k8s/base/kustomization.yaml").read_text()
    targets = make(project, "help").stdout
    assert "test-ui" not in targets
    assert "e2e" not in targets
    assert "make resource" in targets
    make(project, "check")
    make(project, "lint-containers")
    make(project, "resource", "name=books", "fields=title:str(200):unique year:int?")
    assert (project / "flaskBackend/app/books/model.py").exists()
    assert not (project / "ui").exists()
    make(project, "test-backend")  # the generated resource's tests too


def test_without_the_example_no_task_is_left(template: Path, projects: Path) -> None:
    project = start(template, projects / "no-example", **NAME, example="false")

    assert found(project, "flask-template", "tasks-api", "flask template") == []
    for folder in ("flaskBackend/app/tasks", "flaskBackend/tests/tasks", "ui/src/tasks", "bench"):
        assert not (project / folder).exists(), folder
    assert "/api/tasks" not in (project / "ui/src/api/schema.d.ts").read_text()
    # The history never made the table: no migration names it (the backend step runs them).
    migrations = project / "flaskBackend/alembic/versions"
    assert [p.name for p in migrations.glob("*.py") if '"tasks"' in p.read_text()] == []
    template_migrations = list((template / "flaskBackend/alembic/versions").glob("*.py"))
    assert len(list(migrations.glob("*.py"))) == len(template_migrations) - 2  # the example's own
    assert "make bench" not in make(project, "help").stdout
    for readme in ("README.md", "flaskBackend/README.md", "ui/README.md", "deploy/README.md"):
        text = (project / readme).read_text()
        assert "/tasks" not in text, readme
        assert "`tasks`" not in text, readme
    make(project, "check")
    make(project, "test-backend")  # the migrations' tests: one head, up and down, models match
    make(project, "test-ui")
