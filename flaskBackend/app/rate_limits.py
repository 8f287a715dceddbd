"""Flask-Limiter, created unbound and bound in create_app(); limits the auth endpoints."""

from __future__ import annotations

from flask import current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

limiter = Limiter(key_func=get_remote_address, headers_enabled=True)


def auth_rate() -> str:
    rate: str = current_app.config["AUTH_RATE_LIMIT"]
    return rate


def submitted_email() -> str:
    """Limits guessing at one account from many addresses."""
    body = request.get_json(silent=True)
    email = body.get("email") if isinstance(body, dict) else None
    return f"email:{email.strip().lower()}" if isinstance(email, str) else get_remote_address()
