"""The accounts' jobs, run as the worker runs them: copy this file for a folder's own jobs."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.accounts.models.password_reset import PasswordResetToken
from app.accounts.models.user import RefreshToken, User
from tests.factories import UserFactory
from tests.jobs.runner import JobRunner
from tests.mail_sink import MailSink

NOW = dt.datetime.now(dt.UTC)


def test_cleanup_removes_expired_reset_links_and_refresh_tokens_a_day_past_expiry(
    jobs: JobRunner, session: Session, user: User
) -> None:
    for hours, name in ((-49, "long-expired"), (-1, "just-expired"), (1, "live")):
        at = NOW + dt.timedelta(hours=hours)
        session.add(PasswordResetToken(user_id=user.id, token_hash=f"reset-{name}", expires_at=at))
        session.add(
            RefreshToken(
                user_id=user.id, family=uuid.uuid4(), token_hash=f"refresh-{name}", expires_at=at
            )
        )
    session.commit()

    jobs.run("accounts.remove_expired_credentials", timestamp=int(NOW.timestamp()))

    assert session.scalars(select(PasswordResetToken.token_hash)).all() == ["reset-live"]
    # A day more for refresh tokens: a revoked one still refuses its session's access tokens.
    kept = session.scalars(select(RefreshToken.token_hash).order_by(RefreshToken.token_hash))
    assert kept.all() == ["refresh-just-expired", "refresh-live"]


def test_the_reset_mail_job_sends_one_link_to_an_active_account_and_none_to_others(
    jobs: JobRunner, mail_sink: MailSink, user: User
) -> None:
    jobs.run("accounts.send_password_reset", email=user.email)
    jobs.run("accounts.send_password_reset", email="nobody@example.com")

    assert [message["To"] for message in mail_sink.messages()] == [user.email]


def test_the_invitation_job_mails_an_active_account_and_not_one_gone_or_deactivated(
    jobs: JobRunner, mail_sink: MailSink, session: Session
) -> None:
    invited = UserFactory(email="invited@example.com")
    deactivated = UserFactory(email="off@example.com", is_active=False)
    session.commit()

    for user_id in (invited.id, deactivated.id, invited.id + deactivated.id + 1):
        jobs.run("accounts.send_invitation", user_id=user_id)

    messages = mail_sink.messages()
    assert [(m["To"], m["Subject"]) for m in messages] == [(invited.email, "Your new account")]
