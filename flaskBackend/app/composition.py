"""Builds each service with its unit of work for the current request.

Tests build the same services over the test's transaction instead (tests/conftest.py: uow).
"""

from typing import Any, TypeVar

from flask import current_app, g

from app.database import current_database
from app.mail import SmtpMailer
from app.services.auth import AuthService
from app.services.health import ReadinessService
from app.services.owned import OwnedService
from app.services.password_reset import PasswordResetService, ResetLinks
from app.services.passwords import Passwords
from app.services.tokens import AccessTokens
from app.services.unit_of_work import SqlAlchemyUnitOfWork
from app.services.users import UserService
from app.settings import Settings

ServiceT = TypeVar("ServiceT", bound=OwnedService[Any])


def _unit_of_work() -> SqlAlchemyUnitOfWork:
    """The request's one unit of work, shared by every service built during it: the caller's
    lookup and the service's reads use one session and one pooled connection."""
    uow: SqlAlchemyUnitOfWork | None = g.get("unit_of_work")
    if uow is None:
        database = current_database()
        uow = SqlAlchemyUnitOfWork(
            database.session_factory, database.read_session_factory, keep_reads=True
        )
        g.unit_of_work = uow
    return uow


def end_unit_of_work(_: BaseException | None = None) -> None:
    """Registered by create_app() to run when a request (or a CLI command) ends."""
    uow: SqlAlchemyUnitOfWork | None = g.pop("unit_of_work", None)
    if uow is not None:
        uow.close()


def current_settings() -> Settings:
    """The settings create_app() was built with."""
    settings: Settings = current_app.extensions["settings"]
    return settings


def passwords() -> Passwords:
    """The app's one hasher, built by create_app() at the settings' cost."""
    hasher: Passwords = current_app.extensions["passwords"]
    return hasher


def access_tokens() -> AccessTokens:
    """The app's one issuer and checker of access tokens, built by create_app()."""
    tokens: AccessTokens = current_app.extensions["access_tokens"]
    return tokens


def service(kind: type[ServiceT]) -> ServiceT:
    """Any service that needs only a unit of work, e.g. each owned resource's: none to list here."""
    return kind(_unit_of_work())


def auth_service() -> AuthService:
    settings = current_settings()
    return AuthService(
        _unit_of_work(),
        passwords(),
        access_tokens(),
        settings.refresh_token_ttl,
    )


def _mailer() -> SmtpMailer:
    settings = current_settings()
    return SmtpMailer(settings.smtp_url, settings.mail_from)


def user_service() -> UserService:
    links = ResetLinks(current_settings().public_ui_url)
    return UserService(_unit_of_work(), passwords(), _mailer(), links)


def password_reset_service() -> PasswordResetService:
    links = ResetLinks(current_settings().public_ui_url)
    return PasswordResetService(_unit_of_work(), passwords(), _mailer(), links)


def readiness_service() -> ReadinessService:
    return ReadinessService(_unit_of_work())
