"""Builds each service with its unit of work for the current request.

Tests build the same services over the test's transaction instead (tests/conftest.py: uow).
"""

from collections.abc import Callable
from typing import TypeVar

from flask import current_app, g

from app.kernel.database import current_database
from app.kernel.services.health import ReadinessService
from app.kernel.services.unit_of_work import SqlAlchemyUnitOfWork, UnitOfWork
from app.kernel.settings import Settings

ServiceT = TypeVar("ServiceT")


def unit_of_work() -> SqlAlchemyUnitOfWork:
    """The request's one unit of work, shared by every service built during it: the caller's
    lookup and the service's reads use one session and one pooled connection."""
    uow: SqlAlchemyUnitOfWork | None = g.get("unit_of_work")
    if uow is None:
        database = current_database()
        uow = SqlAlchemyUnitOfWork(database.session_factory, database.read_session_factory)
        g.unit_of_work = uow
    return uow


def end_unit_of_work(_: BaseException | None = None) -> None:
    """Registered by create_app() to run when a request (or a CLI command) ends."""
    uow: SqlAlchemyUnitOfWork | None = g.pop("unit_of_work", None)
    if uow is not None:
        uow.close()


def current_settings() -> Settings:
    """The settings create_app() was built with."""
    settings: Settings = current_app.extensions["settings"]
    return settings


def service(kind: Callable[[UnitOfWork], ServiceT]) -> ServiceT:
    """Any service that needs only a unit of work, e.g. each resource's: none to list here."""
    return kind(unit_of_work())


def readiness_service() -> ReadinessService:
    return ReadinessService(unit_of_work())
