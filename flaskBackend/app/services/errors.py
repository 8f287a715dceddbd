"""Domain errors: what went wrong in business terms. app/errors.py maps them to HTTP."""


class DomainError(Exception):
    """Base of every error a service raises on purpose."""


class NotFound(DomainError):
    """The thing asked for does not exist (or is not visible to the caller)."""


class Conflict(DomainError):
    """The change would break a uniqueness rule."""


class PreconditionFailed(DomainError):
    """The caller's copy is stale: someone else changed the thing first."""


class Unavailable(DomainError):
    """A dependency the service needs is not answering."""
