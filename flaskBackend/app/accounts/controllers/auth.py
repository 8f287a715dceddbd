"""HTTP endpoints for registration, login, token refresh and logout."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import request
from flask.views import MethodView
from werkzeug.http import dump_cookie

from app.accounts.composition import auth_service
from app.accounts.controllers.limits import (
    REFRESH_COOKIE,
    REFRESHES_PER_ADDRESS,
    auth_email_rate,
    auth_rate,
    refresh_rate,
    refresh_session,
    submitted_email,
)
from app.accounts.schemas.users import (
    AccessTokenSchema,
    CredentialsSchema,
    RegistrationSchema,
    UserSchema,
)
from app.accounts.services.auth import IssuedTokens
from app.kernel.api import Blueprint
from app.kernel.composition import current_settings
from app.kernel.rate_limits import limiter
from app.kernel.settings import AppEnv

blp = Blueprint("auth", __name__, url_prefix="/api/auth", description="Accounts and sessions.")

COOKIE_PATH = "/api/auth"  # the browser sends the refresh token nowhere else
SET_COOKIE_HEADER = {
    "description": "The refresh token: HttpOnly, SameSite=Strict, Path=/api/auth.",
    "schema": {"type": "string"},
}
LIMITED = {"429": "TOO_MANY_REQUESTS"}
# Per client address, and per account from any address (see limits.py).
SIGN_IN_LIMITS: list[Callable[..., Any]] = [
    limiter.limit(auth_rate),
    limiter.limit(auth_email_rate, key_func=submitted_email),
]


@blp.route("/register")
class Register(MethodView):
    decorators = SIGN_IN_LIMITS

    @blp.doc(operationId="register", responses=LIMITED)
    @blp.arguments(RegistrationSchema)
    @blp.response(201, UserSchema)
    @blp.alt_response(409, response="CONFLICT", description="The email is taken.")
    def post(self, fields: Any) -> Any:
        """Create an account

        Passwords are 10 to 128 characters. The email is stored trimmed and lower-case.
        """
        return auth_service().register(**fields)


@blp.route("/login")
class Login(MethodView):
    decorators = SIGN_IN_LIMITS

    @blp.doc(operationId="login", responses=LIMITED)
    @blp.arguments(CredentialsSchema)
    @blp.response(200, AccessTokenSchema, headers={"Set-Cookie": SET_COOKIE_HEADER})
    @blp.alt_response(401, response="UNAUTHORIZED", description="Wrong email or password.")
    def post(self, credentials: Any) -> Any:
        """Log in

        Returns a short-lived access token to send as `Authorization: Bearer`, and sets the
        refresh token as an HttpOnly cookie for `POST /api/auth/refresh`.
        """
        return _session_response(auth_service().login(**credentials))


@blp.route("/refresh")
class Refresh(MethodView):
    decorators = [
        limiter.limit(refresh_rate, key_func=refresh_session),
        limiter.limit(REFRESHES_PER_ADDRESS),
    ]

    @blp.doc(operationId="refreshToken", responses=LIMITED)
    @blp.response(200, AccessTokenSchema, headers={"Set-Cookie": SET_COOKIE_HEADER})
    @blp.alt_response(401, response="UNAUTHORIZED", description="No live session.")
    def post(self) -> Any:
        """Get a new access token

        Uses the refresh cookie and replaces it (rotation). Presenting a refresh token that
        was already replaced ends that whole session, in case it was stolen.
        """
        return _session_response(auth_service().refresh(request.cookies.get(REFRESH_COOKIE)))


@blp.route("/logout")
class Logout(MethodView):
    @blp.doc(operationId="logout")
    @blp.response(204, headers={"Set-Cookie": SET_COOKIE_HEADER})
    def post(self) -> Any:
        """Log out

        Ends the session of the refresh cookie and clears it. The access tokens of that
        session stop working at once.
        """
        auth_service().logout(request.cookies.get(REFRESH_COOKIE))
        return None, {"Set-Cookie": _refresh_cookie("", max_age=0)}


def _session_response(issued: IssuedTokens) -> Any:
    body = {
        "access_token": issued.access_token,
        "token_type": "Bearer",
        "expires_in": issued.expires_in,
    }
    cookie = _refresh_cookie(issued.refresh_token, max_age=issued.refresh_expires_in)
    return body, {"Set-Cookie": cookie, "Cache-Control": "no-store"}


def _refresh_cookie(value: str, *, max_age: int) -> str:
    return dump_cookie(
        REFRESH_COOKIE,
        value,
        max_age=max_age,
        path=COOKIE_PATH,
        secure=current_settings().app_env is not AppEnv.DEVELOPMENT,
        httponly=True,
        samesite="Strict",
    )
