"""What every shared resource promises, written once and checked per resource.

A shared resource's rows belong to no one: every signed-in user lists and reads them, only an
administrator creates, changes or deletes them (anyone else gets a 403 that changes nothing),
and a unique field is unique across the table. `make resource ... scope=shared` writes the test
modules that subclass these classes, naming the model and the values each field refuses.
"""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from app.kernel.models.shared import Shared
from app.kernel.repositories.rows import Filter, Order
from app.kernel.repositories.shared import SharedRepository
from app.kernel.services.errors import Conflict, Forbidden, InvalidInput, NotFound
from app.kernel.services.pagination import Listing
from app.kernel.services.principal import Principal
from app.kernel.services.rows import Patch
from app.kernel.services.shared import SharedService
from app.kernel.services.unit_of_work import SqlAlchemyUnitOfWork
from tests.factories import factory_for
from tests.resources import (
    PROBLEM,
    body_for,
    repository_of,
    resource,
    unique_of,
)
from tests.row_contract import MISSING_ID, RowApiContract


class SharedApiContract(RowApiContract):
    """The HTTP behaviour of a shared resource's five endpoints. `client` is a plain user."""

    model: ClassVar[type[Shared]]

    @pytest.fixture
    def writer(self, admin_client: FlaskClient) -> FlaskClient:
        return admin_client

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

    def test_list_pages_through_every_row_once(self, client: FlaskClient) -> None:
        rows = {row.id for row in factory_for(self.model).create_batch(5)}

        pages = [client.get(f"{self.url()}?per_page=2&page={n}").json for n in (1, 2, 3)]

        assert sorted(item["id"] for page in pages for item in page["items"]) == sorted(rows)
        assert [page["total"] for page in pages] == [5, 5, 5]

    def test_list_by_ids_gives_only_those_rows(self, client: FlaskClient) -> None:
        wanted, other, _ = factory_for(self.model).create_batch(3)

        response = client.get(self.url(), query_string={"id": [wanted.id, other.id, MISSING_ID]})

        found = sorted(item["id"] for item in response.json["items"])
        assert found == sorted([wanted.id, other.id])
        assert client.get(f"{self.url()}?id=x").status_code == 422


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
