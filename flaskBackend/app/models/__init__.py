"""Typed SQLAlchemy models. Importing this package registers every table on Base.metadata:
every module here is imported, so a new model needs no line in this file to reach migrations."""

import importlib
import pkgutil

from app.models.base import Base
from app.models.password_reset import PasswordResetToken
from app.models.rate_limit import RateLimitCounter
from app.models.task import Task, TaskStatus
from app.models.user import RefreshToken, User, UserRole

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")

__all__ = [
    "Base",
    "PasswordResetToken",
    "RateLimitCounter",
    "RefreshToken",
    "Task",
    "TaskStatus",
    "User",
    "UserRole",
]
