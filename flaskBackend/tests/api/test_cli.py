"""`flask seed` adds the sample tasks once."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from app.cli import SAMPLE_TASKS


def test_seed_adds_the_samples_once(app: Flask, client: FlaskClient) -> None:
    runner = app.test_cli_runner()

    first = runner.invoke(args=["seed"])
    second = runner.invoke(args=["seed"])

    assert first.exit_code == second.exit_code == 0
    assert f"Seeded {len(SAMPLE_TASKS)} task(s)" in first.output
    assert "Seeded 0 task(s)" in second.output
    assert client.get("/api/tasks").get_json()["total"] == len(SAMPLE_TASKS)
