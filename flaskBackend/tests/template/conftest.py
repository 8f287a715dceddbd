"""Projects started from a snapshot of this working tree, as `copier copy --trust` starts them."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.generator.conftest import ROOT, commit, free_port, git

COPIER = ROOT / "flaskBackend" / ".venv" / "bin" / "copier"
# copier commits in its scratch copies; a machine without a git identity still runs these tests.
IDENTITY = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.com",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.com",
}


def copier(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    outer = ("MAKE", "TEST_DATABASE_URL", "DATABASE_URL", "POSTGRES_")
    env = {key: value for key, value in os.environ.items() if not key.startswith(outer)}
    done = subprocess.run(
        [str(COPIER), *args],
        cwd=cwd,
        env={**env, **IDENTITY},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.fixture
def template(tmp_path: Path) -> Path:
    """Every file git knows of in this working tree (as it is now), committed in a new
    repository: what `copier copy` reads from a clone of the template."""
    repo = tmp_path / "template"
    names = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    for name in names.split("\0"):
        source = ROOT / name
        if name and source.is_file() and not source.is_symlink():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repo / name)
    git(repo, "init", "-q")
    commit(repo, "the template")
    return repo


def start(template: Path, project: Path, **answers: str) -> Path:
    """`copier copy --trust --defaults` with ANSWERS, then git init and a first commit.

    The project borrows this tree's virtualenv (installing it is make's job, and slow) and gets
    ports of its own; the UI's dependencies it installs itself, as a new project does.
    """
    (project / "flaskBackend").mkdir(parents=True)
    (project / "flaskBackend" / ".venv").symlink_to(ROOT / "flaskBackend" / ".venv")
    data = [f"--data={key}={value}" for key, value in answers.items()]
    copier(project.parent, "copy", "--trust", "--defaults", *data, str(template), str(project))
    env = (project / ".env.example").read_text()
    for name in ("POSTGRES_PORT", "API_PORT", "UI_PORT"):
        env = env.replace(f"\n{name}=", f"\n{name}={free_port()}\n# was: ", 1)
    (project / ".env").write_text(env)
    git(project, "init", "-q")
    commit(project, "start")
    return project


@pytest.fixture
def projects(tmp_path: Path) -> Iterator[Path]:
    """A folder for the projects of one test; their dev clusters' data may live in /var/tmp."""
    folder = tmp_path / "projects"
    folder.mkdir()
    yield folder
    for run_dir in folder.glob("*/.run/postgres"):
        if run_dir.is_symlink():
            shutil.rmtree(run_dir.resolve(), ignore_errors=True)
