"""OpenTelemetry traces of every request and every SQL statement, off unless configured.

Turned on by the standard variables: OTEL_EXPORTER_OTLP_ENDPOINT (or ..._TRACES_ENDPOINT), and
optionally OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES, OTEL_EXPORTER_OTLP_HEADERS; the SDK reads
them itself. OTEL_SDK_DISABLED=true turns it off again. Each gunicorn worker exports its own spans.
"""

from __future__ import annotations

import os

from flask import Flask
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.instrumentation.flask import FlaskInstrumentor
from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from sqlalchemy import Engine

DEFAULT_SERVICE_NAME = "flask-template"
# Probes and scrapes every few seconds would drown the traces worth reading.
UNTRACED_URLS = "/metrics,/api/health"


def tracing_configured() -> bool:
    if os.environ.get("OTEL_SDK_DISABLED", "").strip().lower() == "true":
        return False
    return any(
        os.environ.get(name)
        for name in ("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
    )


def exporting_tracer_provider() -> TracerProvider:
    """Spans batched to the OTLP/HTTP endpoint the OTEL_* variables name."""
    attributes = (
        {} if os.environ.get("OTEL_SERVICE_NAME") else {"service.name": DEFAULT_SERVICE_NAME}
    )
    provider = TracerProvider(resource=Resource.create(attributes))
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    return provider


def register_tracing(app: Flask, engine: Engine, provider: TracerProvider) -> None:
    instrument_app = FlaskInstrumentor().instrument_app
    instrument_app(app, tracer_provider=provider, excluded_urls=UNTRACED_URLS)  # type: ignore[no-untyped-call]
    # It declares SQLAlchemy < 2.1 and would quietly do nothing on 2.1; the engine events it
    # hooks are unchanged, and tests/api/test_tracing.py proves the SQL spans arrive.
    SQLAlchemyInstrumentor().instrument(
        engine=engine, tracer_provider=provider, skip_dep_check=True
    )
