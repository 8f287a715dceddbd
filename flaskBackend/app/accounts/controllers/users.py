"""HTTP endpoints for your own profile and, for administrators, everyone's account."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView

from app.accounts.composition import user_service
from app.accounts.controllers.limits import auth_rate
from app.accounts.schemas.users import (
    AccountChangesSchema,
    AccountDeletionSchema,
    NewAccountSchema,
    ProfileChangesSchema,
    UserPageSchema,
    UserSchema,
)
from app.kernel.api import Blueprint
from app.kernel.controllers.access import caller, login_required
from app.kernel.rate_limits import limiter
from app.kernel.schemas.pagination import PageArgsSchema

blp = Blueprint("users", __name__, url_prefix="/api/users", description="Profiles and accounts.")

ADMIN_ONLY = "Only administrators may do this."


@blp.route("/me")
class Me(MethodView):
    @login_required
    @blp.doc(operationId="getMe")
    @blp.response(200, UserSchema)
    def get(self) -> Any:
        """Your profile"""
        return user_service().me(caller())

    @login_required
    @blp.doc(operationId="updateMe")
    @blp.arguments(ProfileChangesSchema)
    @blp.response(200, UserSchema)
    def patch(self, changes: Any) -> Any:
        """Change your name or password

        A new password needs `current_password`, and ends your other sessions.
        """
        return user_service().update_profile(caller(), changes)

    @login_required
    @limiter.limit(auth_rate)
    @blp.doc(operationId="deleteMe", responses={"429": "TOO_MANY_REQUESTS"})
    @blp.arguments(AccountDeletionSchema)
    @blp.response(204)
    def delete(self, fields: Any) -> Any:
        """Delete your account

        Needs your current password. Your tasks and every session go with the account, at
        once and for good. The only active administrator cannot delete themselves.
        """
        user_service().delete_me(caller(), fields["password"])


@blp.route("")
class Users(MethodView):
    @login_required
    @blp.doc(operationId="listUsers")
    @blp.arguments(PageArgsSchema, location="query", as_kwargs=True)
    @blp.response(200, UserPageSchema)
    @blp.alt_response(403, response="FORBIDDEN", description=ADMIN_ONLY)
    def get(self, **args: Any) -> Any:
        """List users (administrators)"""
        return user_service().list(caller(), **args)

    @login_required
    @blp.doc(operationId="createUser")
    @blp.arguments(NewAccountSchema)
    @blp.response(201, UserSchema)
    @blp.alt_response(403, response="FORBIDDEN", description=ADMIN_ONLY)
    @blp.alt_response(409, response="CONFLICT", description="The email is taken.")
    def post(self, account: Any) -> Any:
        """Create a user (administrators)

        With `password`, the account can log in at once. Without it, a background job mails
        the user a link to choose one (valid 30 minutes), trying again while the mail server
        refuses.
        """
        return user_service().create(caller(), account)


@blp.route("/<int(max=2147483647):user_id>")
class UserById(MethodView):
    @login_required
    @blp.doc(operationId="updateUser")
    @blp.arguments(AccountChangesSchema)
    @blp.response(200, UserSchema)
    @blp.alt_response(403, response="FORBIDDEN", description=ADMIN_ONLY)
    @blp.alt_response(404, response="NOT_FOUND", description="No such user.")
    def patch(self, changes: Any, user_id: int) -> Any:
        """Change a user's role or active flag (administrators)"""
        return user_service().update_account(caller(), user_id, changes)
