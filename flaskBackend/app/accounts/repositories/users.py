"""Every query about users and their refresh tokens."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Protocol

from sqlalchemy import bindparam, delete, exists, func, select, update

from app.accounts.models.user import RefreshToken, User
from app.kernel.models.role import UserRole
from app.kernel.repositories.base import SqlRepository

# Asked by every authenticated request, so built once (see repositories/statements.py). A
# session ended by logout, theft detection or a password change has its refresh tokens revoked:
# its access tokens stop here too (an index lookup on refresh_tokens.family).
SESSION_ENDED = exists().where(
    RefreshToken.family == bindparam("session"), RefreshToken.revoked_at.is_not(None)
)
ACTIVE_ROLE = select(User.role).where(
    User.id == bindparam("user_id"), User.is_active, ~SESSION_ENDED
)


class UserRepository(Protocol):
    def get(self, entity_id: int) -> User | None: ...
    def add(self, entity: User) -> None: ...
    def by_email(self, email: str) -> User | None: ...
    def active_role(self, user_id: int, session: uuid.UUID) -> UserRole | None: ...
    def count(self) -> int: ...
    def page(self, *, limit: int, offset: int) -> Sequence[User]: ...
    def delete(self, entity: User) -> None: ...
    def lock_active_admins(self) -> Sequence[int]: ...


class RefreshTokenRepository(Protocol):
    def add(self, entity: RefreshToken) -> None: ...
    def by_hash(self, token_hash: str) -> RefreshToken | None: ...
    def revoke_family(self, family: uuid.UUID, at: dt.datetime) -> None: ...
    def delete_expired(self, before: dt.datetime) -> int: ...
    def revoke_all_of(
        self, user_id: int, at: dt.datetime, *, except_family: uuid.UUID | None = None
    ) -> None: ...


class SqlUserRepository(SqlRepository[User]):
    model = User

    def by_email(self, email: str) -> User | None:
        return self.session.scalar(select(User).where(User.email == email))

    def active_role(self, user_id: int, session: uuid.UUID) -> UserRole | None:
        """The role of an active account in a live session; None when the account is
        deactivated or gone, or the session (the token's family) was ended. Every
        authenticated request asks this, so: one column, not the row, and run on the session's
        connection (no ORM object to build, so the ORM's part of running it is skipped)."""
        role: UserRole | None = self.session.connection().scalar(
            ACTIVE_ROLE, {"user_id": user_id, "session": session}
        )
        return role

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(User)) or 0

    def page(self, *, limit: int, offset: int) -> Sequence[User]:
        return self.session.scalars(
            select(User).order_by(User.id).limit(limit).offset(offset)
        ).all()

    def lock_active_admins(self) -> Sequence[int]:
        """The ids of the active administrators, their rows locked until the commit: two
        requests that each remove an administrator then run one after the other, and the
        second sees the first's change. In id order, so two lockers never deadlock."""
        query = select(User.id).where(User.role == UserRole.ADMIN, User.is_active)
        return self.session.scalars(query.order_by(User.id).with_for_update()).all()


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

    def revoke_all_of(
        self, user_id: int, at: dt.datetime, *, except_family: uuid.UUID | None = None
    ) -> None:
        query = update(RefreshToken).where(
            RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None)
        )
        if except_family is not None:
            query = query.where(RefreshToken.family != except_family)
        self.session.execute(query.values(revoked_at=at))

    def delete_expired(self, before: dt.datetime) -> int:
        """Tokens that expired before `before`: refused anyway, and so are their sessions'."""
        query = delete(RefreshToken).where(RefreshToken.expires_at < before)
        result = self.session.execute(query)
        return int(result.rowcount)  # type: ignore[attr-defined]
