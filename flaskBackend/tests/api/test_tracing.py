"""OpenTelemetry: a request and its SQL become spans when tracing is on, and nothing when off."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from opentelemetry.instrumentation.flask import FlaskInstrumentor
from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from sqlalchemy import Engine

from app import create_app
from app.kernel.database import Database
from app.kernel.settings import Settings
from app.kernel.tracing import tracing_configured
from tests.notes import controller as notes


@pytest.fixture
def exporter() -> InMemorySpanExporter:
    return InMemorySpanExporter()


@pytest.fixture
def traced_app(
    settings: Settings, engine: Engine, exporter: InMemorySpanExporter
) -> Iterator[Flask]:
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    app = create_app(
        settings,
        database=Database.over(engine),
        tracer_provider=provider,
        extra_blueprints=[notes.blp],
    )
    yield app
    FlaskInstrumentor().uninstrument_app(app)  # type: ignore[no-untyped-call]
    SQLAlchemyInstrumentor().uninstrument()


def test_a_request_and_its_sql_are_traced(
    traced_app: Flask, exporter: InMemorySpanExporter
) -> None:
    response = traced_app.test_client().get("/api/notes/1")  # no token: 401, no SQL

    ready = traced_app.test_client().get("/api/health/ready")

    spans = {span.name: span for span in exporter.get_finished_spans()}
    assert response.status_code == 401
    assert ready.status_code == 200
    request_span = spans["GET /api/notes/<int(max=2147483647):note_id>"]
    assert request_span.attributes is not None
    assert request_span.attributes["http.status_code"] == 401
    # Probes are not traced, but the SQL they run still is, as a root span of its own.
    assert "GET /api/health/ready" not in spans
    assert any(name.startswith("SELECT") for name in spans)


@pytest.mark.parametrize(
    ("variables", "on"),
    [
        ({}, False),
        ({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4318"}, True),
        ({"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://127.0.0.1:4318/v1/traces"}, True),
        (
            {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4318", "OTEL_SDK_DISABLED": "true"},
            False,
        ),
    ],
)
def test_tracing_is_off_unless_the_otel_variables_turn_it_on(
    monkeypatch: pytest.MonkeyPatch, variables: dict[str, str], on: bool
) -> None:
    for name in (
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
        "OTEL_SDK_DISABLED",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)

    assert tracing_configured() is on
