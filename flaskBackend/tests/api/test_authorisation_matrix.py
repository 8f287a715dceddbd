"""Who may call what, for every endpoint in the app's URL map.

The matrix is built from the URL map, so a new endpoint fails here until it is protected (or
listed as public) and given a row in ACCESS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app.models import User, UserRole
from tests.factories import PASSWORD, TaskFactory, UserFactory

PUBLIC = {
    ("GET", "/api/health"),
    ("GET", "/api/health/ready"),
    ("GET", "/api/openapi.json"),
    ("GET", "/api/docs"),
    ("GET", "/api/docs/<path:filename>"),
    ("GET", "/api/docs/assets/<path:filename>"),
    ("POST", "/api/auth/register"),
    ("POST", "/api/auth/login"),
    ("POST", "/api/auth/refresh"),
    ("POST", "/api/auth/logout"),
    ("POST", "/api/auth/password-reset"),
    ("POST", "/api/auth/password-reset/confirm"),
}


@dataclass(frozen=True)
class Access:
    """Who succeeds; what a stranger (another plain user) gets instead."""

    allowed: str  # "owner" (tasks), "self" (/users/me) or "admin"
    stranger_gets: int | None
    body: dict[str, object] | None = None


ACCESS = {
    ("GET", "/api/tasks"): Access("self", None),
    ("POST", "/api/tasks"): Access("self", None, {"title": "Matrix"}),
    ("GET", "/api/tasks/<int(max=2147483647):task_id>"): Access("owner", 404),
    ("PATCH", "/api/tasks/<int(max=2147483647):task_id>"): Access("owner", 404, {"priority": 2}),
    ("DELETE", "/api/tasks/<int(max=2147483647):task_id>"): Access("owner", 404),
    ("GET", "/api/users/me"): Access("self", None),
    ("PATCH", "/api/users/me"): Access("self", None, {"name": "Matrix"}),
    ("DELETE", "/api/users/me"): Access("self", None, {"password": PASSWORD}),
    ("GET", "/api/users"): Access("admin", 403),
    ("POST", "/api/users"): Access(
        "admin", 403, {"email": "matrix@example.com", "name": "Matrix", "password": PASSWORD}
    ),
    ("PATCH", "/api/users/<int(max=2147483647):user_id>"): Access(
        "admin", 403, {"is_active": True}
    ),
}


def endpoints(app: Flask) -> list[tuple[str, str]]:
    return sorted(
        (method, rule.rule)
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api")
        for method in rule.methods or ()
        if method not in {"HEAD", "OPTIONS"}
    )


def test_every_endpoint_is_public_or_in_the_matrix(session_app: Flask) -> None:
    unknown = [e for e in endpoints(session_app) if e not in PUBLIC and e not in ACCESS]

    assert unknown == [], "protect these endpoints and add them to ACCESS"


def url_for(rule: str, task_id: int, user_id: int) -> str:
    return rule.replace("<int(max=2147483647):task_id>", str(task_id)).replace(
        "<int(max=2147483647):user_id>", str(user_id)
    )


@pytest.fixture
def world(user: User) -> tuple[int, int]:
    """A task owned by `user`, and another user's id to administer."""
    return TaskFactory(owner=user).id, UserFactory().id


@pytest.mark.parametrize(("method", "rule"), sorted(ACCESS))
def test_anonymous_callers_get_401(
    anonymous: FlaskClient, world: tuple[int, int], method: str, rule: str
) -> None:
    response = anonymous.open(url_for(rule, *world), method=method, json=ACCESS[method, rule].body)

    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"


@pytest.mark.parametrize(("method", "rule"), sorted(ACCESS))
def test_strangers_are_refused_and_the_entitled_succeed(
    client: FlaskClient,
    client_for: Callable[[User], FlaskClient],
    world: tuple[int, int],
    method: str,
    rule: str,
) -> None:
    access = ACCESS[method, rule]
    url = url_for(rule, *world)
    stranger = client_for(UserFactory())
    entitled = client_for(UserFactory(role=UserRole.ADMIN)) if access.allowed == "admin" else client

    if access.stranger_gets is not None:
        assert (
            stranger.open(url, method=method, json=access.body).status_code == access.stranger_gets
        )
    assert entitled.open(url, method=method, json=access.body).status_code in (200, 201, 204)


@pytest.mark.parametrize(
    ("method", "rule"), sorted(k for k, v in ACCESS.items() if v.allowed == "owner")
)
def test_admins_reach_other_users_tasks(
    client_for: Callable[[User], FlaskClient], world: tuple[int, int], method: str, rule: str
) -> None:
    admin = client_for(UserFactory(role=UserRole.ADMIN))

    response = admin.open(url_for(rule, *world), method=method, json=ACCESS[method, rule].body)

    assert response.status_code in (200, 204)
