"""Accounts: users, sign-in (tokens, refresh sessions), password reset, administration."""

from __future__ import annotations

from flask import Flask

from app.accounts.composition import auth_service
from app.accounts.services.passwords import Passwords
from app.accounts.services.tokens import AccessTokens
from app.kernel.services.principal import Principal
from app.kernel.settings import Settings


def init_app(app: Flask, settings: Settings) -> None:
    """The hasher and token issuer every request shares, and how @login_required (kernel)
    turns a bearer token into the caller."""
    app.extensions["passwords"] = Passwords(
        time_cost=settings.argon2_time_cost,
        memory_cost=settings.argon2_memory_cost,
        parallelism=settings.argon2_parallelism,
    )
    app.extensions["access_tokens"] = AccessTokens(settings.secret_key, settings.access_token_ttl)
    app.extensions["authenticate"] = authenticate


def authenticate(access_token: str | None) -> Principal:
    return auth_service().authenticate(access_token)
