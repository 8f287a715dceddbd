"""Who may call what, for every endpoint in the app's URL map.

The matrix is built from the URL map, so a new endpoint fails here until it is protected (or
listed as public) and given a row in ACCESS. The five endpoints of every resource (see
app/kernel/controllers/owned.py) get their rows by themselves, with a body built by the resource's
factory: an owned resource's rows are their owner's, a shared resource's are read by every user
and written by administrators only. A resource's endpoints of its own are listed beside its tests
(tests/tasks/access.py).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app.accounts.models.user import User
from app.kernel.controllers.owned import ID_CONVERTER
from app.kernel.models.owned import Owned
from app.kernel.models.role import UserRole
from tests.access import Access, feature_rows
from tests.factories import PASSWORD, UserFactory, factory_for
from tests.resources import body_for, resources_served

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


def resource_rows() -> dict[tuple[str, str], Access]:
    rows = {}
    for blp, resource in resources_served():
        collection, item = blp.url_prefix, f"{blp.url_prefix}/<{ID_CONVERTER}:{resource.noun}_id>"
        body = functools.partial(body_for, resource.model)
        rows[("GET", collection)] = Access("self", None)
        if issubclass(resource.model, Owned):
            rows[("POST", collection)] = Access("self", None, body)
            rows[("GET", item)] = Access("owner", 404)
            rows[("PATCH", item)] = Access("owner", 404, body)
            rows[("DELETE", item)] = Access("owner", 404)
        else:  # shared: another user reads it too, and only an administrator writes
            rows[("POST", collection)] = Access("admin", 403, body)
            rows[("GET", item)] = Access("self", 200)
            rows[("PATCH", item)] = Access("admin", 403, body)
            rows[("DELETE", item)] = Access("admin", 403)
    return rows


ACCESS = {
    **resource_rows(),
    **feature_rows(),  # a resource's endpoints of its own: tests/<resource>/access.py
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


def url_for(rule: str, world: dict[str, int]) -> str:
    """The rule with each <int(…):NAME_id> replaced by the id of world's NAME."""
    return re.sub(r"<int[^:>]*:(\w+)_id>", lambda match: str(world[match[1]]), rule)


@pytest.fixture
def world(user: User) -> dict[str, int]:
    """A row of every resource (an owned one's owned by `user`); and another user's id to
    administer."""
    rows = {
        resource.noun: factory_for(resource.model)(
            **({"owner": user} if issubclass(resource.model, Owned) else {})
        ).id
        for _, resource in resources_served()
    }
    return {**rows, "user": UserFactory().id}


@pytest.mark.parametrize(("method", "rule"), sorted(ACCESS))
def test_anonymous_callers_get_401(
    anonymous: FlaskClient, world: dict[str, int], method: str, rule: str
) -> None:
    response = anonymous.open(url_for(rule, world), method=method, json=ACCESS[method, rule].json())

    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"


@pytest.mark.parametrize(("method", "rule"), sorted(ACCESS))
def test_strangers_are_refused_and_the_entitled_succeed(
    client: FlaskClient,
    client_for: Callable[[User], FlaskClient],
    world: dict[str, int],
    method: str,
    rule: str,
) -> None:
    access = ACCESS[method, rule]
    url = url_for(rule, world)
    stranger = client_for(UserFactory())
    entitled = client_for(UserFactory(role=UserRole.ADMIN)) if access.allowed == "admin" else client

    if access.stranger_gets is not None:
        assert (
            stranger.open(url, method=method, json=access.json()).status_code
            == access.stranger_gets
        )
    assert entitled.open(url, method=method, json=access.json()).status_code in (200, 201, 204)


@pytest.mark.parametrize(
    ("method", "rule"), sorted(k for k, v in ACCESS.items() if v.allowed == "owner")
)
def test_admins_reach_other_users_tasks(
    client_for: Callable[[User], FlaskClient], world: dict[str, int], method: str, rule: str
) -> None:
    admin = client_for(UserFactory(role=UserRole.ADMIN))

    response = admin.open(url_for(rule, world), method=method, json=ACCESS[method, rule].json())

    assert response.status_code in (200, 204)
