"""Sends mail through SMTP, as SMTP_URL says: smtp://, smtp+starttls:// or smtps://.

The standard library's smtplib and email packages do the work; this only reads the URL,
builds the message and turns a refusal into Unavailable (a 503, never a 500).
"""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from urllib.parse import SplitResult, unquote, urlsplit

from app.kernel.services.errors import Unavailable
from app.kernel.services.mail import Mail

DEFAULT_PORTS = {"smtp": 25, "smtp+starttls": 587, "smtps": 465}
TIMEOUT_SECONDS = 10


class SmtpMailer:
    def __init__(self, url: str, sender: str) -> None:
        self._url = urlsplit(url) if url else None
        self._sender = sender

    def send(self, mail: Mail) -> None:
        if self._url is None:
            raise Unavailable("Outgoing mail is not configured: set SMTP_URL.")
        try:
            with self._connect(self._url) as smtp:
                smtp.send_message(self._message(mail))
        except (OSError, smtplib.SMTPException) as error:
            raise Unavailable("The mail server is not accepting mail; try again later.") from error

    @staticmethod
    def _connect(url: SplitResult) -> smtplib.SMTP:
        scheme, host = url.scheme, url.hostname or "localhost"
        port = url.port or DEFAULT_PORTS[scheme]
        tls = ssl.create_default_context()
        if scheme == "smtps":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(host, port, timeout=TIMEOUT_SECONDS, context=tls)
        else:
            smtp = smtplib.SMTP(host, port, timeout=TIMEOUT_SECONDS)
        try:
            if scheme == "smtp+starttls":
                smtp.starttls(context=tls)
            if url.username:
                smtp.login(unquote(url.username), unquote(url.password or ""))
        except BaseException:
            smtp.close()
            raise
        return smtp

    def _message(self, mail: Mail) -> EmailMessage:
        message = EmailMessage()
        message["From"] = self._sender
        message["To"] = mail.to
        message["Subject"] = mail.subject
        message["Date"] = formatdate(localtime=False)
        domain = parseaddr(self._sender)[1].rpartition("@")[2] or None
        message["Message-ID"] = make_msgid(domain=domain)
        message.set_content(mail.text)
        return message
