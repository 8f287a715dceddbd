"""Password reset by email: a single-use link, valid for 30 minutes, that ends every session."""

from __future__ import annotations

import datetime as dt
import logging

from app.accounts.models.password_reset import PasswordResetToken
from app.accounts.models.user import User
from app.accounts.repositories.password_resets import SqlPasswordResetRepository
from app.accounts.services.auth import normalise_email
from app.accounts.services.passwords import Passwords
from app.accounts.services.stores import AccountStores
from app.accounts.services.tokens import fingerprint, new_refresh_token
from app.kernel.services.errors import Rejected
from app.kernel.services.mail import Mail, Mailer
from app.kernel.services.unit_of_work import UnitOfWork

RESET_TTL = dt.timedelta(minutes=30)
# An ended session's revoked refresh tokens refuse its access tokens (repositories/users.py):
# kept past their own expiry for longer than any access token lives (ACCESS_TOKEN_TTL <= 1 day).
ENDED_SESSIONS_KEPT = dt.timedelta(days=1)
# The job that mails the link (app/accounts/jobs.py runs send_link).
SEND_PASSWORD_RESET = "accounts.send_password_reset"  # noqa: S105  # a job name
# The job that mails a new account its link to choose a password (send_invitation).
SEND_INVITATION = "accounts.send_invitation"
INVALID_LINK = "This reset link is invalid, already used or expired; ask for a new one."

log = logging.getLogger(__name__)


class ResetLinks:
    """Mints reset tokens and the UI links that carry them."""

    def __init__(self, ui_url: str) -> None:
        self.ui_url = ui_url

    def issue(self, uow: UnitOfWork, user: User) -> str:
        """Store a new token for the user (inside the caller's unit of work); return its link."""
        token = new_refresh_token()
        links = uow.repository(SqlPasswordResetRepository)
        # Only the newest link works: one mailed earlier (perhaps to a mailbox read by others) ends.
        links.spend_all_of(user.id, _now())
        links.add(
            PasswordResetToken(
                user_id=user.id, token_hash=fingerprint(token), expires_at=_now() + RESET_TTL
            )
        )
        # In the fragment, so the token reaches neither server logs nor Referer headers.
        return f"{self.ui_url}/reset-password#token={token}"


# Mail carries no user-supplied text (such as the name): nothing in it can pose as our words.
def reset_mail(user: User, link: str) -> Mail:
    return Mail(
        to=user.email,
        subject="Reset your password",
        text=(
            "Hello,\n\n"
            "Someone asked to reset the password of your account. To choose a new one, open\n\n"
            f"{link}\n\n"
            "The link works once, for 30 minutes. If you did not ask, ignore this mail:\n"
            "your password stays as it is.\n"
        ),
    )


def invitation_mail(user: User, link: str) -> Mail:
    return Mail(
        to=user.email,
        subject="Your new account",
        text=(
            "Hello,\n\n"
            "An administrator made you an account. Choose your password here:\n\n"
            f"{link}\n\n"
            "The link works once, for 30 minutes; after that, use 'Forgot password?' on the\n"
            "sign-in page.\n"
        ),
    )


class PasswordResetService(AccountStores):
    def __init__(
        self, uow: UnitOfWork, passwords: Passwords, mailer: Mailer, links: ResetLinks
    ) -> None:
        self.uow = uow
        self.passwords = passwords
        self.mailer = mailer
        self.links = links

    def request(self, email: str) -> None:
        """Queue the reset mail; the job looks the account up. The request does the same work
        whether or not an account has this email, and no SMTP work at all."""
        with self.uow:
            self.uow.enqueue(SEND_PASSWORD_RESET, email=normalise_email(email))
            self.uow.commit()

    def send_link(self, email: str) -> None:
        """The job's work: mail a new link if an active account has this email. Raises
        Unavailable when the mail server refuses, so the job is tried again later."""
        with self.uow:
            user = self.users.by_email(email)
            if user is None or not user.is_active:
                return
            link = self.links.issue(self.uow, user)
            self.uow.commit()
        self.mailer.send(reset_mail(user, link))

    def send_invitation(self, user_id: int) -> None:
        """The job's work after an administrator opened an account without a password: mail
        it a link to choose one, unless it is gone or deactivated by then. Raises Unavailable
        when the mail server refuses, so the job is tried again later."""
        with self.uow:
            user = self.users.get(user_id)
            if user is None or not user.is_active:
                return
            link = self.links.issue(self.uow, user)
            self.uow.commit()
        self.mailer.send(invitation_mail(user, link))

    def remove_expired(self) -> int:
        """Delete expired reset links and refresh tokens (a scheduled job); return how many."""
        now = _now()
        with self.uow:
            removed = self.password_resets.delete_expired(now)
            removed += self.refresh_tokens.delete_expired(now - ENDED_SESSIONS_KEPT)
            self.uow.commit()
        log.info("removed %d expired reset links and refresh tokens", removed)
        return removed

    def confirm(self, token: str, password: str) -> None:
        now = _now()
        with self.uow:
            stored = self.password_resets.by_hash(fingerprint(token))
            if stored is None or stored.used_at is not None or stored.expires_at <= now:
                raise Rejected(INVALID_LINK)
            user = self.users.get(stored.user_id)
            if user is None or not user.is_active:
                raise Rejected(INVALID_LINK)
            user.password_hash = self.passwords.hash(password)
            # This link and every other one outstanding stop working; so does every session.
            self.password_resets.spend_all_of(user.id, now)
            self.refresh_tokens.revoke_all_of(user.id, now)
            self.uow.commit()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
