"""Prometheus metrics at /metrics: requests by endpoint and status, their latency, pool use.

Under gunicorn, PROMETHEUS_MULTIPROC_DIR (gunicorn.conf.py) makes prometheus_client write each
worker's samples to files that /metrics sums, so any worker answers for all of them. /metrics is
outside /api: the UI's nginx forwards only /api, so it is reachable only on the API's own port.
"""

from __future__ import annotations

import os
import time
from typing import Any

from flask import Flask, Response, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from sqlalchemy import Engine, event

METRICS_PATH = "/metrics"
# Labels come from fixed sets, so invented methods or paths cannot grow the series without end.
KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
OTHER = "other"

REQUESTS = Counter(
    "http_requests_total", "HTTP requests answered.", ["method", "endpoint", "status"]
)
LATENCY = Histogram(
    "http_request_duration_seconds",
    "Time to answer an HTTP request.",
    ["method", "endpoint", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
# livesum: the sum over live workers; a dead worker's count is dropped (gunicorn's child_exit).
POOL_IN_USE = Gauge(
    "db_pool_connections_in_use",
    "Database connections checked out of the pool right now.",
    multiprocess_mode="livesum",
)


def register_metrics(app: Flask, engine: Engine) -> None:
    app.before_request(_start_timer)
    app.after_request(_count)
    app.add_url_rule(METRICS_PATH, "metrics", _metrics, methods=["GET"])
    event.listen(engine, "checkout", _checked_out)
    event.listen(engine, "checkin", _checked_in)


def _start_timer() -> None:
    g.metrics_started = time.perf_counter()


def _count(response: Response) -> Response:
    if request.path == METRICS_PATH:
        return response
    # The route's pattern, not the path: /api/tasks/7 and /api/tasks/8 are one series.
    endpoint = request.url_rule.rule if request.url_rule else "unmatched"
    method = request.method if request.method in KNOWN_METHODS else OTHER
    labels = (method, endpoint, str(response.status_code))
    REQUESTS.labels(*labels).inc()
    started = g.get("metrics_started")
    if started is not None:
        LATENCY.labels(*labels).observe(time.perf_counter() - started)
    return response


def _metrics() -> Response:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    else:
        registry = REGISTRY
    return Response(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)


def _checked_out(*_: Any) -> None:
    POOL_IN_USE.inc()


def _checked_in(*_: Any) -> None:
    POOL_IN_USE.dec()
