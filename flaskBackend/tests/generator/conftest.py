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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)  # noqa: S607
    return done.stdout


def make(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """`make ARGS` in the checkout, as a developer runs it."""
    # Its own throwaway PostgreSQL and dev database, whatever the calling make test uses.
    outer = ("MAKE", "TEST_DATABASE_URL", "DATABASE_URL", "POSTGRES_")
    env = {key: value for key, value in os.environ.items() if not key.startswith(outer)}
    done = subprocess.run(
        ["make", "--no-print-directory", *args],  # noqa: S607
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if check:
        assert done.returncode == 0, done.stdout + done.stderr
    return done


@pytest.fixture
def checkout(tmp_path: Path) -> Iterator[Path]:
    """Every file git knows of in this working tree (as it is now), committed in a new
    repository, with this tree's virtualenv and node_modules and ports of its own."""
    copy = tmp_path / "checkout"
    for name in git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split(
        "\0"
    ):
        source = ROOT / name
        if name and source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    (copy / "flaskBackend" / ".venv").symlink_to(ROOT / "flaskBackend" / ".venv")
    (copy / "ui" / "node_modules").symlink_to(ROOT / "ui" / "node_modules")
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
