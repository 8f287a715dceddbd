"""Domain errors: what went wrong in business terms. app/errors.py maps them to HTTP."""


class DomainError(Exception):
    """Base of every error a service raises on purpose."""


class NotFound(DomainError):
    """The thing asked for does not exist (or is not visible to the caller)."""


class Conflict(DomainError):
    """The change would break a uniqueness rule; `constraint` names the database's, if known,
    and `fields` the fields it holds unique (the answer's `errors` names them)."""

    def __init__(
        self, message: str, *, constraint: str | None = None, fields: tuple[str, ...] = ()
    ) -> None:
        super().__init__(message)
        self.constraint = constraint
        self.fields = fields


class PreconditionFailed(DomainError):
    """The caller's copy is stale: someone else changed the thing first."""


class Unavailable(DomainError):
    """A dependency the service needs is not answering; `reason` is for the log, not the caller."""

    def __init__(self, message: str, *, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason or message


class Unauthorized(DomainError):
    """No valid credentials: missing, wrong, expired or revoked."""


class Forbidden(DomainError):
    """Valid credentials, but not allowed to do this."""


class Rejected(DomainError):
    """Well-formed, but it names something unusable: a forged, used or expired link."""


class InvalidInput(DomainError):
    """A business rule refused a value; names the field, like a validation error."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
