"""make field adds fields to a generated resource and keeps every hand edit, or changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.generator.conftest import EVERY_RESOURCE, backend_tests, commit, git, make, reset, run

pytestmark = pytest.mark.checkout

RULE = '''
    def before_create(self, caller: Principal, row: Book) -> None:
        """Hand-written: a rule of the user's own."""
        if row.title.lower() == "untitled":
            raise InvalidInput("title", "Give the book a real title.")
'''


def test_a_new_field_goes_everywhere_and_hand_edits_stay(checkout: Path) -> None:
    make(checkout, "resource", "name=books", "fields=title:str(200):unique year:int?")
    service = checkout / "flaskBackend/app/books/service.py"
    form = checkout / "ui/src/books/BookForm.tsx"
    service.write_text(
        service.read_text().replace(
            "from app.kernel.services.owned import OwnedService\n",
            "from app.kernel.services.errors import InvalidInput\n"
            "from app.kernel.services.owned import OwnedService\n"
            "from app.kernel.services.principal import Principal\n",
        )
        + RULE
    )
    form.write_text("// Hand-written: a note of the user's own.\n" + form.read_text())
    commit(checkout, "books, with a rule and a note")

    added = make(checkout, "field", "resource=books", "fields=isbn:str(13)?:unique")

    assert "add isbn to books" in added.stdout
    assert "Give the book a real title." in service.read_text()
    assert form.read_text().startswith("// Hand-written: a note of the user's own.")
    model = (checkout / "flaskBackend/app/books/model.py").read_text()
    assert "isbn: Mapped[str | None]" in model
    assert 'UniqueConstraint("owner_id", "isbn")' in model
    assert "isbn" in form.read_text()
    assert "isbn" in (checkout / "flaskBackend/tests/books/test_api.py").read_text()
    versions = sorted((checkout / "flaskBackend/alembic/versions").glob("*add_isbn_to_books.py"))
    assert len(versions) == 1
    # The checks (types, layers), the tests of books, the new field's included, with the suites
    # that take in every resource (make test-backend and make test-ui run whole in
    # test_remove_resource.py), and the UI's types, lint and books' unit tests, in the checkout.
    make(checkout, "check")
    backend_tests(checkout, "tests/books", *EVERY_RESOURCE)
    for ui in (
        ["typecheck"],
        ["eslint", "--max-warnings=0", "src/books", "src/features.ts"],
        ["prettier", "--check", "src"],
        ["vitest", "run", "src/books"],
    ):
        run(["corepack", "yarn", *ui], checkout / "ui")


@pytest.fixture(scope="module")
def with_books(module_checkout: Path) -> str:
    make(module_checkout, "resource", "name=books", "fields=title:str(200):unique")
    commit(module_checkout, "books")
    return git(module_checkout, "rev-parse", "HEAD").strip()


@pytest.fixture
def books(module_checkout: Path, with_books: str) -> Iterator[Path]:
    """A checkout with books (title:str(200):unique) committed, as it was before each test."""
    yield module_checkout
    reset(module_checkout, with_books)


def test_an_edit_where_the_field_goes_stops_it_and_nothing_is_written(books: Path) -> None:
    model = books / "flaskBackend/app/books/model.py"
    # The user rewrote the line after which a new column goes.
    model.write_text(model.read_text().replace("String(200))", "String(200))  # the title"))
    commit(books, "books, hand-edited")
    before = {p: p.read_text() for p in (books / "flaskBackend").rglob("*.py")}

    refused = make(books, "field", "resource=books", "fields=pages:int?", check=False)

    assert refused.returncode == 2, refused.stdout
    assert "flaskBackend/app/books/model.py" in refused.stderr
    assert {p: p.read_text() for p in (books / "flaskBackend").rglob("*.py")} == before


def test_a_required_field_without_a_default_is_refused(books: Path) -> None:
    refused = make(books, "field", "resource=books", "fields=pages:int", check=False)

    assert refused.returncode == 2
    assert "make it optional (pages:int?) or give it a default" in refused.stderr
