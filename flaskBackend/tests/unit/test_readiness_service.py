"""ReadinessService over a fake database probe."""

import pytest

from app.services.errors import Unavailable
from app.services.health import ReadinessService
from tests.unit.fakes import FakeUnitOfWork


def test_ready_when_the_database_answers() -> None:
    ReadinessService(FakeUnitOfWork(database_answers=True)).check()


def test_unavailable_when_the_database_does_not_answer() -> None:
    with pytest.raises(Unavailable, match="database"):
        ReadinessService(FakeUnitOfWork(database_answers=False)).check()
