"""ReadinessService over a stand-in probe: whether the database answers is all it asks."""

from typing import Any

import pytest

from app.kernel.services.errors import Unavailable
from app.kernel.services.health import ReadinessService
from app.kernel.services.unit_of_work import UnitOfWork


class ProbeOnly(UnitOfWork):
    """A unit of work whose only part is a database probe that answers as told."""

    def __init__(self, *, answers: bool) -> None:
        self.database = self  # type: ignore[assignment]
        self._answers = answers

    def answers(self) -> bool:
        return self._answers

    def __exit__(self, *exc_info: Any) -> None:
        pass


def test_ready_when_the_database_answers() -> None:
    ReadinessService(ProbeOnly(answers=True)).check()  # fails by raising Unavailable


def test_unavailable_when_the_database_does_not_answer() -> None:
    with pytest.raises(Unavailable, match="database"):
        ReadinessService(ProbeOnly(answers=False)).check()
