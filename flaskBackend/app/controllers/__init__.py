"""Controllers: HTTP only. Parse, call one service method, serialise."""

from app.controllers import auth, health, tasks, users

BLUEPRINTS = (health.blp, auth.blp, users.blp, tasks.blp)
