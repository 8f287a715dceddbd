"""What every shared resource promises, written once and checked per resource.

A shared resource's rows belong to no one: every signed-in user lists and reads them, only an
administrator creates, changes or deletes them (anyone else gets a 403 that changes nothing),
and a unique field is unique across the table. `make resource ... scope=shared` writes the test
modules that subclass these classes, naming the model and the values each field refuses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.accounts.models.user import User
from app.kernel.models.role import UserRole
from app.kernel.models.shared import Shared
from app.kernel.repositories.rows import Filter, Order
from app.kernel.repositories.shared import SharedRepository
from app.kernel.services.errors import Conflict, Forbidden, InvalidInput, NotFound
from app.kernel.services.pagination import Listing
from app.kernel.services.principal import Principal
from app.kernel.services.rows import Patch
from app.kernel.services.shared import SharedService
from app.kernel.services.unit_of_work import SqlAlchemyUnitOfWork
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


class SharedApiContract:
    """The HTTP behaviour of a shared resource's five endpoints. `client` is a plain user."""

    model: ClassVar[type[Shared]]
    refused: ClassVar[dict[str, list[object]]]  # field -> values each refused with a 422
    change: ClassVar[dict[str, object]]  # a valid change to a row the factory made

    def url(self, row_id: int | None = None) -> str:
        prefix = resource(self.model)[0]
        return prefix if row_id is None else f"{prefix}/{row_id}"

    def count(self, session: Session) -> int:
        return session.scalar(select(func.count()).select_from(self.model)) or 0

    @pytest.fixture
    def admin_client(self, client_for: Callable[[User], FlaskClient]) -> FlaskClient:
        return client_for(UserFactory(role=UserRole.ADMIN))

    def test_an_admin_creates_a_row_every_user_reads(
        self, client: FlaskClient, admin_client: FlaskClient
    ) -> None:
        body = body_for(self.model)

        created = admin_client.post(self.url(), json=body)

        assert created.status_code == 201, created.get_json()
        assert {name: created.json[name] for name in body} == body
        fetched = client.get(created.headers["Location"])
        assert fetched.status_code == 200
        assert fetched.json == created.json
        assert fetched.headers["ETag"] == created.headers["ETag"]
        listed = client.get(self.url()).json
        assert [item["id"] for item in listed["items"]] == [created.json["id"]]

    def test_a_user_may_not_create_change_or_delete_and_changes_nothing(
        self, client: FlaskClient, session: Session
    ) -> None:
        row = factory_for(self.model)()
        version, before = row.version, self.count(session)

        responses = [
            client.post(self.url(), json=body_for(self.model)),
            client.patch(self.url(row.id), json=self.change),
            client.delete(self.url(row.id)),
        ]

        assert [r.status_code for r in responses] == [403, 403, 403]
        assert {r.mimetype for r in responses} == {PROBLEM}
        session.refresh(row)
        assert (row.version, self.count(session)) == (version, before)

    def test_an_unknown_row_is_404(self, client: FlaskClient, admin_client: FlaskClient) -> None:
        assert client.get(self.url(MISSING_ID)).status_code == 404
        assert admin_client.patch(self.url(MISSING_ID), json=self.change).status_code == 404
        assert admin_client.delete(self.url(MISSING_ID)).status_code == 404

    def test_anonymous_callers_get_401(self, anonymous: FlaskClient) -> None:
        row = factory_for(self.model)()
        assert anonymous.get(self.url()).status_code == 401
        assert anonymous.get(self.url(row.id)).status_code == 401
        assert anonymous.post(self.url(), json=body_for(self.model)).status_code == 401

    def test_create_refuses_each_bad_value_naming_its_field(
        self, admin_client: FlaskClient, session: Session
    ) -> None:
        before = self.count(session)
        for field, values in self.refused.items():
            for value in values:
                body = {**body_for(self.model), field: value}
                response = admin_client.post(self.url(), json=body)

                assert response.status_code == 422, (field, value, response.get_json())
                assert response.mimetype == PROBLEM
                assert set(response.json["errors"]) == {field}, (field, value)
        assert self.count(session) == before

    def test_create_refuses_missing_and_unknown_fields(self, admin_client: FlaskClient) -> None:
        body = body_for(self.model)
        required = [n for n, f in resource(self.model)[1].new().fields.items() if f.required]
        for name in required:
            missing = {key: value for key, value in body.items() if key != name}
            response = admin_client.post(self.url(), json=missing)
            assert response.status_code == 422, name
            assert set(response.json["errors"]) == {name}

        response = admin_client.post(self.url(), json={**body, "owner_id": 1, "unknown": 1})

        assert response.status_code == 422
        assert set(response.json["errors"]) == {"owner_id", "unknown"}

    def test_each_unique_field_is_unique_across_the_table(
        self, admin_client: FlaskClient, session: Session
    ) -> None:
        factory = factory_for(self.model)
        for name in unique_of(self.model):
            taken, other = factory(), factory()
            body = body_for(self.model, **{name: getattr(taken, name)})
            before = self.count(session)

            created = admin_client.post(self.url(), json=body)
            changed = admin_client.patch(self.url(other.id), json={name: body[name]})

            assert (created.status_code, changed.status_code) == (409, 409), name
            assert created.mimetype == changed.mimetype == PROBLEM
            assert name in changed.json["detail"]
            assert changed.json["detail"] == created.json["detail"], name  # the taken value
            assert self.count(session) == before

    def test_list_pages_through_every_row_once(self, client: FlaskClient) -> None:
        rows = {row.id for row in factory_for(self.model).create_batch(5)}

        pages = [client.get(f"{self.url()}?per_page=2&page={n}").json for n in (1, 2, 3)]

        assert sorted(item["id"] for page in pages for item in page["items"]) == sorted(rows)
        assert [page["total"] for page in pages] == [5, 5, 5]

    def test_list_sorts_by_every_sortable_field(self, client: FlaskClient) -> None:
        rows = factory_for(self.model).create_batch(3)
        for field in self.model.sortable:
            for descending in (False, True):
                sort = f"-{field}" if descending else field
                response = client.get(f"{self.url()}?sort={sort}")

                assert response.status_code == 200, sort
                ids = [item["id"] for item in response.json["items"]]
                assert ids == in_list_order(rows, field, descending), sort

    def test_list_filters_by_each_filter_and_pages_by_cursor(self, client: FlaskClient) -> None:
        row, other = factory_for(self.model)(), factory_for(self.model)()
        for name in filters_of(self.model):
            value = getattr(row, name)
            if value is None:
                continue
            response = client.get(f"{self.url()}?{name}={query_value(value)}")

            assert row.id in {item["id"] for item in response.json["items"]}, name
            assert all(item[name] == json_value(value) for item in response.json["items"]), name
        first = client.get(f"{self.url()}?per_page=1&cursor=").json
        second = client.get(f"{self.url()}?per_page=1&cursor={first['next_cursor']}").json
        assert {first["items"][0]["id"], second["items"][0]["id"]} == {row.id, other.id}

    def test_list_by_ids_gives_only_those_rows(self, client: FlaskClient) -> None:
        wanted, other, _ = factory_for(self.model).create_batch(3)

        response = client.get(self.url(), query_string={"id": [wanted.id, other.id, 2**31 - 1]})

        found = sorted(item["id"] for item in response.json["items"])
        assert found == sorted([wanted.id, other.id])
        assert client.get(f"{self.url()}?id=x").status_code == 422

    def test_list_searches_its_search_column(self, client: FlaskClient) -> None:
        column = getattr(repository_of(self.model), "search_column", None)
        if column is None:
            return  # no text field to search: the list has no `q`
        wanted = factory_for(self.model)(**{column: "Needle 7 in a haystack"})
        factory_for(self.model)()

        response = client.get(f"{self.url()}?q=NEEDLE 7")

        assert [item["id"] for item in response.json["items"]] == [wanted.id]

    def test_a_stale_etag_is_a_412_and_changes_nothing(self, admin_client: FlaskClient) -> None:
        row = factory_for(self.model)()
        first = admin_client.get(self.url(row.id)).headers["ETag"]
        saved = admin_client.patch(self.url(row.id), json=self.change, headers={"If-Match": first})
        assert saved.status_code == 200, saved.get_json()

        changed = admin_client.patch(
            self.url(row.id), json=self.change, headers={"If-Match": first}
        )
        deleted = admin_client.delete(self.url(row.id), headers={"If-Match": first})

        assert (changed.status_code, deleted.status_code) == (412, 412)
        assert admin_client.get(self.url(row.id)).headers["ETag"] == saved.headers["ETag"]

    def test_an_admin_deletes_with_the_current_etag(self, admin_client: FlaskClient) -> None:
        row = factory_for(self.model)()
        etag = admin_client.get(self.url(row.id)).headers["ETag"]

        assert admin_client.delete(self.url(row.id), headers={"If-Match": etag}).status_code == 204
        assert admin_client.get(self.url(row.id)).status_code == 404

    def test_a_reference_must_be_to_a_row_that_exists(self, admin_client: FlaskClient) -> None:
        for column in self.model.references():
            body = {**body_for(self.model), column: MISSING_ID}

            response = admin_client.post(self.url(), json=body)

            assert response.status_code == 422, column
            assert set(response.json["errors"]) == {column}

    def test_a_row_still_referred_to_cannot_be_deleted(self, admin_client: FlaskClient) -> None:
        for column, target in self.model.references().items():
            row = factory_for(self.model)()
            target_url = f"{resource(target)[0]}/{getattr(row, column)}"

            response = admin_client.delete(target_url)

            assert response.status_code == 409, column
            assert response.mimetype == PROBLEM
            assert admin_client.get(target_url).status_code == 200


class SharedServiceContract:
    """The rules of a shared resource's service, over the real unit of work."""

    model: ClassVar[type[Shared]]

    def service(self, uow: SqlAlchemyUnitOfWork) -> SharedService[Any]:
        service = resource(self.model)[1].service(uow)
        assert isinstance(service, SharedService)
        return service

    def test_every_user_reads_every_row(
        self, uow: SqlAlchemyUnitOfWork, me: Principal, stranger: Principal
    ) -> None:
        row = factory_for(self.model)()
        service = self.service(uow)

        assert service.get(me, row.id).id == service.get(stranger, row.id).id == row.id
        assert [r.id for r in service.list(me, Listing()).items] == [row.id]

    def test_only_an_admin_writes(
        self, uow: SqlAlchemyUnitOfWork, me: Principal, admin: Principal
    ) -> None:
        service, factory = self.service(uow), factory_for(self.model)
        row, nothing = factory(), Patch(values=self.model(), fields=frozenset[str]())

        with pytest.raises(Forbidden):
            service.create(me, factory.build())
        with pytest.raises(Forbidden):
            service.update(me, row.id, nothing)
        with pytest.raises(Forbidden):
            service.delete(me, row.id)
        assert service.create(admin, factory.build()).id != row.id
        service.delete(admin, row.id)
        with pytest.raises(NotFound):
            service.get(me, row.id)

    def test_unique_fields_are_unique_across_the_table(
        self, uow: SqlAlchemyUnitOfWork, admin: Principal
    ) -> None:
        service, factory = self.service(uow), factory_for(self.model)
        for name in unique_of(self.model):
            value = getattr(factory(), name)

            with pytest.raises(Conflict):
                service.create(admin, factory.build(**{name: value}))

    def test_references_must_be_to_rows_that_exist(
        self, uow: SqlAlchemyUnitOfWork, admin: Principal
    ) -> None:
        for column in self.model.references():
            row = factory_for(self.model).build(**{column: MISSING_ID})

            with pytest.raises(InvalidInput) as refused:
                self.service(uow).create(admin, row)

            assert refused.value.field == column


class SharedRepositoryContract:
    """The queries of a shared resource's repository: every row, whoever asks."""

    model: ClassVar[type[Shared]]

    def repository(self, session: Session) -> SharedRepository[Any]:
        repository = repository_of(self.model)(session)
        assert isinstance(repository, SharedRepository)
        return repository

    def test_find_pages_every_row_in_order(self, session: Session) -> None:
        rows = factory_for(self.model).create_batch(5)
        repository, everything = self.repository(session), Filter()
        by_id = Order("id", descending=False)

        pages = [repository.find(everything, by_id, limit=2, offset=n) for n in (0, 2, 4)]

        assert [r.id for page in pages for r in page] == sorted(r.id for r in rows)
        assert repository.count(everything) == 5

    def test_every_sort_order_is_allowed(self, session: Session) -> None:
        repository = self.repository(session)
        factory_for(self.model).create_batch(2)
        for field in self.model.sortable:
            found = repository.find(Filter(), Order(field), limit=5, offset=0)
            assert len(found) == 2, field
