"""`copier update` brings a later template commit into a project that has changed since."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.generator.conftest import commit, git, make
from tests.template.conftest import copier, start

pytestmark = pytest.mark.checkout

# A fix the template makes after the project started: in a file that carries the template's
# name (so the rename must be applied to it again), on a line the project did not touch.
FIXED = "flaskBackend/app/kernel/tracing.py"
BEFORE = '"""OpenTelemetry traces of every request'
AFTER = '"""OpenTelemetry spans of every request'


def test_update_applies_a_later_template_fix_and_keeps_the_projects_work(
    template: Path, projects: Path
) -> None:
    assert (template / FIXED).read_text().startswith(BEFORE), "pick another line to change"
    project = start(template, projects / "acme", project_name="Acme Books", ui="false")
    # The project's own work: a resource, and an edit to a file of the template.
    make(project, "resource", "name=books", "fields=title:str(200):unique")
    kernel_readme = project / "flaskBackend" / "README.md"
    kernel_readme.write_text(kernel_readme.read_text() + "\nOur own note.\n")
    commit(project, "books, and a note")
    # The template's later commit.
    fixed = template / FIXED
    fixed.write_text(fixed.read_text().replace(BEFORE, AFTER, 1))
    commit(template, "a fix")

    copier(project, "update", "--trust", "--defaults")

    tracing = (project / FIXED).read_text()
    assert tracing.startswith(AFTER)
    assert 'DEFAULT_SERVICE_NAME = "acme-books"' in tracing  # the name stays the project's
    assert kernel_readme.read_text().endswith("\nOur own note.\n")
    assert (project / "flaskBackend/app/books/model.py").exists()
    status = git(project, "status", "--porcelain").splitlines()
    assert sorted(line[3:] for line in status) == [".copier-answers.yml", FIXED]
    assert (
        git(template, "rev-parse", "--short", "HEAD").strip()
        in (project / ".copier-answers.yml").read_text()
    )
    make(project, "check")
    make(project, "test-backend")
