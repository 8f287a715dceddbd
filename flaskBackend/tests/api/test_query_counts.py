"""SQL statements per request: constant, and not growing with the page size (no N+1)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask.testing import FlaskClient

from app.models import User, UserRole
from tests.factories import PASSWORD, TaskFactory, UserFactory
from tests.query_counter import QueryCounter


@pytest.mark.parametrize("per_page", [1, 10, 100])
def test_listing_takes_three_statements_whatever_the_page_size(
    client: FlaskClient, queries: QueryCounter, per_page: int
) -> None:
    TaskFactory.create_batch(12)
    queries.reset()

    response = client.get(f"/api/tasks?per_page={per_page}&q=task&status=todo")

    assert response.status_code == 200
    assert queries.count == 3, queries.statements  # the caller, the count and the page


@pytest.mark.parametrize(
    ("method", "path", "body", "expected"),
    [
        # Every request starts with one indexed lookup of the caller (is the account active?).
        ("get", "/api/tasks/{id}", None, 2),
        ("post", "/api/tasks", {"title": "new"}, 3),  # title check, insert
        ("patch", "/api/tasks/{id}", {"priority": 1}, 3),  # select, update
        ("patch", "/api/tasks/{id}", {"title": "renamed"}, 4),  # plus the title check
        ("delete", "/api/tasks/{id}", None, 3),  # select, delete
        ("get", "/api/users/me", None, 1),
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
    task = TaskFactory()
    queries.reset()

    response = getattr(client, method)(path.format(id=task.id), json=body)

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
