"""Every query about users and their refresh tokens."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Protocol

from sqlalchemy import func, select, update

from app.models import RefreshToken, User
from app.repositories.base import SqlRepository


class UserRepository(Protocol):
    def get(self, entity_id: int) -> User | None: ...
    def add(self, entity: User) -> None: ...
    def by_email(self, email: str) -> User | None: ...
    def count(self) -> int: ...
    def page(self, *, limit: int, offset: int) -> Sequence[User]: ...


class RefreshTokenRepository(Protocol):
    def add(self, entity: RefreshToken) -> None: ...
    def by_hash(self, token_hash: str) -> RefreshToken | None: ...
    def revoke_family(self, family: uuid.UUID, at: dt.datetime) -> None: ...
    def revoke_all_of(self, user_id: int, at: dt.datetime, *, except_family: uuid.UUID) -> None: ...


class SqlUserRepository(SqlRepository[User]):
    model = User

    def by_email(self, email: str) -> User | None:
        return self.session.scalar(select(User).where(User.email == email))

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(User)) or 0

    def page(self, *, limit: int, offset: int) -> Sequence[User]:
        return self.session.scalars(
            select(User).order_by(User.id).limit(limit).offset(offset)
        ).all()


class SqlRefreshTokenRepository(SqlRepository[RefreshToken]):
    model = RefreshToken

    def by_hash(self, token_hash: str) -> RefreshToken | None:
        # Locked, so two refreshes racing with the same token cannot both rotate it.
        query = select(RefreshToken).where(RefreshToken.token_hash == token_hash)
        return self.session.scalar(query.with_for_update())

    def revoke_family(self, family: uuid.UUID, at: dt.datetime) -> None:
        self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.family == family, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=at)
        )

    def revoke_all_of(self, user_id: int, at: dt.datetime, *, except_family: uuid.UUID) -> None:
        self.session.execute(
            update(RefreshToken)
            .where(
                RefreshToken.user_id == user_id,
                RefreshToken.family != except_family,
                RefreshToken.revoked_at.is_(None),
            )
            .values(revoked_at=at)
        )
