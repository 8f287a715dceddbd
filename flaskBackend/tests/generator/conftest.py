"""A temporary checkout of this working tree, for commands that write files and migrate."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
# The suites that take in every resource (the authorisation matrix, statement counts, the OpenAPI
# document, bodies on every endpoint) and the migrations: with a resource's own tests, what a new
# or changed resource can break, in a fraction of the whole backend suite's time.
EVERY_RESOURCE = (
    "tests/api/test_authorisation_matrix.py",
    "tests/api/test_query_counts.py",
    "tests/api/test_openapi.py",
    "tests/api/test_json_numbers.py",
    "tests/migrations",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)  # noqa: S607
    return done.stdout


def make(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """`make ARGS` in the checkout, as a developer runs it."""
    return run(["make", "--no-print-directory", *args], cwd, check=check)


def backend_tests(cwd: Path, *paths: str) -> None:
    """The backend tests in PATHS of the checkout, on its own throwaway PostgreSQL."""
    run([".venv/bin/pytest", "-n", "auto", *paths], cwd / "flaskBackend")


def run(command: list[str], cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    # Its own throwaway PostgreSQL and dev database, whatever the calling make test uses.
    outer = ("MAKE", "TEST_", "DATABASE_URL", "POSTGRES_", "PYTEST_", "COV_CORE")
    env = {key: value for key, value in os.environ.items() if not key.startswith(outer)}
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if check:
        assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.fixture
def checkout(tmp_path: Path) -> Iterator[Path]:
    yield from checkout_in(tmp_path / "checkout")


@pytest.fixture(scope="module")
def module_checkout(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One checkout for the tests of a module that `reset` it after each."""
    yield from checkout_in(tmp_path_factory.mktemp("module") / "checkout")


def reset(copy: Path, commit: str) -> None:
    """Back to COMMIT, keeping what git ignores (.run/ with the dev database, caches)."""
    git(copy, "reset", "-q", "--hard", commit)
    git(copy, "clean", "-fdq")


def checkout_in(copy: Path) -> Iterator[Path]:
    """Every file git knows of in this working tree (as it is now), committed in a new
    repository, with this tree's virtualenv and node_modules, a copy of its mypy cache (what
    make check finds unchanged it does not check again) and ports of its own."""
    for name in git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split(
        "\0"
    ):
        source = ROOT / name
        if name and source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    (copy / "flaskBackend" / ".venv").symlink_to(ROOT / "flaskBackend" / ".venv")
    (copy / "ui" / "node_modules").symlink_to(ROOT / "ui" / "node_modules")
    if (ROOT / "flaskBackend" / ".mypy_cache").is_dir():
        shutil.copytree(
            ROOT / "flaskBackend" / ".mypy_cache", copy / "flaskBackend" / ".mypy_cache"
        )
    env = (ROOT / ".env.example").read_text()
    for name in ("POSTGRES_PORT", "API_PORT", "UI_PORT"):
        env = env.replace(f"\n{name}=", f"\n{name}={free_port()}\n# was: ", 1)
    (copy / ".env").write_text(env)
    git(copy, "init", "-q")
    git(copy, "add", "-A")
    git(copy, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "start")
    yield copy
    # The dev cluster of the checkout stops after each command; its data may live in /var/tmp.
    run_dir = copy / ".run" / "postgres"
    if run_dir.is_symlink():
        shutil.rmtree(run_dir.resolve(), ignore_errors=True)


def commit(cwd: Path, message: str) -> None:
    git(cwd, "add", "-A")
    git(cwd, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", message)
