"""Controllers: HTTP only. Parse, call one service method, serialise."""

from app.controllers import health, tasks

BLUEPRINTS = (health.blp, tasks.blp)
