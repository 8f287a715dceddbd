"""Registration, login, refresh-token rotation with theft detection, logout, authentication."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from app.accounts.models.user import RefreshToken, User
from app.accounts.services.passwords import Passwords
from app.accounts.services.stores import AccountStores
from app.accounts.services.tokens import (
    AccessTokens,
    InvalidToken,
    fingerprint,
    new_session_token,
)
from app.kernel.services.errors import Conflict, Unauthorized
from app.kernel.services.principal import Principal
from app.kernel.services.unit_of_work import UnitOfWork

WRONG_CREDENTIALS = "Wrong email or password."
SESSION_ENDED = "Your session has ended; log in again."


@dataclass(frozen=True, slots=True)
class IssuedTokens:
    access_token: str
    expires_in: int
    refresh_token: str
    refresh_expires_in: int


def normalise_email(email: str) -> str:
    return email.strip().lower()


class AuthService(AccountStores):
    def __init__(
        self, uow: UnitOfWork, passwords: Passwords, tokens: AccessTokens, refresh_ttl: int
    ) -> None:
        self.uow = uow
        self.passwords = passwords
        self.tokens = tokens
        self.refresh_ttl = refresh_ttl

    def register(self, *, email: str, password: str, name: str) -> User:
        email = normalise_email(email)
        with self.uow:
            if self.users.by_email(email) is not None:
                raise Conflict("An account with this email already exists.", fields=("email",))
            user = User(email=email, password_hash=self.passwords.hash(password), name=name)
            self.users.add(user)
            self.uow.commit()
            return user

    def login(self, *, email: str, password: str) -> IssuedTokens:
        with self.uow:
            user = self.users.by_email(normalise_email(email))
            known = self.passwords.verify(user.password_hash if user else None, password)
            # One answer for unknown email, wrong password and deactivated account.
            if user is None or not known or not user.is_active:
                raise Unauthorized(WRONG_CREDENTIALS)
            if self.passwords.needs_rehash(user.password_hash):
                user.password_hash = self.passwords.hash(password)
            issued = self._issue(user, family=uuid.uuid4())
            self.uow.commit()
            return issued

    def refresh(self, refresh_token: str | None) -> IssuedTokens:
        if not refresh_token:
            raise Unauthorized(SESSION_ENDED)
        now = _now()
        with self.uow:
            stored = self.refresh_tokens.by_hash(fingerprint(refresh_token))
            if stored is None or stored.revoked_at is not None or stored.expires_at <= now:
                raise Unauthorized(SESSION_ENDED)
            if stored.rotated_at is not None:
                # A rotated token came back: someone holds a copy. End the whole session.
                self.refresh_tokens.revoke_family(stored.family, now)
                self.uow.commit()
                raise Unauthorized(SESSION_ENDED)
            user = self.users.get(stored.user_id)
            if user is None or not user.is_active:
                raise Unauthorized(SESSION_ENDED)
            stored.rotated_at = now
            issued = self._issue(user, family=stored.family)
            self.uow.commit()
            return issued

    def logout(self, refresh_token: str | None) -> None:
        if not refresh_token:
            return
        with self.uow:
            stored = self.refresh_tokens.by_hash(fingerprint(refresh_token))
            if stored is not None:
                self.refresh_tokens.revoke_family(stored.family, _now())
                self.uow.commit()

    def authenticate(self, access_token: str | None) -> Principal:
        if not access_token:
            raise Unauthorized("Send an access token: Authorization: Bearer <token>.")
        try:
            claims = self.tokens.read(access_token)
        except InvalidToken:
            raise Unauthorized("The access token is invalid or has expired.") from None
        with self.uow.reading():
            role = self.users.active_role(claims.user_id, claims.session)
        # Deleted, deactivated or logged out since the token was issued: refused at once.
        if role is None:
            raise Unauthorized("The access token is invalid or has expired.")
        return Principal(user_id=claims.user_id, role=role, session=claims.session)

    def _issue(self, user: User, *, family: uuid.UUID) -> IssuedTokens:
        refresh_token = new_session_token(family)
        self.refresh_tokens.add(
            RefreshToken(
                user_id=user.id,
                family=family,
                token_hash=fingerprint(refresh_token),
                expires_at=_now() + dt.timedelta(seconds=self.refresh_ttl),
            )
        )
        return IssuedTokens(
            access_token=self.tokens.issue(user.id, family),
            expires_in=self.tokens.ttl_seconds,
            refresh_token=refresh_token,
            refresh_expires_in=self.refresh_ttl,
        )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
