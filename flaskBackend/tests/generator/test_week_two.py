"""Week two as the README tells it: a shared table an owned resource refers to, a business rule
in a hook, an endpoint of the user's own, then a new field; every hand edit stays and the
checkout's checks and backend suite (the generated contracts included) pass."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.generator.conftest import commit, make

pytestmark = pytest.mark.checkout

RULE = '''
    def before_update(self, caller: Principal, row: Book, changes: Mapping[str, object]) -> None:
        """Hand-written: a published book cannot lose pages."""
        pages = changes.get("pages", row.pages)
        if row.published and isinstance(pages, int) and pages < row.pages:
            raise InvalidInput("pages", "A published book cannot lose pages.")

    def publish(self, caller: Principal, book_id: int) -> Book:
        """Hand-written: publish one of the caller's books."""
        with self.uow:
            book = self.visible(caller, book_id, for_update=True)
            book.published = True
            self.uow.commit()
            return book
'''
ENDPOINT = '''

@blp.route(f"/<{ID_CONVERTER}:book_id>/publish", endpoint="PublishBook")
class Publish(MethodView):
    @login_required
    @blp.doc(operationId="publishBook", summary="Publish a book")
    @blp.response(200, schemas.BookSchema, headers={"ETag": etag_header("book")})
    @blp.alt_response(404, response="NOT_FOUND", description="No such book.")
    def post(self, book_id: int) -> tuple[Book, dict[str, str]]:
        """Hand-written: the book, published, with its new ETag."""
        book = service(BookService).publish(caller(), book_id)
        return book, {"ETag": etag_of(book)}
'''
ACCESS = '''"""Hand-written: the books' endpoint of their own, in the authorisation matrix."""

from app.kernel.controllers.owned import ID_CONVERTER
from tests.access import Access

ACCESS = {
    ("POST", f"/api/books/<{ID_CONVERTER}:book_id>/publish"): Access("owner", 404),
}
'''
TESTS = '''"""Hand-written: the rule and the endpoint."""

from flask.testing import FlaskClient

from tests.books.factories import BookFactory


def test_a_published_book_cannot_lose_pages(client: FlaskClient) -> None:
    book = BookFactory(pages=100)

    published = client.post(f"/api/books/{book.id}/publish")
    shrunk = client.patch(f"/api/books/{book.id}", json={"pages": 99})
    grown = client.patch(f"/api/books/{book.id}", json={"pages": 101})

    assert published.status_code == 200
    assert published.json["published"] is True
    assert shrunk.status_code == 422
    assert shrunk.json["errors"] == {"pages": ["A published book cannot lose pages."]}
    assert grown.status_code == 200
'''


def add_imports(path: Path, *lines: str) -> None:
    """Before the file's first import (make fmt sorts them and drops the repeats)."""
    text = path.read_text()
    first = re.search(r"^(from|import) ", text, re.MULTILINE)
    assert first, path
    at = first.start()
    path.write_text(text[:at] + "".join(f"{line}\n" for line in lines) + text[at:])


def test_a_shared_table_a_rule_an_endpoint_and_a_field_and_every_edit_stays(
    checkout: Path,
) -> None:
    make(checkout, "resource", "name=categories", "fields=name:str(80):unique", "scope=shared")
    make(
        checkout,
        "resource",
        "name=books",
        "fields=title:str(200) pages:int(1..10000)=100 published:bool=false "
        "category:ref(categories)",
    )
    app, tests = checkout / "flaskBackend/app/books", checkout / "flaskBackend/tests/books"
    add_imports(
        app / "service.py",
        "from collections.abc import Mapping",
        "from app.kernel.services.errors import InvalidInput",
        "from app.kernel.services.principal import Principal",
    )
    (app / "service.py").write_text((app / "service.py").read_text() + RULE)
    add_imports(
        app / "controller.py",
        "from flask.views import MethodView",
        "from app.books.model import Book",
        "from app.kernel.composition import service",
        "from app.kernel.controllers.access import caller, login_required",
        "from app.kernel.controllers.owned import ID_CONVERTER",
        "from app.kernel.controllers.versions import etag_header, etag_of",
    )
    (app / "controller.py").write_text((app / "controller.py").read_text() + ENDPOINT)
    (tests / "access.py").write_text(ACCESS)
    (tests / "test_rules.py").write_text(TESTS)
    make(checkout, "fmt")
    commit(checkout, "books: a rule, an endpoint of their own, its tests")

    make(checkout, "field", "resource=books", "fields=isbn:str(13)?:unique")

    assert "A published book cannot lose pages." in (app / "service.py").read_text()
    assert 'operationId="publishBook"' in (app / "controller.py").read_text()
    assert "isbn: Mapped[str | None]" in (app / "model.py").read_text()
    assert (tests / "test_rules.py").read_text() == TESTS
    make(checkout, "check")
    make(checkout, "test-backend")
