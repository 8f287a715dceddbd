"""What every resource's API promises, owned or shared, written once and checked per resource,
one test case per field, sort order and filter, so a failure names what broke.

owned_contract.py and shared_contract.py add what differs: who sees a row and who writes it.
`writer` is the client that may write rows (the owner; an administrator for shared rows).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.accounts.models.user import User
from app.kernel.models.owned import Owned
from app.kernel.models.role import UserRole
from app.kernel.models.row import Row
from tests.factories import UserFactory, factory_for
from tests.resources import (
    PROBLEM,
    body_for,
    filters_of,
    in_list_order,
    json_value,
    query_value,
    repository_of,
    resource,
    unique_of,
)

MISSING_ID = 2**31 - 1  # an id no row has


class RowApiContract:
    model: ClassVar[type[Row]]
    refused: ClassVar[dict[str, list[object]]]  # field -> values each refused with a 422
    change: ClassVar[dict[str, object]]  # a valid change to a row the factory made

    def url(self, row_id: int | None = None) -> str:
        prefix = resource(self.model)[0]
        return prefix if row_id is None else f"{prefix}/{row_id}"

    def count(self, session: Session) -> int:
        return session.scalar(select(func.count()).select_from(self.model)) or 0

    def pytest_generate_tests(self, metafunc: pytest.Metafunc) -> None:
        """One case per bad value, unique field, sort order, filter and reference of the
        resource; a resource without any (no reference, say) has no such case: the case is
        marked not_applicable and left out (tests/conftest.py), never skipped."""
        cases: dict[str, list[Any]] = {
            "refused": [
                pytest.param((field, value), id=f"{field}={value!r}"[:40])
                for field, values in self.refused.items()
                for value in values
            ],
            "unique": list(unique_of(self.model)),
            "sort": [f"{sign}{field}" for field in self.model.sortable for sign in ("", "-")],
            "filtered": filters_of(self.model),
            "reference": list(self.model.references()),
            "owned_reference": [
                column
                for column, target in self.model.references().items()
                if issubclass(target, Owned)
            ],
        }
        absent = pytest.param(None, marks=pytest.mark.not_applicable, id="none")
        for name, values in cases.items():
            if name in metafunc.fixturenames:
                metafunc.parametrize(name, values or [absent])

    @pytest.fixture
    def admin_client(self, client_for: Callable[[User], FlaskClient]) -> FlaskClient:
        return client_for(UserFactory(role=UserRole.ADMIN))

    @pytest.fixture
    def writer(self, client: FlaskClient) -> FlaskClient:
        return client

    def test_create_refuses_a_bad_value_naming_its_field(
        self, writer: FlaskClient, session: Session, refused: tuple[str, object]
    ) -> None:
        field, value = refused
        before = self.count(session)

        response = writer.post(self.url(), json={**body_for(self.model), field: value})

        assert response.status_code == 422, response.get_json()
        assert response.mimetype == PROBLEM
        assert set(response.json["errors"]) == {field}
        assert self.count(session) == before

    def test_create_refuses_missing_and_unknown_fields(self, writer: FlaskClient) -> None:
        body = body_for(self.model)
        required = [n for n, f in resource(self.model)[1].new().fields.items() if f.required]
        for name in required:
            missing = {key: value for key, value in body.items() if key != name}
            response = writer.post(self.url(), json=missing)
            assert response.status_code == 422, name
            assert set(response.json["errors"]) == {name}

        response = writer.post(self.url(), json={**body, "owner_id": 1, "unknown": 1})

        assert response.status_code == 422
        assert set(response.json["errors"]) == {"owner_id", "unknown"}

    def test_a_taken_unique_value_is_a_409_on_create_and_change(
        self, writer: FlaskClient, session: Session, unique: str
    ) -> None:
        factory = factory_for(self.model)
        taken, other = factory(), factory()
        body = body_for(self.model, **{unique: getattr(taken, unique)})
        before = self.count(session)

        created = writer.post(self.url(), json=body)
        changed = writer.patch(self.url(other.id), json={unique: body[unique]})

        assert (created.status_code, changed.status_code) == (409, 409)
        assert created.mimetype == changed.mimetype == PROBLEM
        # The 409 names the field, so a form shows the message under it.
        assert set(created.json["errors"]) == set(changed.json["errors"]) == {unique}
        # Both tell the value that is taken, not the row's old one.
        assert changed.json["detail"] == created.json["detail"]
        assert self.count(session) == before
        session.refresh(other)
        assert getattr(other, unique) != getattr(taken, unique)

    def test_list_sorts_by_a_sortable_field(self, client: FlaskClient, sort: str) -> None:
        rows = factory_for(self.model).create_batch(3)

        response = client.get(f"{self.url()}?sort={sort}")

        assert response.status_code == 200
        ids = [item["id"] for item in response.json["items"]]
        assert ids == in_list_order(rows, sort.lstrip("-"), sort.startswith("-"))

    def test_list_filters_by_a_filter(self, client: FlaskClient, filtered: str) -> None:
        factory = factory_for(self.model)
        row, _ = factory(), factory()
        value = getattr(row, filtered)
        assert value is not None, "the factory fills every field"

        response = client.get(f"{self.url()}?{filtered}={query_value(value)}")

        assert response.status_code == 200
        assert row.id in {item["id"] for item in response.json["items"]}
        assert all(item[filtered] == json_value(value) for item in response.json["items"])

    def test_list_pages_by_cursor(self, client: FlaskClient) -> None:
        rows = {row.id for row in factory_for(self.model).create_batch(2)}

        first = client.get(f"{self.url()}?per_page=1&cursor=").json
        second = client.get(f"{self.url()}?per_page=1&cursor={first['next_cursor']}").json

        assert {first["items"][0]["id"], second["items"][0]["id"]} == rows

    def test_list_searches_its_search_column(self, client: FlaskClient) -> None:
        column = getattr(repository_of(self.model), "search_column", None)
        if column is None:
            return  # no text field to search: the list has no `q`
        factory = factory_for(self.model)
        wanted = factory(**{column: "Needle 7 in a haystack"})
        factory()

        response = client.get(f"{self.url()}?q=NEEDLE 7")

        assert [item["id"] for item in response.json["items"]] == [wanted.id]

    def test_a_stale_etag_is_a_412_and_changes_nothing(self, writer: FlaskClient) -> None:
        row = factory_for(self.model)()
        first = writer.get(self.url(row.id)).headers["ETag"]
        saved = writer.patch(self.url(row.id), json=self.change, headers={"If-Match": first})
        assert saved.status_code == 200, saved.get_json()
        assert saved.headers["ETag"] != first

        changed = writer.patch(self.url(row.id), json=self.change, headers={"If-Match": first})
        deleted = writer.delete(self.url(row.id), headers={"If-Match": first})

        assert (changed.status_code, deleted.status_code) == (412, 412)
        assert writer.get(self.url(row.id)).headers["ETag"] == saved.headers["ETag"]

    def test_delete_with_the_current_etag_removes_the_row(self, writer: FlaskClient) -> None:
        row = factory_for(self.model)()
        etag = writer.get(self.url(row.id)).headers["ETag"]

        assert writer.delete(self.url(row.id), headers={"If-Match": etag}).status_code == 204
        assert writer.get(self.url(row.id)).status_code == 404

    def test_a_reference_to_a_missing_row_is_422(self, writer: FlaskClient, reference: str) -> None:
        response = writer.post(self.url(), json={**body_for(self.model), reference: MISSING_ID})

        assert response.status_code == 422
        assert response.mimetype == PROBLEM
        assert set(response.json["errors"]) == {reference}

    def test_a_row_still_referred_to_cannot_be_deleted(
        self, client: FlaskClient, admin_client: FlaskClient, reference: str
    ) -> None:
        target = self.model.references()[reference]
        row = factory_for(self.model)()
        target_url = f"{resource(target)[0]}/{getattr(row, reference)}"

        # The referred row's own writer: its owner, or an administrator for a shared row.
        response = (client if issubclass(target, Owned) else admin_client).delete(target_url)

        assert response.status_code == 409
        assert response.mimetype == PROBLEM
        assert client.get(target_url).status_code == 200

    def test_anonymous_callers_get_401(self, anonymous: FlaskClient) -> None:
        row = factory_for(self.model)()
        assert anonymous.get(self.url()).status_code == 401
        assert anonymous.get(self.url(row.id)).status_code == 401
        assert anonymous.post(self.url(), json=body_for(self.model)).status_code == 401
