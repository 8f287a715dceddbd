"""The one place where domain errors become HTTP responses."""

from __future__ import annotations

import logging

from flask import Flask, Response, request
from limits.errors import StorageError
from werkzeug.exceptions import RequestEntityTooLarge, UnsupportedMediaType

from app.kernel.problems import INVALID_FIELDS, problem
from app.kernel.services.errors import (
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
from app.kernel.services.unit_of_work import first_line

log = logging.getLogger(__name__)

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
# How long a client should wait before trying again while a dependency is down.
RETRY_AFTER_SECONDS = "5"


def register_errorhandlers(app: Flask) -> None:
    app.register_error_handler(Unavailable, _unavailable)
    app.register_error_handler(StorageError, _rate_limit_storage_unavailable)
    app.register_error_handler(DomainError, _domain_error)
    app.before_request(_refuse_non_json_bodies)
    app.before_request(_refuse_chunked_bodies_over_the_limit)


def _domain_error(error: DomainError) -> Response:
    status = next((code for kind, code in STATUS_OF.items() if isinstance(error, kind)), 500)
    if isinstance(error, InvalidInput):
        return problem(status, INVALID_FIELDS, errors={error.field: [str(error)]})
    if isinstance(error, Conflict) and error.fields:
        return problem(status, str(error), errors={name: [str(error)] for name in error.fields})
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return problem(status, str(error), headers=headers)


def _unavailable(error: Unavailable) -> Response:
    # An outage is expected weather, not a bug: one line per request, no traceback.
    log.warning("503 %s %s: %s", request.method, request.path, error.reason)
    return problem(503, str(error), headers={"Retry-After": RETRY_AFTER_SECONDS})


def _rate_limit_storage_unavailable(error: StorageError) -> Response:
    message = "The rate-limit store is not answering; try again shortly."
    return _unavailable(Unavailable(message, reason=first_line(error.storage_error)))


def _refuse_non_json_bodies() -> None:
    # Without this a form or text body would be read as "no body" and reach validation.
    has_body = bool(request.content_length) or "chunked" in request.headers.get(
        "Transfer-Encoding", ""
    )
    if request.method in METHODS_WITH_BODY and has_body and not request.is_json:
        raise UnsupportedMediaType("Send the body as application/json.")


def _refuse_chunked_bodies_over_the_limit() -> None:
    """A chunked body has no Content-Length to refuse up front, and Werkzeug's reader stops
    quietly at MAX_CONTENT_LENGTH: the cut JSON would be a 400. A body that fills it is over."""
    if "chunked" not in request.headers.get("Transfer-Encoding", ""):
        return
    limit = request.max_content_length
    if limit is not None and len(request.get_data(cache=True)) >= limit:
        raise RequestEntityTooLarge()
