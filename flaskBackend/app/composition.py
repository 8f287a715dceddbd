"""Builds each service with its unit of work for the current request.

Tests build the same services over in-memory fakes instead (tests/unit/fakes.py).
"""

from app.database import current_database
from app.services.health import ReadinessService
from app.services.tasks import TaskService
from app.services.unit_of_work import SqlAlchemyUnitOfWork


def _unit_of_work() -> SqlAlchemyUnitOfWork:
    return SqlAlchemyUnitOfWork(current_database().session_factory)


def task_service() -> TaskService:
    return TaskService(_unit_of_work())


def readiness_service() -> ReadinessService:
    return ReadinessService(_unit_of_work())
