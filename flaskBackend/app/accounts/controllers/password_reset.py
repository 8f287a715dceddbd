"""HTTP endpoints for resetting a forgotten password by email."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView

from app.accounts.composition import password_reset_service
from app.accounts.controllers.limits import auth_rate, reset_mail_rate, submitted_email
from app.accounts.schemas.users import (
    AcceptedSchema,
    PasswordResetRequestSchema,
    PasswordResetSchema,
)
from app.kernel.api import Blueprint
from app.kernel.rate_limits import limiter

blp = Blueprint(
    "password_reset",
    __name__,
    url_prefix="/api/auth/password-reset",
    description="Resetting a forgotten password by email.",
)

LIMITED = {"429": "TOO_MANY_REQUESTS"}
REQUESTED = "If an account uses this email, a link to reset its password is on its way."


@blp.route("")
class PasswordResetRequest(MethodView):
    # Per client address, and per address mailed whoever asks: no mailbox gets flooded.
    decorators = [
        limiter.limit(auth_rate),
        limiter.limit(reset_mail_rate, key_func=submitted_email),
    ]

    @blp.doc(operationId="requestPasswordReset", responses=LIMITED)
    @blp.arguments(PasswordResetRequestSchema)
    @blp.response(202, AcceptedSchema)
    def post(self, fields: Any) -> Any:
        """Mail a password reset link

        Always 202 with the same body, whether or not the email has an account, so the
        answer does not reveal who has one. The link (to PUBLIC_UI_URL) works once, for 30
        minutes.
        """
        password_reset_service().request(fields["email"])
        return {"detail": REQUESTED}


@blp.route("/confirm")
class PasswordResetConfirm(MethodView):
    decorators = [limiter.limit(auth_rate)]

    @blp.doc(operationId="confirmPasswordReset", responses=LIMITED)
    @blp.arguments(PasswordResetSchema)
    @blp.response(204)
    @blp.alt_response(400, response="BAD_REQUEST", description="Forged, used or expired token.")
    def post(self, fields: Any) -> Any:
        """Set a new password with a reset token

        The token comes from the mailed link. The new password takes effect at once, and
        every session of the account ends: log in again.
        """
        password_reset_service().confirm(fields["token"], fields["password"])
