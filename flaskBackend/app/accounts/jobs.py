"""The accounts' background jobs. A job calls services, never controllers; the worker runs
each one in an app context of its own (app/kernel/worker.py)."""

from __future__ import annotations

import procrastinate

from app.accounts.composition import password_reset_service
from app.accounts.services.password_reset import SEND_INVITATION, SEND_PASSWORD_RESET
from app.kernel.services.errors import Unavailable
from app.kernel.settings import Settings
from app.kernel.worker import SCHEDULED

# A mail server that refuses is tried again after 3 s, 9 s, 27 s ... about 18 minutes in all.
MAIL_RETRY = procrastinate.RetryStrategy(
    max_attempts=6, exponential_wait=3, retry_exceptions={Unavailable}
)


def register(queue: procrastinate.App, settings: Settings) -> None:
    queue.task(name=SEND_PASSWORD_RESET, retry=MAIL_RETRY)(send_password_reset)
    queue.task(name=SEND_INVITATION, retry=MAIL_RETRY)(send_invitation)
    cleanup = queue.task(
        name="accounts.remove_expired_credentials",
        queueing_lock="accounts.remove_expired_credentials",
        queue=SCHEDULED,
    )
    queue.periodic(cron=settings.cleanup_schedule)(cleanup(remove_expired_credentials))


def send_password_reset(email: str) -> None:
    password_reset_service().send_link(email)


def send_invitation(user_id: int) -> None:
    password_reset_service().send_invitation(user_id)


def remove_expired_credentials(timestamp: int) -> None:
    """CLEANUP_SCHEDULE: expired reset links and refresh tokens."""
    password_reset_service().remove_expired()
