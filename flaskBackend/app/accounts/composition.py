"""Builds the account services for the current request, over its one unit of work."""

from flask import current_app

from app.accounts.services.auth import AuthService
from app.accounts.services.password_reset import PasswordResetService, ResetLinks
from app.accounts.services.passwords import Passwords
from app.accounts.services.tokens import AccessTokens
from app.accounts.services.users import UserService
from app.kernel.composition import current_settings, unit_of_work
from app.kernel.mail import SmtpMailer


def passwords() -> Passwords:
    """The app's one hasher, built by accounts.init_app() at the settings' cost."""
    hasher: Passwords = current_app.extensions["passwords"]
    return hasher


def access_tokens() -> AccessTokens:
    """The app's one issuer and checker of access tokens, built by accounts.init_app()."""
    tokens: AccessTokens = current_app.extensions["access_tokens"]
    return tokens


def auth_service() -> AuthService:
    settings = current_settings()
    return AuthService(unit_of_work(), passwords(), access_tokens(), settings.refresh_token_ttl)


def _mailer() -> SmtpMailer:
    settings = current_settings()
    return SmtpMailer(settings.smtp_url, settings.mail_from)


def user_service() -> UserService:
    return UserService(unit_of_work(), passwords())


def password_reset_service() -> PasswordResetService:
    links = ResetLinks(current_settings().public_ui_url)
    return PasswordResetService(unit_of_work(), passwords(), _mailer(), links)
