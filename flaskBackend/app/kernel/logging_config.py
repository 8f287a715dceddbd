"""Log lines to stdout, each tagged with the id of the request that wrote it.

Outside development every line is one JSON object (python-json-logger), an exception included,
so a log shipper never splits a traceback; make dev keeps readable text lines.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from logging.config import dictConfig
from typing import Any

from flask import Flask, Response, g, has_request_context, request

from app.kernel.settings import AppEnv, Settings

REQUEST_ID_HEADER = "X-Request-ID"
# A caller-supplied id is kept only if it is short and harmless in a log line.
SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
TEXT_FORMAT = "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"
JSON_FIELDS = "%(levelname)s %(name)s %(message)s %(request_id)s"
JSON_RENAMES = {"levelname": "level", "name": "logger"}

requests_log = logging.getLogger("app.requests")


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = g.get("request_id", "-") if has_request_context() else "-"
        return True


def formatter_config(settings: Settings) -> dict[str, Any]:
    if settings.app_env is AppEnv.DEVELOPMENT:
        return {"format": TEXT_FORMAT}
    return {
        "()": "pythonjsonlogger.json.JsonFormatter",
        "fmt": JSON_FIELDS,
        "rename_fields": JSON_RENAMES,
        # ISO 8601 in UTC, under "time".
        "timestamp": "time",
    }


def logconfig(settings: Settings) -> dict[str, Any]:
    """Every line to stdout, in the settings' format, tagged with the request id."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {"line": formatter_config(settings)},
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": "line",
                "filters": ["request_id"],
            }
        },
        "root": {"level": settings.log_level, "handlers": ["stdout"]},
    }


def configure_logging(app: Flask, settings: Settings) -> None:
    dictConfig(logconfig(settings))
    app.before_request(_start_request)
    app.after_request(_finish_request)


def gunicorn_logconfig(settings: Settings) -> dict[str, Any]:
    """gunicorn's own lines (start, worker boot and exit) in the same format as the app's."""
    return {
        **logconfig(settings),
        "loggers": {
            "gunicorn.error": {
                "level": settings.log_level,
                "handlers": ["stdout"],
                "propagate": False,
            },
        },
    }


def _start_request() -> None:
    g.started = time.perf_counter()
    offered = request.headers.get(REQUEST_ID_HEADER, "")
    g.request_id = offered if SAFE_REQUEST_ID.fullmatch(offered) else uuid.uuid4().hex


def _finish_request(response: Response) -> Response:
    response.headers[REQUEST_ID_HEADER] = g.get("request_id", "-")
    if not requests_log.isEnabledFor(logging.INFO):
        return response  # LOG_LEVEL=WARNING: not even the record's fields are worth building
    started = g.get("started")
    principal = g.get("principal")
    requests_log.info(
        "%s %s %s",
        request.method,
        request.path,
        response.status_code,
        extra={
            "method": request.method,
            "path": request.path,
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1) if started else None,
            "user_id": principal.user_id if principal else None,
        },
    )
    return response
