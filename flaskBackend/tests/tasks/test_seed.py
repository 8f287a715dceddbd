"""`flask seed` adds the sample tasks (app/tasks/seed.py) once."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from app.cli import DEMO_EMAIL, DEMO_PASSWORD
from app.tasks.seed import samples


def test_seed_adds_the_sample_tasks_once(app: Flask, anonymous: FlaskClient) -> None:
    runner = app.test_cli_runner()

    first = runner.invoke(args=["seed"])
    second = runner.invoke(args=["seed"])

    assert f"Seeded {len(samples())} new row(s) of tasks." in first.output
    assert "Seeded 0 new row(s) of tasks." in second.output
    login = {"email": DEMO_EMAIL, "password": DEMO_PASSWORD}
    token = anonymous.post("/api/auth/login", json=login).get_json()["access_token"]
    listed = anonymous.get("/api/tasks", headers={"Authorization": f"Bearer {token}"})
    assert listed.get_json()["total"] == len(samples())
