"""The OpenAPI document: valid, complete, and honest about errors."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient
from openapi_spec_validator import validate

METHODS = ("get", "post", "put", "patch", "delete")


@pytest.fixture
def spec(client: FlaskClient) -> dict[str, Any]:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    document: dict[str, Any] = response.get_json()
    return document


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, operation)
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    ]


def test_spec_is_valid_openapi_3(spec: dict[str, Any]) -> None:
    validate(spec)
    assert spec["openapi"].startswith("3.")


def test_every_operation_has_a_unique_id_and_a_summary(spec: dict[str, Any]) -> None:
    ids = [op.get("operationId") for _, _, op in operations(spec)]

    assert all(ids), ids
    assert len(ids) == len(set(ids))
    assert all(op.get("summary") for _, _, op in operations(spec))


def test_every_operation_documents_errors_as_problem_json(spec: dict[str, Any]) -> None:
    responses = spec["components"]["responses"]
    for path, method, operation in operations(spec):
        default = operation["responses"]["default"]["$ref"].split("/")[-1]
        assert "application/problem+json" in responses[default]["content"], (path, method)


def test_task_operations_document_their_specific_errors(spec: dict[str, Any]) -> None:
    item = spec["paths"]["/api/notes/{note_id}"]

    assert {"404", "409", "412", "422"} <= set(item["patch"]["responses"])
    assert {"404", "412"} <= set(item["delete"]["responses"])
    assert "409" in spec["paths"]["/api/notes"]["post"]["responses"]
    assert "422" in spec["paths"]["/api/notes"]["get"]["responses"]


def test_problem_schema_is_published(spec: dict[str, Any]) -> None:
    problem = spec["components"]["schemas"]["Problem"]

    assert {"type", "title", "status", "detail", "errors"} <= set(problem["properties"])


def test_interactive_docs_are_served(client: FlaskClient) -> None:
    response = client.get("/api/docs")

    assert response.status_code == 200
    assert b"swagger-ui" in response.data
