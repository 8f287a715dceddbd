"""SMTP_URL, MAIL_FROM and PUBLIC_UI_URL: parsed at start-up, refused with the variable named."""

from __future__ import annotations

import pytest

from app.kernel.mail import SmtpMailer
from app.kernel.services.errors import Unavailable
from app.kernel.services.mail import Mail
from app.kernel.settings import Settings, SettingsError

MAIL_VARIABLES = ("SMTP_URL", "MAIL_FROM", "PUBLIC_UI_URL")


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://app:app@127.0.0.1:5432/app")
    monkeypatch.setenv("APP_ENV", "development")  # the one environment with a built-in key
    for name in MAIL_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def test_mail_is_off_until_smtp_url_is_set() -> None:
    settings = Settings.from_env()

    assert settings.smtp_url == ""
    assert settings.public_ui_url == "http://127.0.0.1:5173"


@pytest.mark.parametrize(
    "url", ["smtp://127.0.0.1:1025", "smtp+starttls://me:s%40cret@mail.example.com", "smtps://h"]
)
def test_the_three_smtp_schemes_are_accepted(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    monkeypatch.setenv("SMTP_URL", url)
    monkeypatch.setenv("PUBLIC_UI_URL", "https://tasks.example.com/")

    settings = Settings.from_env()

    assert settings.smtp_url == url
    assert settings.public_ui_url == "https://tasks.example.com"  # no trailing slash in links


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("SMTP_URL", "mail.example.com:25"),
        ("SMTP_URL", "http://mail.example.com"),
        ("MAIL_FROM", "Flask Template"),
        ("PUBLIC_UI_URL", "tasks.example.com"),
    ],
)
def test_malformed_values_stop_start_up_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)

    with pytest.raises(SettingsError, match=variable):
        Settings.from_env()


def test_sending_without_smtp_url_is_unavailable_not_a_crash() -> None:
    mailer = SmtpMailer("", "Flask Template <no-reply@example.com>")

    with pytest.raises(Unavailable, match="SMTP_URL"):
        mailer.send(Mail(to="a@example.com", subject="s", text="t"))
