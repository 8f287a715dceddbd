"""Who is calling: the bearer token check that protects an endpoint, and its OpenAPI entry.

The kernel does not know how a token becomes a Principal: the accounts package says so when
the app is built (accounts.init_app sets app.extensions["authenticate"]), as Flask-Login's
user_loader does. A resource only writes @login_required and calls caller().
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from flask import current_app, g, request

from app.kernel.api import Blueprint
from app.kernel.services.principal import Principal

View = TypeVar("View", bound=Callable[..., Any])
Authenticate = Callable[[str | None], Principal]  # the bearer token (None: none sent) -> caller
BEARER_SCHEME = {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}


def login_required(view: View) -> View:
    """Put it above the other decorators, so a caller without a valid token gets 401 first."""

    @functools.wraps(view)
    def checked(*args: Any, **kwargs: Any) -> Any:
        authenticate: Authenticate = current_app.extensions["authenticate"]
        g.principal = authenticate(_bearer_token())
        return view(*args, **kwargs)

    document = Blueprint.doc(security=[{"bearerAuth": []}], responses={"401": "UNAUTHORIZED"})
    return document(checked)  # type: ignore[no-any-return]


def caller() -> Principal:
    principal: Principal = g.principal
    return principal


def _bearer_token() -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None
