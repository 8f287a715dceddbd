"""A number longer than Python converts (4,300 digits) is a 400 on every endpoint with a body."""

from __future__ import annotations

import re
from collections.abc import Callable

from flask.testing import FlaskClient

from app.accounts.models.user import User
from app.kernel.models.role import UserRole
from tests.factories import UserFactory

PROBLEM = "application/problem+json"
HUGE = "1" * 4301  # one digit over sys.get_int_max_str_digits()'s default


def test_a_number_of_4301_digits_is_400_on_every_endpoint_that_reads_a_body(
    client_for: Callable[[User], FlaskClient],
) -> None:
    # From the OpenAPI document, so every resource (generated ones too) is covered.
    client = client_for(UserFactory(role=UserRole.ADMIN))
    paths = client.get("/api/openapi.json").get_json()["paths"]
    answers = {}
    for path, operations in paths.items():
        url = re.sub(r"\{[^}]+\}", "1", path)
        for method, operation in operations.items():
            if "requestBody" not in operation:
                continue
            response = client.open(
                url, method=method.upper(), data=f'{{"x": {HUGE}}}', content_type="application/json"
            )
            answers[f"{method.upper()} {path}"] = (
                response.status_code,
                response.mimetype,
                (response.get_json() or {}).get("detail"),
            )

    expected = (400, PROBLEM, "A number in the JSON body has too many digits.")
    assert len(answers) >= 8  # tasks, auth, password reset, users
    assert {route: answer for route, answer in answers.items() if answer != expected} == {}


def test_a_number_of_4301_digits_in_a_query_parameter_is_422(client: FlaskClient) -> None:
    response = client.get(f"/api/notes?page={HUGE}")

    assert response.status_code == 422
    assert response.get_json()["errors"] == {"page": ["Not a valid integer."]}
