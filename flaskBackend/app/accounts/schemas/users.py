"""The JSON shapes of users, registration, login and tokens."""

from marshmallow import fields, validate

from app.accounts.models.user import EMAIL_MAX_LENGTH, NAME_MAX_LENGTH
from app.kernel.models.role import UserRole
from app.kernel.schemas.base import BaseSchema
from app.kernel.schemas.fields import StrictBoolean, Text
from app.kernel.schemas.pagination import PageSchema

PASSWORD_LENGTH = validate.Length(10, 128)
# A name is one line of visible text: no control characters (newlines, tabs, escapes), no
# line or paragraph separators, no bidirectional overrides that reorder what a reader sees.
ONE_LINE = validate.Regexp(
    r"\A[^\x00-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069]*\Z",
    error="Must be one line without control characters.",
)


def _password(*, required: bool = False) -> Text:
    return Text(
        required=required, validate=PASSWORD_LENGTH, load_only=True, metadata={"format": "password"}
    )


def _name(*, required: bool) -> Text:
    return Text(
        required=required, strip=True, validate=[validate.Length(1, NAME_MAX_LENGTH), ONE_LINE]
    )


class UserSchema(BaseSchema):
    id = fields.Integer(required=True)
    email = fields.String(required=True)
    name = fields.String(required=True)
    role = fields.Enum(UserRole, by_value=True, required=True)
    is_active = fields.Boolean(required=True)
    created_at = fields.DateTime(required=True)


def _email() -> Text:
    return Text(
        required=True,
        strip=True,
        validate=[validate.Email(), validate.Length(max=EMAIL_MAX_LENGTH)],
        metadata={"format": "email"},
    )


class RegistrationSchema(BaseSchema):
    email = _email()
    password = _password(required=True)
    name = _name(required=True)


class NewAccountSchema(BaseSchema):
    """An account an administrator opens. Without `password`, the user is mailed a link to
    choose one."""

    email = _email()
    name = _name(required=True)
    role = fields.Enum(UserRole, by_value=True, load_default=UserRole.USER)
    password = _password()


class PasswordResetRequestSchema(BaseSchema):
    # Any string up to the column size: an invalid address simply matches no account.
    email = Text(required=True, validate=validate.Length(1, EMAIL_MAX_LENGTH))


class PasswordResetSchema(BaseSchema):
    token = Text(required=True, load_only=True, validate=validate.Length(1, 200))
    password = _password(required=True)


class AccountDeletionSchema(BaseSchema):
    password = Text(
        required=True,
        load_only=True,
        validate=validate.Length(1, 1024),
        metadata={"description": "Your current password."},
    )


class AcceptedSchema(BaseSchema):
    detail = fields.String(required=True)


class CredentialsSchema(BaseSchema):
    email = Text(required=True, validate=validate.Length(1, EMAIL_MAX_LENGTH))
    # Any length is accepted here, so the policy of the day does not lock out old passwords.
    password = Text(required=True, load_only=True, validate=validate.Length(1, 1024))


class AccessTokenSchema(BaseSchema):
    access_token = fields.String(required=True)
    token_type = fields.String(required=True, metadata={"example": "Bearer"})
    expires_in = fields.Integer(required=True, metadata={"description": "Seconds until expiry."})


class ProfileChangesSchema(BaseSchema):
    """Change your name, or your password (which needs the current one)."""

    name = _name(required=False)
    password = _password()
    current_password = Text(load_only=True, validate=validate.Length(max=1024))


class AccountChangesSchema(BaseSchema):
    role = fields.Enum(UserRole, by_value=True)
    is_active = StrictBoolean()


class UserPageSchema(PageSchema):
    items = fields.List(fields.Nested(UserSchema), required=True)
