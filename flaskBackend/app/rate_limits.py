"""Flask-Limiter, created unbound and bound in create_app(); limits the auth endpoints."""

from __future__ import annotations

import hashlib

from flask import Flask, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

# Registers the postgresql+psycopg:// storage scheme with `limits`.
from app import rate_limit_storage  # noqa: F401
from app.composition import current_settings
from app.services.auth import normalise_email

limiter = Limiter(key_func=get_remote_address, headers_enabled=True)


def init_limiter(app: Flask) -> None:
    """Bind the limiter, without its check before every request: this app has no default,
    application or blueprint limits, and each limited view checks its own limits in its
    decorator, so that check only looked (on every request) for limits no route has."""
    limiter.init_app(app)
    app.before_request_funcs[None].remove(limiter._check_request_limit)


def auth_rate() -> str:
    return current_settings().auth_rate_limit


def submitted_email() -> str:
    """Limits guessing at one account from many addresses.

    The key is a digest: the email has not been validated yet (it may hold NUL, lone
    surrogates or a megabyte), and no store should keep addresses in clear text.
    """
    body = request.get_json(silent=True)
    email = body.get("email") if isinstance(body, dict) else None
    if not isinstance(email, str):
        return get_remote_address()
    normalised = normalise_email(email).encode("utf-8", "surrogatepass")
    return f"email:{hashlib.sha256(normalised).hexdigest()}"
