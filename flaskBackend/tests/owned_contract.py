"""What every owned resource promises, written once and checked per resource.

A resource's test modules subclass these classes, naming the model and the values each field
refuses (`make resource` writes them; tests/api/test_tasks_api.py holds the notes one). Everything
else comes from the resource itself: its URL, factory, unique fields, filters, sort orders and
references, so a new field or rule is tested without a new test.
"""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from app.accounts.models.user import User
from app.kernel.models.owned import Owned
from app.kernel.repositories.owned import OwnedRepository
from app.kernel.repositories.rows import Filter, Order
from app.kernel.services.errors import Conflict, InvalidInput, NotFound, PreconditionFailed
from app.kernel.services.owned import OwnedService
from app.kernel.services.principal import Principal
from app.kernel.services.rows import Patch
from app.kernel.services.unit_of_work import SqlAlchemyUnitOfWork
from tests.factories import UserFactory, account_of, factory_for
from tests.resources import (
    PROBLEM,
    body_for,
    repository_of,
    resource,
    unique_of,
)
from tests.row_contract import MISSING_ID, RowApiContract


class OwnedApiContract(RowApiContract):
    """The HTTP behaviour of an owned resource's five endpoints: each user's own rows."""

    model: ClassVar[type[Owned]]

    def test_create_returns_the_row_its_location_and_etag(self, client: FlaskClient) -> None:
        body = body_for(self.model)

        created = client.post(self.url(), json=body)

        assert created.status_code == 201, created.get_json()
        assert created.headers["ETag"]
        assert {name: created.json[name] for name in body} == body
        fetched = client.get(created.headers["Location"])
        assert fetched.json == created.json
        assert fetched.headers["ETag"] == created.headers["ETag"]

    def test_another_owners_row_is_not_found(self, client: FlaskClient, session: Session) -> None:
        row = factory_for(self.model)(owner=UserFactory())
        version = row.version

        for method in ("get", "patch", "delete"):
            response = getattr(client, method)(
                self.url(row.id), json={} if method == "patch" else None
            )
            assert response.status_code == 404, method
            assert response.mimetype == PROBLEM
        session.refresh(row)
        assert row.version == version

    def test_list_pages_through_only_my_rows_once(self, client: FlaskClient) -> None:
        factory = factory_for(self.model)
        mine = {row.id for row in factory.create_batch(5)}
        factory(owner=UserFactory())

        pages = [client.get(f"{self.url()}?per_page=2&page={n}").json for n in (1, 2, 3)]

        seen = [item["id"] for page in pages for item in page["items"]]
        assert sorted(seen) == sorted(mine)
        assert [page["total"] for page in pages] == [5, 5, 5]

    def test_list_by_ids_gives_only_those_of_my_rows(self, client: FlaskClient) -> None:
        factory = factory_for(self.model)
        wanted, _, theirs = factory(), factory(), factory(owner=UserFactory())
        ids = [wanted.id, theirs.id, MISSING_ID]

        response = client.get(self.url(), query_string={"id": ids})

        assert [item["id"] for item in response.json["items"]] == [wanted.id]
        assert client.get(f"{self.url()}?id=0").status_code == 422
        assert client.get(self.url(), query_string={"id": range(1, 102)}).status_code == 422

    def test_a_reference_to_another_owners_row_is_422(
        self, client: FlaskClient, owned_reference: str
    ) -> None:
        """Another owner's row is as absent as a missing one."""
        target = self.model.references()[owned_reference]
        theirs = factory_for(target)(owner=UserFactory()).id

        response = client.post(self.url(), json={**body_for(self.model), owned_reference: theirs})

        assert response.status_code == 422
        assert response.mimetype == PROBLEM
        assert set(response.json["errors"]) == {owned_reference}


class OwnedServiceContract:
    """The rules of an owned resource's service, over the real unit of work."""

    model: ClassVar[type[Owned]]

    def service(self, uow: SqlAlchemyUnitOfWork) -> OwnedService[Any]:
        service = resource(self.model)[1].service(uow)
        assert isinstance(service, OwnedService)
        return service

    def test_create_gives_the_row_to_its_caller(
        self, uow: SqlAlchemyUnitOfWork, me: Principal, session: Session
    ) -> None:
        row = factory_for(self.model).build(owner=account_of(me))
        row.owner_id = None

        created = self.service(uow).create(me, row)

        assert session.get(self.model, created.id, populate_existing=True).owner_id == me.user_id

    def test_another_owners_row_is_not_found_but_an_admin_sees_it(
        self, uow: SqlAlchemyUnitOfWork, me: Principal, admin: Principal
    ) -> None:
        row = factory_for(self.model)(owner=UserFactory())
        service, nothing = self.service(uow), Patch(values=self.model(), fields=frozenset[str]())

        with pytest.raises(NotFound):
            service.get(me, row.id)
        with pytest.raises(NotFound):
            service.update(me, row.id, nothing)
        with pytest.raises(NotFound):
            service.delete(me, row.id)
        assert service.get(admin, row.id).id == row.id

    def test_unique_fields_are_unique_per_owner(
        self, uow: SqlAlchemyUnitOfWork, me: Principal, stranger: Principal
    ) -> None:
        service, factory = self.service(uow), factory_for(self.model)
        for name in unique_of(self.model):
            value = getattr(factory(owner=account_of(me)), name)

            twin = service.create(
                stranger, factory.build(owner=account_of(stranger), **{name: value})
            )

            assert twin.owner_id == stranger.user_id  # another owner may hold the same value
            with pytest.raises(Conflict):
                service.create(me, factory.build(owner=account_of(me), **{name: value}))

    def test_a_stale_version_is_refused(
        self, uow: SqlAlchemyUnitOfWork, me: Principal, session: Session
    ) -> None:
        row = factory_for(self.model)(owner=account_of(me))
        nothing = Patch(values=self.model(), fields=frozenset[str]())

        with pytest.raises(PreconditionFailed):
            self.service(uow).update(me, row.id, nothing, if_version_in={row.version + 1})

    def test_references_must_be_to_the_owners_rows(
        self, uow: SqlAlchemyUnitOfWork, me: Principal
    ) -> None:
        for column, target in self.model.references().items():
            row = factory_for(self.model).build(owner=account_of(me))
            refused = MISSING_ID
            if issubclass(target, Owned):
                refused = factory_for(target)(owner=UserFactory()).id  # another owner's row
            setattr(row, column, refused)

            with pytest.raises(InvalidInput) as refused:
                self.service(uow).create(me, row)

            assert refused.value.field == column


class OwnedRepositoryContract:
    """The queries of an owned resource's repository."""

    model: ClassVar[type[Owned]]

    def repository(self, session: Session) -> OwnedRepository[Any]:
        repository = repository_of(self.model)(session)
        assert isinstance(repository, OwnedRepository)
        return repository

    def test_find_pages_one_owners_rows_in_order(self, session: Session, user: User) -> None:
        factory = factory_for(self.model)
        rows = factory.create_batch(5, owner=user)
        factory(owner=UserFactory())
        repository, mine = self.repository(session), Filter(owner_id=user.id)

        by_id = Order("id", descending=False)

        pages = [repository.find(mine, by_id, limit=2, offset=n) for n in (0, 2, 4)]

        assert [r.id for page in pages for r in page] == sorted(r.id for r in rows)
        assert repository.count(mine) == 5

    def test_every_sort_order_is_allowed(self, session: Session, user: User) -> None:
        repository = self.repository(session)
        factory_for(self.model).create_batch(2, owner=user)
        for field in self.model.sortable:
            found = repository.find(Filter(owner_id=user.id), Order(field), limit=5, offset=0)
            assert len(found) == 2, field
