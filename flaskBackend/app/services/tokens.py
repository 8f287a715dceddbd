"""Access tokens (short-lived JWTs) and refresh tokens (random, stored only as hashes)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
import uuid
from dataclasses import dataclass

import jwt

ALGORITHM = "HS256"
# User ids are PostgreSQL integers; a subject outside them names no one and must not reach SQL.
MAX_USER_ID = 2**31 - 1
USER_ID = re.compile(r"[1-9][0-9]{0,9}")


@dataclass(frozen=True, slots=True)
class AccessClaims:
    user_id: int
    session: uuid.UUID


class InvalidToken(Exception):
    """Malformed, expired, wrongly signed or of the wrong kind."""


class AccessTokens:
    def __init__(self, secret_key: str, ttl_seconds: int) -> None:
        self._secret = secret_key
        self.ttl_seconds = ttl_seconds

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
            return AccessClaims(user_id=_user_id(claims["sub"]), session=uuid.UUID(claims["sid"]))
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


def fingerprint(refresh_token: str) -> str:
    """What the database keeps: a leaked table cannot be replayed as cookies."""
    return hashlib.sha256(refresh_token.encode()).hexdigest()
