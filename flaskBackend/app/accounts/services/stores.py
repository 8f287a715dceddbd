"""The account tables as every account service reads them: over the unit of work's session."""

from __future__ import annotations

from app.accounts.repositories.password_resets import (
    PasswordResetRepository,
    SqlPasswordResetRepository,
)
from app.accounts.repositories.users import (
    RefreshTokenRepository,
    SqlRefreshTokenRepository,
    SqlUserRepository,
    UserRepository,
)
from app.kernel.services.unit_of_work import UnitOfWork


class AccountStores:
    """Mixed into the account services: `self.users` instead of `self.uow.repository(...)`."""

    uow: UnitOfWork

    @property
    def users(self) -> UserRepository:
        return self.uow.repository(SqlUserRepository)

    @property
    def refresh_tokens(self) -> RefreshTokenRepository:
        return self.uow.repository(SqlRefreshTokenRepository)

    @property
    def password_resets(self) -> PasswordResetRepository:
        return self.uow.repository(SqlPasswordResetRepository)
