"""The limits of the sign-in endpoints: per client address, and per submitted email."""

from __future__ import annotations

import hashlib

from flask import request
from flask_limiter.util import get_remote_address

from app.accounts.services.auth import normalise_email
from app.kernel.composition import current_settings


def auth_rate() -> str:
    return current_settings().auth_rate_limit


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
