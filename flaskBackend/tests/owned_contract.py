"""What every owned resource promises, written once and checked per resource.

A resource's test modules subclass these classes, naming the model and the values each field
refuses (`make resource` writes them; tests/api/test_tasks_api.py holds the notes one). Everything
else comes from the resource itself: its URL, factory, unique fields, filters, sort orders and
references, so a new field or rule is tested without a new test.
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
    filters_of,
    in_list_order,
    json_value,
    query_value,
    repository_of,
    resource,
    unique_of,
)

MISSING_ID = 2**31 - 1  # an id no row has


class OwnedApiContract:
    """The HTTP behaviour of an owned resource's five endpoints."""

    model: ClassVar[type[Owned]]
    refused: ClassVar[dict[str, list[object]]]  # field -> values each refused with a 422
    change: ClassVar[dict[str, object]]  # a valid change to a row the factory made

    def url(self, row_id: int | None = None) -> str:
        prefix = resource(self.model)[0]
        return prefix if row_id is None else f"{prefix}/{row_id}"

    def count(self, session: Session) -> int:
        return session.scalar(select(func.count()).select_from(self.model)) or 0

    def test_create_returns_the_row_its_location_and_etag(self, client: FlaskClient) -> None:
        body = body_for(self.model)

        created = client.post(self.url(), json=body)

        assert created.status_code == 201, created.get_json()
        assert created.headers["ETag"]
        assert {name: created.json[name] for name in body} == body
        fetched = client.get(created.headers["Location"])
        assert fetched.json == created.json
        assert fetched.headers["ETag"] == created.headers["ETag"]

    def test_create_refuses_each_bad_value_naming_its_field(
        self, client: FlaskClient, session: Session
    ) -> None:
        before = self.count(session)
        for field, values in self.refused.items():
            for value in values:
                response = client.post(self.url(), json={**body_for(self.model), field: value})

                assert response.status_code == 422, (field, value, response.get_json())
                assert response.mimetype == PROBLEM
                assert set(response.json["errors"]) == {field}, (field, value)
        assert self.count(session) == before

    def test_create_refuses_missing_and_unknown_fields(self, client: FlaskClient) -> None:
        body = body_for(self.model)
        required = [n for n, f in resource(self.model)[1].new().fields.items() if f.required]
        for name in required:
            missing = {key: value for key, value in body.items() if key != name}
            response = client.post(self.url(), json=missing)
            assert response.status_code == 422, name
            assert set(response.json["errors"]) == {name}

        response = client.post(self.url(), json={**body, "owner_id": 1, "unknown": 1})

        assert response.status_code == 422
        assert set(response.json["errors"]) == {"owner_id", "unknown"}

    def test_each_unique_field_is_a_409_on_create_and_change(
        self, client: FlaskClient, session: Session
    ) -> None:
        factory = factory_for(self.model)
        for name in unique_of(self.model):
            taken, other = factory(), factory()
            body = body_for(self.model, **{name: getattr(taken, name)})
            before = self.count(session)

            created = client.post(self.url(), json=body)
            changed = client.patch(self.url(other.id), json={name: body[name]})

            assert (created.status_code, changed.status_code) == (409, 409), name
            assert created.mimetype == changed.mimetype == PROBLEM
            # The 409 names the field, so a form shows the message under it.
            assert set(created.json["errors"]) == set(changed.json["errors"]) == {name}
            # Both tell the value that is taken, not the row's old one.
            assert changed.json["detail"] == created.json["detail"], name
            assert self.count(session) == before
            session.refresh(other)
            assert getattr(other, name) != getattr(taken, name)

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

    def test_anonymous_callers_get_401(self, anonymous: FlaskClient) -> None:
        assert anonymous.get(self.url()).status_code == 401
        assert anonymous.post(self.url(), json=body_for(self.model)).status_code == 401

    def test_list_pages_through_only_my_rows_once(self, client: FlaskClient) -> None:
        factory = factory_for(self.model)
        mine = {row.id for row in factory.create_batch(5)}
        factory(owner=UserFactory())

        pages = [client.get(f"{self.url()}?per_page=2&page={n}").json for n in (1, 2, 3)]

        seen = [item["id"] for page in pages for item in page["items"]]
        assert sorted(seen) == sorted(mine)
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

    def test_list_filters_by_each_filter(self, client: FlaskClient) -> None:
        factory = factory_for(self.model)
        row, _ = factory(), factory()
        for name in filters_of(self.model):
            value = getattr(row, name)
            if value is None:
                continue
            response = client.get(f"{self.url()}?{name}={query_value(value)}")

            assert response.status_code == 200, name
            ids = {item["id"] for item in response.json["items"]}
            assert row.id in ids, name
            assert all(item[name] == json_value(value) for item in response.json["items"]), name

    def test_list_by_ids_gives_only_those_of_my_rows(self, client: FlaskClient) -> None:
        factory = factory_for(self.model)
        wanted, _, theirs = factory(), factory(), factory(owner=UserFactory())
        ids = [wanted.id, theirs.id, MISSING_ID]

        response = client.get(self.url(), query_string={"id": ids})

        assert [item["id"] for item in response.json["items"]] == [wanted.id]
        assert client.get(f"{self.url()}?id=0").status_code == 422
        assert client.get(self.url(), query_string={"id": range(1, 102)}).status_code == 422

    def test_list_searches_its_search_column(self, client: FlaskClient) -> None:
        column = getattr(repository_of(self.model), "search_column", None)
        if column is None:
            return  # no text field to search: the list has no `q`
        factory = factory_for(self.model)
        wanted = factory(**{column: "Needle 7 in a haystack"})
        factory()

        response = client.get(f"{self.url()}?q=NEEDLE 7")

        assert [item["id"] for item in response.json["items"]] == [wanted.id]

    def test_a_stale_etag_is_a_412_and_changes_nothing(self, client: FlaskClient) -> None:
        row = factory_for(self.model)()
        first = client.get(self.url(row.id)).headers["ETag"]
        saved = client.patch(self.url(row.id), json=self.change, headers={"If-Match": first})
        assert saved.status_code == 200, saved.get_json()
        assert saved.headers["ETag"] != first

        changed = client.patch(self.url(row.id), json=self.change, headers={"If-Match": first})
        deleted = client.delete(self.url(row.id), headers={"If-Match": first})

        assert (changed.status_code, deleted.status_code) == (412, 412)
        assert client.get(self.url(row.id)).headers["ETag"] == saved.headers["ETag"]

    def test_delete_with_the_current_etag_removes_the_row(self, client: FlaskClient) -> None:
        row = factory_for(self.model)()
        etag = client.get(self.url(row.id)).headers["ETag"]

        assert client.delete(self.url(row.id), headers={"If-Match": etag}).status_code == 204
        assert client.get(self.url(row.id)).status_code == 404

    def test_a_reference_must_be_to_one_of_the_owners_rows(self, client: FlaskClient) -> None:
        """Another owner's row is as absent as a missing one; a shared row (everyone's) only
        has to exist."""
        for column, target in self.model.references().items():
            refused = [MISSING_ID]
            if issubclass(target, Owned):
                refused.append(factory_for(target)(owner=UserFactory()).id)
            for row_id in refused:
                response = client.post(self.url(), json={**body_for(self.model), column: row_id})

                assert response.status_code == 422, column
                assert response.mimetype == PROBLEM
                assert set(response.json["errors"]) == {column}

    def test_a_row_still_referred_to_cannot_be_deleted(
        self, client: FlaskClient, client_for: Callable[[User], FlaskClient], session: Session
    ) -> None:
        admin = client_for(UserFactory(role=UserRole.ADMIN))  # who may delete a shared row
        for column, target in self.model.references().items():
            row = factory_for(self.model)()
            target_url = f"{resource(target)[0]}/{getattr(row, column)}"

            response = (client if issubclass(target, Owned) else admin).delete(target_url)

            assert response.status_code == 409, column
            assert response.mimetype == PROBLEM
            assert client.get(target_url).status_code == 200


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
