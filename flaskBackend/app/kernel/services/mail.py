"""Outgoing mail as the services see it: a message and something that sends it.

The SMTP implementation is app/mail.py; composition.py hands it to the services.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Mail:
    to: str
    subject: str
    text: str


class Mailer(Protocol):
    def send(self, mail: Mail) -> None:
        """Deliver to the mail server, or raise errors.Unavailable."""
