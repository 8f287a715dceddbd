"""Administrators open accounts (with a password, or an invitation by mail) and close them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.accounts.models.user import User
from app.kernel.models.role import UserRole
from app.kernel.services.errors import Unavailable
from tests.api.sign_in import logs_in
from tests.factories import PASSWORD, UserFactory
from tests.jobs.runner import JobRunner
from tests.mail_sink import UI_URL, MailSink

ClientFor = Callable[[User], FlaskClient]


@pytest.fixture
def admin(client_for: ClientFor) -> FlaskClient:
    return client_for(UserFactory(role=UserRole.ADMIN))


def test_creating_with_a_password_lets_the_user_log_in_at_once(
    admin: FlaskClient, anonymous: FlaskClient, mail_sink: MailSink
) -> None:
    response = admin.post(
        "/api/users",
        json={"email": " New@Example.com ", "name": "New", "password": "initial-password"},
    )

    assert response.status_code == 201
    body = response.get_json()
    assert (body["email"], body["role"], body["is_active"]) == ("new@example.com", "user", True)
    assert logs_in(anonymous, "new@example.com", "initial-password")
    assert mail_sink.messages() == []


def test_creating_without_a_password_mails_an_invitation(
    admin: FlaskClient, anonymous: FlaskClient, mail_sink: MailSink
) -> None:
    response = admin.post(
        "/api/users", json={"email": "invited@example.com", "name": "Invited", "role": "admin"}
    )

    message = mail_sink.only_message()
    assert response.status_code == 201
    assert response.get_json()["role"] == "admin"
    assert (message["To"], message["Subject"]) == ("invited@example.com", "Your new account")
    assert f"{UI_URL}/reset-password#token=" in message.get_body(("plain",)).get_content()
    confirm = {"token": mail_sink.token(), "password": "chosen-password"}
    assert anonymous.post("/api/auth/password-reset/confirm", json=confirm).status_code == 204
    assert logs_in(anonymous, "invited@example.com", "chosen-password")


@pytest.mark.usefixtures("mail_server_down")
def test_an_invitation_the_mail_server_refuses_waits_in_its_job(
    admin: FlaskClient, session: Session, jobs: JobRunner
) -> None:
    response = admin.post("/api/users", json={"email": "later@example.com", "name": "Later"})

    assert response.status_code == 201
    user = session.scalar(select(User).where(User.email == "later@example.com"))
    assert user is not None
    assert jobs.queued() == [("accounts.send_invitation", {"user_id": user.id})]
    # The job raises Unavailable, which its retry strategy retries (app/accounts/jobs.py).
    with pytest.raises(Unavailable):
        jobs.run_all()


def test_an_account_refused_queues_no_invitation(admin: FlaskClient, jobs: JobRunner) -> None:
    UserFactory(email="taken@example.com")

    response = admin.post("/api/users", json={"email": "taken@example.com", "name": "Again"})

    assert response.status_code == 409
    assert jobs.queued() == []


def test_a_taken_email_in_another_case_is_409(admin: FlaskClient) -> None:
    UserFactory(email="taken@example.com")

    response = admin.post(
        "/api/users", json={"email": "TAKEN@example.com", "name": "Again", "password": PASSWORD}
    )

    assert response.status_code == 409


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"name": "No email", "password": PASSWORD}, "email"),
        ({"email": "x@example.com", "password": PASSWORD}, "name"),
        ({"email": "x@example.com", "name": "X", "password": "short"}, "password"),
        ({"email": "x@example.com", "name": "X", "role": "owner", "password": PASSWORD}, "role"),
        ({"email": "not-an-email", "name": "X", "password": PASSWORD}, "email"),
    ],
)
def test_bad_fields_are_422(admin: FlaskClient, payload: dict, field: str) -> None:
    response = admin.post("/api/users", json=payload)

    assert response.status_code == 422
    assert field in response.get_json()["errors"]


def test_deactivating_locks_out_and_reactivating_lets_back_in(
    admin: FlaskClient, anonymous: FlaskClient
) -> None:
    other = UserFactory()

    admin.patch(f"/api/users/{other.id}", json={"is_active": False})
    locked_out = not logs_in(anonymous, other.email, PASSWORD)
    admin.patch(f"/api/users/{other.id}", json={"is_active": True})

    assert locked_out
    assert logs_in(anonymous, other.email, PASSWORD)


@pytest.mark.parametrize("value", [0, 1, "true", "yes", None])
def test_is_active_takes_only_json_booleans(admin: FlaskClient, value: object) -> None:
    other = UserFactory()

    response = admin.patch(f"/api/users/{other.id}", json={"is_active": value})

    assert response.status_code == 422
    assert list(response.get_json()["errors"]) == ["is_active"]
