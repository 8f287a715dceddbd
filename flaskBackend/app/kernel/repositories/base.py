"""The generic part every SQLAlchemy repository shares. Repositories never commit."""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy.orm import Session

from app.kernel.models.base import Base
from app.kernel.repositories.statements import by_id

ModelT = TypeVar("ModelT", bound=Base)


class SqlRepository(Generic[ModelT]):
    model: ClassVar[type[Any]]

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, entity_id: int, *, for_update: bool = False) -> ModelT | None:
        """for_update locks the row until commit, so a write based on it cannot be lost."""
        entity: ModelT | None = self.session.scalar(
            by_id(self.model, for_update), {"id": entity_id}
        )
        return entity

    def add(self, entity: ModelT) -> None:
        self.session.add(entity)

    def delete(self, entity: ModelT) -> None:
        self.session.delete(entity)
