"""The generic part every SQLAlchemy repository shares. Repositories never commit."""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy.orm import Session

from app.models import Base

ModelT = TypeVar("ModelT", bound=Base)


class SqlRepository(Generic[ModelT]):
    model: ClassVar[type[Any]]

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, entity_id: int, *, for_update: bool = False) -> ModelT | None:
        """for_update locks the row until commit, so a write based on it cannot be lost."""
        entity: ModelT | None = self.session.get(
            self.model, entity_id, with_for_update=for_update or None
        )
        return entity

    def add(self, entity: ModelT) -> None:
        self.session.add(entity)

    def delete(self, entity: ModelT) -> None:
        self.session.delete(entity)
