"""Typed SQLAlchemy models. Importing this package registers every table on Base.metadata."""

from app.models.base import Base
from app.models.task import Task, TaskStatus

__all__ = ["Base", "Task", "TaskStatus"]
