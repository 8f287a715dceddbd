"""Whether the service can do its work right now."""

from app.kernel.services.errors import Unavailable
from app.kernel.services.unit_of_work import UnitOfWork


class ReadinessService:
    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def check(self) -> None:
        with self.uow.reading():
            if not self.uow.database.answers():
                raise Unavailable("The database is not answering.")
