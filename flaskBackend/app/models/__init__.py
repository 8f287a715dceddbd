"""Typed SQLAlchemy models. Importing this package registers every table on Base.metadata."""

from app.models.base import Base
from app.models.password_reset import PasswordResetToken
from app.models.rate_limit import RateLimitCounter
from app.models.task import Task, TaskStatus
from app.models.user import RefreshToken, User, UserRole

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
