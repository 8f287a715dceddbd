"""Every query about password reset links."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from sqlalchemy import delete, select, update

from app.accounts.models.password_reset import PasswordResetToken
from app.kernel.repositories.base import SqlRepository


class PasswordResetRepository(Protocol):
    def add(self, entity: PasswordResetToken) -> None: ...
    def by_hash(self, token_hash: str) -> PasswordResetToken | None: ...
    def spend_all_of(self, user_id: int, at: dt.datetime) -> None: ...
    def delete_expired(self, now: dt.datetime) -> int: ...


class SqlPasswordResetRepository(SqlRepository[PasswordResetToken]):
    model = PasswordResetToken

    def by_hash(self, token_hash: str) -> PasswordResetToken | None:
        # Locked, so two requests racing with the same link cannot both use it.
        query = select(PasswordResetToken).where(PasswordResetToken.token_hash == token_hash)
        return self.session.scalar(query.with_for_update())

    def spend_all_of(self, user_id: int, at: dt.datetime) -> None:
        self.session.execute(
            update(PasswordResetToken)
            .where(PasswordResetToken.user_id == user_id, PasswordResetToken.used_at.is_(None))
            .values(used_at=at)
        )

    def delete_expired(self, now: dt.datetime) -> int:
        query = delete(PasswordResetToken).where(PasswordResetToken.expires_at < now)
        return int(self.session.execute(query).rowcount)  # type: ignore[attr-defined]
