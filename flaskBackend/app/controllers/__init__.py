"""Controllers: HTTP only. Parse, call one service method, serialise."""

from app.controllers import auth, health, password_reset, tasks, users

BLUEPRINTS = (health.blp, auth.blp, password_reset.blp, users.blp, tasks.blp)
