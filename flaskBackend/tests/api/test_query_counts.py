"""SQL statements per request: constant, and not growing with the page size (no N+1)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask.testing import FlaskClient

from app.accounts.models.user import User
from app.kernel.models.owned import Owned
from app.kernel.models.role import UserRole
from tests.factories import PASSWORD, UserFactory, factory_for
from tests.notes.factories import NoteFactory
from tests.query_counter import QueryCounter
from tests.resources import body_for, resources_served


@pytest.mark.parametrize("per_page", [1, 10, 100])
def test_a_keyset_slice_takes_two_statements_whatever_its_size_or_depth(
    client: FlaskClient, queries: QueryCounter, per_page: int
) -> None:
    NoteFactory.create_batch(12)
    first = client.get(f"/api/notes?per_page={per_page}&cursor=&q=note&sort=title").get_json()
    queries.reset()

    response = client.get(first["next"] or "/api/notes?cursor=")

    assert response.status_code == 200
    assert queries.count == 2, queries.statements  # the caller and the slice: no count


@pytest.mark.parametrize("per_page", [1, 10, 100])
def test_listing_takes_three_statements_whatever_the_page_size(
    client: FlaskClient, queries: QueryCounter, per_page: int
) -> None:
    NoteFactory.create_batch(12)
    queries.reset()

    response = client.get(f"/api/notes?per_page={per_page}&q=note&status=todo")

    assert response.status_code == 200
    assert queries.count == 3, queries.statements  # the caller, the count and the page


@pytest.mark.parametrize(
    ("method", "path", "body", "expected"),
    [
        # Every request starts with one indexed lookup of the caller (is the account active?).
        ("get", "/api/notes/{id}", None, 2),
        ("post", "/api/notes", {"title": "new"}, 2),  # one INSERT; the constraint checks the title
        ("patch", "/api/notes/{id}", {"priority": 1}, 3),  # select, update
        ("patch", "/api/notes/{id}", {"title": "renamed"}, 3),  # the constraint checks the title
        ("delete", "/api/notes/{id}", None, 3),  # select, delete
        ("get", "/api/users/me", None, 2),  # the caller's role, then the profile
        ("patch", "/api/users/me", {"name": "New name"}, 3),  # select, update
    ],
)
def test_single_task_requests_take_a_fixed_number_of_statements(
    client: FlaskClient,
    queries: QueryCounter,
    method: str,
    path: str,
    body: dict[str, object] | None,
    expected: int,
) -> None:
    note = NoteFactory()
    queries.reset()

    response = getattr(client, method)(path.format(id=note.id), json=body)

    assert response.status_code < 300
    assert queries.count == expected, queries.statements


@pytest.mark.parametrize("per_page", [1, 10])
def test_listing_users_takes_three_statements_whatever_the_page_size(
    client_for: Callable[[User], FlaskClient], queries: QueryCounter, per_page: int
) -> None:
    admin = UserFactory(role=UserRole.ADMIN)
    UserFactory.create_batch(12)
    client = client_for(admin)
    queries.reset()

    response = client.get(f"/api/users?per_page={per_page}")

    assert response.status_code == 200
    assert queries.count == 3, queries.statements  # the caller, the count and the page


def test_changing_an_account_takes_three_statements(
    client_for: Callable[[User], FlaskClient], queries: QueryCounter
) -> None:
    admin, other = UserFactory(role=UserRole.ADMIN), UserFactory()
    client = client_for(admin)
    queries.reset()

    assert client.patch(f"/api/users/{other.id}", json={"is_active": False}).status_code == 200
    assert queries.count == 3, queries.statements  # the caller, select, update


def test_auth_endpoints_take_a_fixed_number_of_statements(
    anonymous: FlaskClient, queries: QueryCounter
) -> None:
    user = UserFactory()
    credentials = {"email": user.email, "password": PASSWORD}
    counts = {}
    for name, path, body in [
        ("login", "/api/auth/login", credentials),  # select user, insert token
        ("refresh", "/api/auth/refresh", None),  # lock token, select user, insert, update
        ("logout", "/api/auth/logout", None),  # select token, revoke family
    ]:
        queries.reset()
        assert anonymous.post(path, json=body).status_code < 300
        counts[name] = queries.count

    assert counts == {"login": 2, "refresh": 4, "logout": 2}, queries.statements


def resource_requests() -> list[tuple[str, str, str, int]]:
    """The five endpoints of every resource, found by themselves, with what each costs.

    The caller's lookup, then: a list reads the count and the page (a keyset slice only the
    page, first or later); a create checks each row it refers to and inserts (its unique
    constraints check the unique fields); a change locks the row, checks each reference it
    changes, and updates (the constraints decide uniqueness).
    """
    requests = []
    for blp, resource in resources_served():
        references = len(resource.model.references())
        noun, prefix = resource.noun, blp.url_prefix
        requests += [
            (noun, "get", f"{prefix}?per_page=100", 3),
            (noun, "get", f"{prefix}?per_page=100&cursor=", 2),
            (noun, "get", f"{prefix}?per_page=2&cursor={{cursor}}", 2),
            (noun, "post", prefix, 2 + references),
            (noun, "get", f"{prefix}/{{id}}", 2),
            (noun, "patch", f"{prefix}/{{id}}", 3 + references),  # the body changes every field
            (noun, "delete", f"{prefix}/{{id}}", 3),
        ]
    return requests


@pytest.mark.parametrize(("noun", "method", "path", "expected"), resource_requests())
def test_resource_requests_take_a_fixed_number_of_statements(
    client: FlaskClient,
    client_for: Callable[[User], FlaskClient],
    queries: QueryCounter,
    noun: str,
    method: str,
    path: str,
    expected: int,
) -> None:
    resource = next(r for _, r in resources_served() if r.noun == noun)
    if not issubclass(resource.model, Owned):  # a shared resource: an administrator writes
        client = client_for(UserFactory(role=UserRole.ADMIN))
    factory = factory_for(resource.model)
    row = factory()
    factory.create_batch(3)
    body = body_for(resource.model)
    cursor = ""
    if "{cursor}" in path:
        cursor = client.get(path.format(cursor="")).get_json()["next_cursor"]
    queries.reset()

    sent = body if method in ("post", "patch") else None
    response = getattr(client, method)(path.format(id=row.id, cursor=cursor), json=sent)

    assert response.status_code < 300, response.get_json()
    assert queries.count == expected, queries.statements
