"""flask-smorest's Api and Blueprint, subclassed once so every response speaks problem+json."""

from __future__ import annotations

import http
import json
from typing import Any

import flask_smorest
import marshmallow as ma
from flask import Request
from flask_smorest import abort
from flask_smorest.utils import prepare_response
from webargs.flaskparser import FlaskParser
from werkzeug.exceptions import HTTPException

from app.kernel.json_provider import TOO_DEEP, TOO_MANY_DIGITS
from app.kernel.problems import INVALID_FIELDS, PROBLEM_JSON, problem
from app.kernel.schemas.fields import DecimalString
from app.kernel.schemas.problem import ProblemSchema


class Api(flask_smorest.Api):
    ERROR_SCHEMA = ProblemSchema

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A decimal travels as a string ("12.50"): documented so from the start, a range on it
        # becomes x-minimum/x-maximum, not a number's minimum holding a string.
        self.register_field(DecimalString, "string", "decimal")

    def _register_responses(self) -> None:
        # flask-smorest documents errors as application/json; ours are problem+json.
        for status in http.HTTPStatus:
            response: dict[str, Any] = {"description": status.phrase}
            if status >= 400:
                response["schema"] = self.ERROR_SCHEMA
            prepare_response(response, self.spec, PROBLEM_JSON)
            self.spec.components.response(status.name, response, lazy=True)
        default = {"description": "Any other error.", "schema": self.ERROR_SCHEMA}
        prepare_response(default, self.spec, PROBLEM_JSON)
        self.spec.components.response(self.DEFAULT_ERROR_RESPONSE_NAME, default, lazy=True)

    def handle_http_exception(self, error: HTTPException) -> Any:
        """Every HTTP error Flask, Werkzeug, webargs or a view raises, as problem+json."""
        data = getattr(error, "data", None) or {}
        status = error.code or 500
        errors = _field_errors(data.get("messages"))
        headers = dict(data.get("headers") or {})
        # Keep what Werkzeug knows the client needs, such as Allow on a 405.
        headers.update((k, v) for k, v in error.get_headers() if k in ("Allow", "Retry-After"))
        detail = _flat_messages(data.get("messages")) or error.description
        if errors:
            detail = INVALID_FIELDS
        if status >= 500:
            # Never a stack trace or SQL: the log has those, under the request id.
            detail = "An unexpected error happened; it has been logged."
        return problem(status, detail, errors=errors, headers=headers)


def _field_errors(messages: Any) -> dict[str, Any]:
    """webargs nests messages by location ({"json": {"title": [...]}}); clients want fields."""
    errors: dict[str, Any] = {}
    if isinstance(messages, dict):
        for by_field in messages.values():
            if isinstance(by_field, dict):
                errors.update(by_field)
    return errors


def _flat_messages(messages: Any) -> str | None:
    if isinstance(messages, dict):
        texts = [m for v in messages.values() if isinstance(v, list) for m in v]
        return " ".join(str(t) for t in texts) or None
    return None


class JsonBodyParser(FlaskParser):
    """webargs reads a missing JSON body as {}; an endpoint that declares a body needs one."""

    def _raw_load_json(self, req: Request) -> Any:
        try:
            return super()._raw_load_json(req)
        except RecursionError:
            abort(400, messages={"json": [TOO_DEEP]})
        except ValueError as error:
            # webargs answers malformed JSON (JSONDecodeError) itself; the other ValueError the
            # parser raises is Python's cap on integer digits (sys.get_int_max_str_digits()).
            if isinstance(error, json.JSONDecodeError):
                raise
            abort(400, messages={"json": [TOO_MANY_DIGITS]})

    def load_json(self, req: Request, schema: ma.Schema) -> Any:
        data = super().load_json(req, schema)
        if data is ma.missing:
            abort(400, messages={"json": ["Send a JSON object as the request body."]})
        return data


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = JsonBodyParser()
