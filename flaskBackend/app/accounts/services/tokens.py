"""Access tokens (short-lived JWTs) and refresh tokens (random, stored only as hashes)."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import secrets
import time
import uuid
from dataclasses import dataclass

import jwt

ALGORITHM = "HS256"
# User ids are PostgreSQL integers; a subject outside them names no one and must not reach SQL.
MAX_USER_ID = 2**31 - 1
USER_ID = re.compile(r"[1-9][0-9]{0,9}")
SESSION_HEX = re.compile(r"[0-9a-f]{32}")
# Tokens verified recently, per process: about 300 bytes each.
VERIFIED_TOKENS = 4096


@dataclass(frozen=True, slots=True)
class AccessClaims:
    user_id: int
    session: uuid.UUID


class InvalidToken(Exception):
    """Malformed, expired, wrongly signed or of the wrong kind."""


class AccessTokens:
    """One per app (create_app builds it). A token's signature is checked once: the claims of
    the tokens verified recently are kept, keyed by the whole token, and a token seen again is
    only checked for expiry. The same string always carries the same claims under one key, so
    this changes no answer; an invalid token is never kept. Whether the account may still act
    is not a claim: the caller's lookup asks the database on every request."""

    def __init__(self, secret_key: str, ttl_seconds: int) -> None:
        self._secret = secret_key
        self.ttl_seconds = ttl_seconds
        self._verified = functools.lru_cache(maxsize=VERIFIED_TOKENS)(self._verify)

    def issue(self, user_id: int, session: uuid.UUID) -> str:
        now = dt.datetime.now(dt.UTC)
        claims = {
            "sub": str(user_id),
            "sid": str(session),
            "typ": "access",
            "iat": now,
            "exp": now + dt.timedelta(seconds=self.ttl_seconds),
        }
        return jwt.encode(claims, self._secret, algorithm=ALGORITHM)

    def read(self, token: str) -> AccessClaims:
        claims, expires_at = self._verified(token)
        if expires_at <= time.time():
            raise InvalidToken("the token has expired")
        return claims

    def _verify(self, token: str) -> tuple[AccessClaims, float]:
        try:
            # A fixed algorithm list: "alg: none" and algorithm-confusion tokens are refused.
            claims = jwt.decode(
                token,
                self._secret,
                algorithms=[ALGORITHM],
                options={"require": ["sub", "sid", "exp", "iat", "typ"]},
            )
            if claims["typ"] != "access":
                raise InvalidToken("not an access token")
            found = AccessClaims(user_id=_user_id(claims["sub"]), session=uuid.UUID(claims["sid"]))
            return found, float(claims["exp"])
        except (jwt.PyJWTError, ValueError, TypeError) as error:
            raise InvalidToken(str(error)) from error


def _user_id(subject: object) -> int:
    if not (isinstance(subject, str) and USER_ID.fullmatch(subject)):
        raise InvalidToken("the subject is not a user id")
    user_id = int(subject)
    if user_id > MAX_USER_ID:
        raise InvalidToken("the subject is not a user id")
    return user_id


def new_refresh_token() -> str:
    return secrets.token_urlsafe(32)


def new_session_token(session: uuid.UUID) -> str:
    """A refresh token that names its session, so its rate limit can be counted per session
    before any lookup. The name is no secret (the access token carries it too)."""
    return f"{session.hex}.{new_refresh_token()}"


def session_of(refresh_token: str) -> str | None:
    session, dot, _ = refresh_token.partition(".")
    return session if dot and SESSION_HEX.fullmatch(session) else None


def fingerprint(refresh_token: str) -> str:
    """What the database keeps: a leaked table cannot be replayed as cookies."""
    return hashlib.sha256(refresh_token.encode()).hexdigest()
