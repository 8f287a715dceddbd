"""Flask-Limiter, created unbound and bound in create_app(); each limited view names its limits."""

from __future__ import annotations

from flask import Flask
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

# Registers the postgresql+psycopg:// storage scheme with `limits`.
from app.kernel import rate_limit_storage  # noqa: F401

limiter = Limiter(key_func=get_remote_address, headers_enabled=True)


def init_limiter(app: Flask) -> None:
    """Bind the limiter, without its check before every request: this app has no default,
    application or blueprint limits, and each limited view checks its own limits in its
    decorator, so that check only looked (on every request) for limits no route has."""
    limiter.init_app(app)
    app.before_request_funcs[None].remove(limiter._check_request_limit)
