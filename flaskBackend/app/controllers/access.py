"""Who is calling: the bearer token check that protects an endpoint, and its OpenAPI entry."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from flask import g, request

from app.api import Blueprint
from app.composition import auth_service
from app.services.auth import Principal

View = TypeVar("View", bound=Callable[..., Any])
BEARER_SCHEME = {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}


def login_required(view: View) -> View:
    """Put it above the other decorators, so a caller without a valid token gets 401 first."""

    @functools.wraps(view)
    def checked(*args: Any, **kwargs: Any) -> Any:
        g.principal = auth_service().authenticate(_bearer_token())
        return view(*args, **kwargs)

    document = Blueprint.doc(security=[{"bearerAuth": []}], responses={"401": "UNAUTHORIZED"})
    return document(checked)  # type: ignore[no-any-return]


def caller() -> Principal:
    principal: Principal = g.principal
    return principal


def _bearer_token() -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None
