"""The limits of sign-in, reset mail and refresh: they stop abuse, not the account's owner."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from app.accounts.models.user import User
from tests.factories import PASSWORD
from tests.mail_sink import MailSink

PROBLEM = "application/problem+json"


def login_from(client: FlaskClient, address: str, email: str, password: str) -> int:
    response = client.post(
        "/api/auth/login",
        json={"email": email, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )
    return response.status_code


def test_login_is_rate_limited_per_address_with_retry_after(anonymous: FlaskClient) -> None:
    statuses = [login_from(anonymous, "10.0.0.1", f"x{n}@example.com", "nope") for n in range(6)]

    assert statuses == [401] * 5 + [429]
    limited = anonymous.post("/api/auth/login", json={"email": "y@example.com", "password": "no"})
    assert limited.mimetype == PROBLEM
    assert int(limited.headers["Retry-After"]) > 0


def test_an_attacker_on_one_address_cannot_lock_the_owner_out(
    anonymous: FlaskClient, user: User
) -> None:
    guesses = [login_from(anonymous, "10.6.6.6", user.email, "guess") for _ in range(10)]

    assert guesses == [401] * 5 + [429] * 5
    assert login_from(anonymous, "192.168.1.20", user.email, PASSWORD) == 200


def test_login_is_limited_per_email_across_many_addresses(anonymous: FlaskClient) -> None:
    statuses = [
        login_from(anonymous, f"10.0.0.{n}", "target@example.com", "guess") for n in range(21)
    ]

    assert statuses == [401] * 20 + [429]


def test_reset_mail_is_limited_per_address_mailed_from_any_client(
    anonymous: FlaskClient, mail_sink: MailSink, user: User
) -> None:
    statuses = [
        anonymous.post(
            "/api/auth/password-reset",
            json={"email": user.email},
            environ_base={"REMOTE_ADDR": f"10.0.0.{n}"},
        ).status_code
        for n in range(5)
    ]

    assert statuses == [202] * 3 + [429] * 2
    assert len(mail_sink.messages()) == 3


def test_ten_reloads_a_minute_keep_the_session(anonymous: FlaskClient, user: User) -> None:
    anonymous.post("/api/auth/login", json={"email": user.email, "password": PASSWORD})

    # Each page load refreshes; React's development mode does it twice.
    statuses = [anonymous.post("/api/auth/refresh").status_code for _ in range(20)]

    assert statuses == [200] * 20


def test_refresh_is_limited_per_session(app: Flask, anonymous: FlaskClient, user: User) -> None:
    other_session = app.test_client()
    other_session.environ_base["wsgi.url_scheme"] = "https"
    for client in (anonymous, other_session):
        client.post("/api/auth/login", json={"email": user.email, "password": PASSWORD})

    statuses = [anonymous.post("/api/auth/refresh").status_code for _ in range(31)]

    assert statuses == [200] * 30 + [429]
    assert other_session.post("/api/auth/refresh").status_code == 200
