"""Log lines to stdout, each tagged with the id of the request that wrote it."""

from __future__ import annotations

import logging
import re
import uuid
from logging.config import dictConfig

from flask import Flask, Response, g, has_request_context, request

from app.settings import Settings

REQUEST_ID_HEADER = "X-Request-ID"
# A caller-supplied id is kept only if it is short and harmless in a log line.
SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = g.get("request_id", "-") if has_request_context() else "-"
        return True


def configure_logging(app: Flask, settings: Settings) -> None:
    dictConfig(
        {
            "version": 1,
            "disable_existing_loggers": False,
            "filters": {"request_id": {"()": RequestIdFilter}},
            "formatters": {
                "line": {
                    "format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"
                }
            },
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
    )
    app.before_request(_assign_request_id)
    app.after_request(_echo_request_id)


def _assign_request_id() -> None:
    offered = request.headers.get(REQUEST_ID_HEADER, "")
    g.request_id = offered if SAFE_REQUEST_ID.fullmatch(offered) else uuid.uuid4().hex


def _echo_request_id(response: Response) -> Response:
    response.headers[REQUEST_ID_HEADER] = g.get("request_id", "-")
    return response
