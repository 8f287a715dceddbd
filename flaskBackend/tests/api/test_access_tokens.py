"""Access tokens: each request checks the signature, type, expiry, subject and session, and
a deactivated user's token stops working at once."""

from __future__ import annotations

import datetime as dt
import uuid

import jwt
import pytest
import time_machine
from flask.testing import FlaskClient

from app.accounts.models.user import User
from app.kernel.settings import Settings
from tests.api.sign_in import bearer, login
from tests.factories import UserFactory

PROBLEM = "application/problem+json"


def test_access_token_expires_after_its_ttl(anonymous: FlaskClient) -> None:
    token = login(anonymous, UserFactory().email)
    # Used once first: the app keeps the verified token, and must still see it expire.
    assert anonymous.get("/api/users/me", headers=bearer(token)).status_code == 200

    with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(minutes=16)):
        response = anonymous.get("/api/users/me", headers=bearer(token))

    assert response.status_code == 401
    assert response.mimetype == PROBLEM


def forged(settings: Settings, user: User, **changes: object) -> str:
    now = dt.datetime.now(dt.UTC)
    claims = {
        "sub": str(user.id),
        "sid": str(uuid.uuid4()),
        "typ": "access",
        "iat": now,
        "exp": now + dt.timedelta(minutes=5),
    }
    claims.update(changes)
    return jwt.encode(
        {k: v for k, v in claims.items() if v is not None}, settings.secret_key, algorithm="HS256"
    )


@pytest.mark.parametrize(
    "make_token",
    [
        lambda s, u: "not-a-jwt",
        lambda s, u: jwt.encode(
            {"sub": str(u.id)}, "some-other-secret-that-is-long-enough-for-hs256", algorithm="HS256"
        ),
        lambda s, u: jwt.encode(
            {
                "sub": str(u.id),
                "sid": str(uuid.uuid4()),
                "typ": "access",
                "iat": 0,
                "exp": 9999999999,
            },
            None,
            algorithm="none",
        ),
        lambda s, u: forged(s, u, typ="refresh"),
        lambda s, u: forged(s, u, exp=None),
        lambda s, u: forged(s, u, sub="abc"),
        lambda s, u: forged(s, u, sub="99999999"),
    ],
    ids=[
        "garbage",
        "wrong-signature",
        "alg-none",
        "wrong-type",
        "no-expiry",
        "bad-subject",
        "unknown-user",
    ],
)
def test_bad_tokens_are_401(
    anonymous: FlaskClient, settings: Settings, user: User, make_token
) -> None:
    response = anonymous.get("/api/users/me", headers=bearer(make_token(settings, user)))

    assert response.status_code == 401
    assert response.mimetype == PROBLEM


def test_a_deactivated_users_token_stops_working(client_for, user: User, session) -> None:
    client = client_for(user)
    assert client.get("/api/users/me").status_code == 200

    user.is_active = False
    session.commit()

    assert client.get("/api/users/me").status_code == 401
