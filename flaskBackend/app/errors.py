"""The one place where domain errors become HTTP responses."""

from __future__ import annotations

from flask import Flask, Response, request
from werkzeug.exceptions import UnsupportedMediaType

from app.problems import INVALID_FIELDS, problem
from app.services.errors import (
    Conflict,
    DomainError,
    Forbidden,
    InvalidInput,
    NotFound,
    PreconditionFailed,
    Rejected,
    Unauthorized,
    Unavailable,
)

STATUS_OF: dict[type[DomainError], int] = {
    Rejected: 400,
    Unauthorized: 401,
    Forbidden: 403,
    NotFound: 404,
    Conflict: 409,
    PreconditionFailed: 412,
    InvalidInput: 422,
    Unavailable: 503,
}

METHODS_WITH_BODY = frozenset({"POST", "PUT", "PATCH"})


def register_errorhandlers(app: Flask) -> None:
    app.register_error_handler(DomainError, _domain_error)
    app.before_request(_refuse_non_json_bodies)


def _domain_error(error: DomainError) -> Response:
    status = next((code for kind, code in STATUS_OF.items() if isinstance(error, kind)), 500)
    if isinstance(error, InvalidInput):
        return problem(status, INVALID_FIELDS, errors={error.field: [str(error)]})
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return problem(status, str(error), headers=headers)


def _refuse_non_json_bodies() -> None:
    # Without this a form or text body would be read as "no body" and reach validation.
    has_body = bool(request.content_length) or "chunked" in request.headers.get(
        "Transfer-Encoding", ""
    )
    if request.method in METHODS_WITH_BODY and has_body and not request.is_json:
        raise UnsupportedMediaType("Send the body as application/json.")
