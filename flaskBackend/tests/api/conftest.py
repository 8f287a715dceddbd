"""Fixtures of the API tests beyond the shared ones: a real SMTP server per test."""

from tests.mail_sink import mail_server_down, mail_sink

__all__ = ["mail_server_down", "mail_sink"]
