"""The app with the tests' notes resource, for gunicorn in the live tests (tests/live/server.py)."""

from flask import Flask

from app import create_app
from tests.notes import controller


def create_app_with_notes() -> Flask:
    return create_app(extra_blueprints=[controller.blp])
