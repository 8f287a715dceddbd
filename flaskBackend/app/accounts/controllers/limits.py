"""The limits of the sign-in endpoints, and whose count each request adds to.

Login and registration: AUTH_RATE_LIMIT per client address, and AUTH_EMAIL_RATE_LIMIT per
submitted email from any address. The per-email ceiling is well above the per-address one, so
an attacker on one address runs out long before the account does, and the owner (on another
address) still logs in; only an attacker with several addresses can reach it, and then only
for what is left of the window. Reset mail: RESET_MAIL_RATE_LIMIT per address mailed, besides
the per-client one. Refresh: REFRESH_RATE_LIMIT per session, so reloads never log anyone out,
and a generous ceiling per client address for cookies that name no session.
"""

from __future__ import annotations

import hashlib

from flask import request
from flask_limiter.util import get_remote_address

from app.accounts.services.auth import normalise_email
from app.accounts.services.tokens import session_of
from app.kernel.composition import current_settings

REFRESH_COOKIE = "refresh_token"
# Refresh requests of any session from one address (a household, an office behind one NAT).
REFRESHES_PER_ADDRESS = "300/minute"


def auth_rate() -> str:
    return current_settings().auth_rate_limit


def auth_email_rate() -> str:
    return current_settings().auth_email_rate_limit


def reset_mail_rate() -> str:
    return current_settings().reset_mail_rate_limit


def refresh_rate() -> str:
    return current_settings().refresh_rate_limit


def submitted_email() -> str:
    """Limits guessing at one account from many addresses.

    The key is a digest: the email has not been validated yet (it may hold NUL, lone
    surrogates or a megabyte), and no store should keep addresses in clear text.
    """
    body = request.get_json(silent=True)
    email = body.get("email") if isinstance(body, dict) else None
    if not isinstance(email, str):
        return get_remote_address()
    normalised = normalise_email(email).encode("utf-8", "surrogatepass")
    return f"email:{hashlib.sha256(normalised).hexdigest()}"


def refresh_session() -> str:
    """The session the refresh cookie names (its family); the address when it names none. The
    name is unverified: a forged one only spends a count the forger cannot use anyway."""
    session = session_of(request.cookies.get(REFRESH_COOKIE, ""))
    return f"session:{session}" if session else get_remote_address()
