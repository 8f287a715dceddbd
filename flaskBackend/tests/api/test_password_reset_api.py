"""Password reset by email, through a real SMTP server the test starts."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from flask.testing import FlaskClient

from app.accounts.models.user import User
from app.accounts.services.password_reset import SEND_PASSWORD_RESET
from app.kernel.services.errors import Unavailable
from tests.api.sign_in import logs_in
from tests.factories import PASSWORD, UserFactory
from tests.jobs.runner import JobRunner
from tests.mail_sink import UI_URL, MailSink

pytestmark = pytest.mark.usefixtures("user")
PROBLEM = "application/problem+json"
NEW_PASSWORD = "a-fresh-password"


def request_reset(client: FlaskClient, email: str) -> tuple[int, object]:
    response = client.post("/api/auth/password-reset", json={"email": email})
    return response.status_code, response.get_json()


def confirm(client: FlaskClient, token: str, password: str = NEW_PASSWORD) -> FlaskClient:
    return client.post(
        "/api/auth/password-reset/confirm", json={"token": token, "password": password}
    )


def test_a_known_email_gets_a_link_to_the_ui(anonymous: FlaskClient, mail_sink: MailSink) -> None:
    status, _ = request_reset(anonymous, " Me@Example.com ")

    message = mail_sink.only_message()
    assert status == 202
    assert message["To"] == "me@example.com"
    assert message["From"] == "App <app@example.test>"
    assert message["Subject"] == "Reset your password"
    assert f"{UI_URL}/reset-password#token=" in message.get_body(("plain",)).get_content()


@pytest.mark.parametrize("email", ["nobody@example.com", "inactive@example.com", "not an email"])
def test_unknown_and_inactive_accounts_get_the_same_answer_and_no_mail(
    anonymous: FlaskClient, mail_sink: MailSink, email: str
) -> None:
    UserFactory(email="inactive@example.com", is_active=False)

    assert request_reset(anonymous, email) == request_reset(anonymous, "me@example.com")
    assert len(mail_sink.messages()) == 1  # only me@example.com's


def test_the_link_sets_the_password_and_ends_every_session(
    anonymous: FlaskClient, mail_sink: MailSink, user: User
) -> None:
    assert logs_in(anonymous, user.email, PASSWORD)
    request_reset(anonymous, user.email)

    response = confirm(anonymous, mail_sink.token())

    assert response.status_code == 204
    assert anonymous.post("/api/auth/refresh").status_code == 401
    assert not logs_in(anonymous, user.email, PASSWORD)
    assert logs_in(anonymous, user.email, NEW_PASSWORD)


def test_a_link_works_once(anonymous: FlaskClient, mail_sink: MailSink) -> None:
    request_reset(anonymous, "me@example.com")
    token = mail_sink.token()
    confirm(anonymous, token)

    response = confirm(anonymous, token, "yet-another-password")

    assert response.status_code == 400
    assert response.mimetype == PROBLEM
    assert "invalid, already used or expired" in response.get_json()["detail"]
    assert logs_in(anonymous, "me@example.com", NEW_PASSWORD)


def test_a_newer_request_ends_every_earlier_link(
    anonymous: FlaskClient, mail_sink: MailSink
) -> None:
    request_reset(anonymous, "me@example.com")
    request_reset(anonymous, "me@example.com")
    first, second = mail_sink.tokens()

    assert confirm(anonymous, first).status_code == 400
    assert confirm(anonymous, second).status_code == 204


def test_a_password_change_ends_every_link(
    anonymous: FlaskClient, client: FlaskClient, mail_sink: MailSink
) -> None:
    request_reset(anonymous, "me@example.com")
    mailed = mail_sink.token()

    changed = client.patch(
        "/api/users/me", json={"password": "changed-by-me-1", "current_password": PASSWORD}
    )

    assert changed.status_code == 200
    assert confirm(anonymous, mailed).status_code == 400
    assert logs_in(anonymous, "me@example.com", "changed-by-me-1")


def test_deleting_the_account_ends_every_link(
    anonymous: FlaskClient, client: FlaskClient, mail_sink: MailSink
) -> None:
    request_reset(anonymous, "me@example.com")
    mailed = mail_sink.token()

    assert client.delete("/api/users/me", json={"password": PASSWORD}).status_code == 204
    assert confirm(anonymous, mailed).status_code == 400


def test_the_mail_carries_no_text_the_user_chose(
    anonymous: FlaskClient, mail_sink: MailSink, session
) -> None:
    # A name stored before names had to be one line, or written by another client.
    UserFactory(email="victim@example.com", name="Bob\n\nUrgent: log in at https://evil.test")

    request_reset(anonymous, "victim@example.com")

    text = mail_sink.only_message().get_body(("plain",)).get_content()
    assert "evil.test" not in text
    assert "Bob" not in text


def test_a_link_expires_after_30_minutes(anonymous: FlaskClient, mail_sink: MailSink) -> None:
    request_reset(anonymous, "me@example.com")
    mailed = mail_sink.token()

    with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(minutes=31)):
        response = confirm(anonymous, mailed)

    assert response.status_code == 400
    assert logs_in(anonymous, "me@example.com", PASSWORD)


def test_a_forged_token_is_400(anonymous: FlaskClient) -> None:
    response = confirm(anonymous, "forged-token")

    assert response.status_code == 400
    assert response.mimetype == PROBLEM


def test_a_too_short_password_is_422_and_leaves_the_link_usable(
    anonymous: FlaskClient, mail_sink: MailSink
) -> None:
    request_reset(anonymous, "me@example.com")
    token = mail_sink.token()

    response = confirm(anonymous, token, "short")

    assert response.status_code == 422
    assert list(response.get_json()["errors"]) == ["password"]
    assert confirm(anonymous, token).status_code == 204


def test_a_deactivated_account_cannot_use_its_link(
    anonymous: FlaskClient, mail_sink: MailSink, user: User, session
) -> None:
    request_reset(anonymous, user.email)
    mailed = mail_sink.token()
    user.is_active = False
    session.commit()

    assert confirm(anonymous, mailed).status_code == 400


@pytest.mark.usefixtures("mail_server_down")
def test_a_mail_server_that_is_down_changes_nothing_in_the_answer_and_fails_the_job(
    anonymous: FlaskClient, jobs: JobRunner
) -> None:
    status, body = request_reset(anonymous, "me@example.com")

    assert (status, body) == request_reset(anonymous, "nobody@example.com")
    assert status == 202
    # The job raises Unavailable, which its retry strategy retries (app/accounts/jobs.py).
    with pytest.raises(Unavailable):
        jobs.run_all()


def test_the_request_queues_the_mail_and_sends_nothing_itself(
    anonymous: FlaskClient, jobs: JobRunner
) -> None:
    request_reset(anonymous, " Me@Example.com ")
    request_reset(anonymous, "nobody@example.com")

    assert jobs.queued() == [
        (SEND_PASSWORD_RESET, {"email": "me@example.com"}),
        (SEND_PASSWORD_RESET, {"email": "nobody@example.com"}),
    ]


def test_confirmations_are_rate_limited(anonymous: FlaskClient) -> None:
    statuses = [confirm(anonymous, f"guess-{n}").status_code for n in range(6)]

    assert statuses == [400] * 5 + [429]
