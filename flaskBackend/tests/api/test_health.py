"""Liveness and readiness probes."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine

from app import create_app
from app.kernel.database import Database
from app.kernel.settings import Settings


def test_liveness_is_200(client: FlaskClient) -> None:
    response = client.get("/api/health")

    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_readiness_is_200_when_the_database_answers(client: FlaskClient) -> None:
    assert client.get("/api/health/ready").get_json() == {"status": "ok", "rate_limits": "shared"}


def test_readiness_is_503_problem_when_the_database_is_down(settings: Settings) -> None:
    dead = create_engine(
        "postgresql+psycopg://nobody@127.0.0.1:1/none", connect_args={"connect_timeout": 1}
    )
    app: Flask = create_app(settings, database=Database.over(dead))

    response = app.test_client().get("/api/health/ready")

    assert response.status_code == 503
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["detail"] == "The database is not answering."
