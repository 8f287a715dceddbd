"""Fixtures of the tasks tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy.orm import Session

from app.tasks.model import Task


@pytest.fixture
def stored(session: Session) -> Callable[[int], Task | None]:
    """The task as the database holds it now (what the service committed, or not)."""
    return lambda task_id: session.get(Task, task_id, populate_existing=True)
