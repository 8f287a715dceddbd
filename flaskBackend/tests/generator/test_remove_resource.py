"""make remove-resource is the inverse of make resource, and refuses what would break."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.generator.conftest import EVERY_RESOURCE, backend_tests, commit, git, make, run

pytestmark = pytest.mark.checkout

VERSIONS = "flaskBackend/alembic/versions"


def tracked(cwd: Path) -> dict[str, bytes]:
    names = git(cwd, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    return {name: (cwd / name).read_bytes() for name in names if name and (cwd / name).is_file()}


def test_generate_then_remove_gives_the_tree_back_but_the_migrations(checkout: Path) -> None:
    before = tracked(checkout)
    # A shared resource (admins write it), and an owned one that refers to it.
    make(checkout, "resource", "name=authors", "fields=name:str(80):unique", "scope=shared")
    make(checkout, "resource", "name=books", "fields=title:str(200):unique author:ref(authors)")
    # Their generated tests, the authorisation matrix and the statement counts, over HTTP.
    backend_tests(checkout, "tests/authors", "tests/books", *EVERY_RESOURCE)

    uncommitted = make(checkout, "remove-resource", "name=books", check=False)
    commit(checkout, "generated")
    referenced = make(checkout, "remove-resource", "name=authors", check=False)
    make(checkout, "remove-resource", "name=books")
    make(checkout, "remove-resource", "name=authors")

    assert uncommitted.returncode == 2, uncommitted.stdout
    assert "has changes git does not have" in uncommitted.stderr
    assert referenced.returncode == 2
    assert "books.author_id refers to authors" in referenced.stderr
    after = tracked(checkout)
    migrations = sorted(name for name in set(after) - set(before) if name.startswith(VERSIONS))
    assert len(migrations) == 4, migrations  # two that create the tables, two that drop them
    assert sorted(name.split("_", 4)[-1] for name in migrations if "_remove_" in name) == [
        "remove_authors.py",
        "remove_books.py",
    ]
    assert {name: text for name, text in after.items() if name not in migrations} == before


def test_removing_the_example_leaves_the_checks_and_tests_green(checkout: Path) -> None:
    removed = make(checkout, "remove-resource", "name=tasks")

    assert "flaskBackend/app/tasks/" in removed.stdout
    assert not (checkout / "flaskBackend" / "app" / "tasks").exists()
    assert not (checkout / "ui" / "src" / "tasks").exists()
    # The backend suite (on a throwaway PostgreSQL), the layers and types, the UI's lint, types,
    # unit tests and client: what make test runs, but the server-level steps and the UI's build
    # (its imports are what the types check; without a feature, it can only get smaller).
    make(checkout, "check")
    make(checkout, "test-backend")
    for ui in (["lint"], ["typecheck"], ["test"]):
        run(["corepack", "yarn", *ui], checkout / "ui")
    run(["bash", "scripts/client.sh", "--check"], checkout)
