"""A real SMTP server per test (devtools.mail_sink's handler), and the app pointed at it."""

from __future__ import annotations

import dataclasses
import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from flask import Flask

from devtools.mail_sink import EmlFolder
from tests.jobs.runner import JobRunner

UI_URL = "https://ui.example.test"
LINK = re.compile(re.escape(UI_URL) + r"/reset-password#token=([A-Za-z0-9_-]+)")


class MailSink:
    """What the SMTP server received once the queued jobs have run (mail goes out in jobs)."""

    def __init__(self, folder: EmlFolder, port: int, jobs: JobRunner) -> None:
        self.folder = folder
        self.url = f"smtp://127.0.0.1:{port}"
        self.jobs = jobs

    def messages(self) -> list[EmailMessage]:
        self.jobs.run_all()
        return [
            message_from_bytes(path.read_bytes(), policy=policy.default)  # type: ignore[misc]
            for path in self.folder.messages()
        ]

    def only_message(self) -> EmailMessage:
        messages = self.messages()
        assert len(messages) == 1, [m["Subject"] for m in messages]
        return messages[0]

    def token(self) -> str:
        """The token of the reset link in the one message received."""
        return token_in(self.only_message())

    def tokens(self) -> list[str]:
        return [token_in(message) for message in self.messages()]


def token_in(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    assert body is not None
    match = LINK.search(body.get_content())
    assert match, body.get_content()
    return match.group(1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def app_mailing_to(app: Flask, smtp_url: str) -> Iterator[None]:
    """The app's settings (read per request) with SMTP_URL and PUBLIC_UI_URL for this test."""
    settings = app.extensions["settings"]
    app.extensions["settings"] = dataclasses.replace(
        settings, smtp_url=smtp_url, public_ui_url=UI_URL, mail_from="App <app@example.test>"
    )
    try:
        yield
    finally:
        app.extensions["settings"] = settings


@pytest.fixture
def mail_sink(app: Flask, tmp_path: Path, jobs: JobRunner) -> Iterator[MailSink]:
    port = free_port()
    controller = Controller(EmlFolder(tmp_path / "mail"), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with app_mailing_to(app, f"smtp://127.0.0.1:{port}"):
            yield MailSink(controller.handler, port, jobs)
    finally:
        controller.stop()


@pytest.fixture
def mail_server_down(app: Flask) -> Iterator[None]:
    """SMTP_URL names a port where nothing listens."""
    with app_mailing_to(app, f"smtp://127.0.0.1:{free_port()}"):
        yield
