"""Profiles and administration of users."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import NotRequired, TypedDict

from app.accounts.models.user import User
from app.accounts.services.auth import normalise_email
from app.accounts.services.password_reset import SEND_INVITATION
from app.accounts.services.passwords import Passwords
from app.accounts.services.stores import AccountStores
from app.kernel.models.role import UserRole
from app.kernel.services.errors import Conflict, Forbidden, InvalidInput, NotFound
from app.kernel.services.pagination import Page, offset_of
from app.kernel.services.principal import Principal
from app.kernel.services.unit_of_work import UnitOfWork


class ProfileChanges(TypedDict, total=False):
    name: str
    password: str
    current_password: str


class AccountChanges(TypedDict, total=False):
    role: UserRole
    is_active: bool


class NewAccount(TypedDict):
    email: str
    name: str
    role: UserRole
    # Without one, the new user gets a mail with a link to choose it.
    password: NotRequired[str]


class UserService(AccountStores):
    def __init__(self, uow: UnitOfWork, passwords: Passwords) -> None:
        self.uow = uow
        self.passwords = passwords

    def me(self, caller: Principal) -> User:
        with self.uow.reading():
            return self._existing(caller.user_id)

    def update_profile(self, caller: Principal, changes: ProfileChanges) -> User:
        with self.uow:
            user = self._existing(caller.user_id)
            if "password" in changes:
                current = changes.get("current_password", "")
                if not self.passwords.verify(user.password_hash, current):
                    raise InvalidInput("current_password", "This is not your current password.")
                user.password_hash = self.passwords.hash(changes["password"])
                now = dt.datetime.now(dt.UTC)
                # Every other login of this user ends (the one changing the password stays),
                # and so does every reset link mailed before.
                self.refresh_tokens.revoke_all_of(user.id, now, except_family=caller.session)
                self.password_resets.spend_all_of(user.id, now)
            if "name" in changes:
                user.name = changes["name"]
            self.uow.commit()
            return user

    def delete_me(self, caller: Principal, password: str) -> None:
        """Delete the caller's account; their tasks, sessions and reset links go with it."""
        with self.uow:
            user = self._existing(caller.user_id)
            if not self.passwords.verify(user.password_hash, password):
                raise InvalidInput("password", "This is not your current password.")
            if user.is_admin:
                self._keep_an_admin_besides(user, field="password")
            # The foreign keys cascade: PostgreSQL deletes the tasks, refresh tokens and links.
            self.users.delete(user)
            self.uow.commit()

    def create(self, caller: Principal, account: NewAccount) -> User:
        """An administrator opens an account, with a password or an invitation by mail."""
        _require_admin(caller)
        email = normalise_email(account["email"])
        with self.uow:
            if self.users.by_email(email) is not None:
                raise Conflict("An account with this email already exists.", fields=("email",))
            # Without a password, a random one nobody knows until the invitation sets another.
            password = account.get("password") or secrets.token_urlsafe(32)
            user = User(
                email=email,
                name=account["name"],
                role=account["role"],
                password_hash=self.passwords.hash(password),
            )
            self.users.add(user)
            if "password" not in account:
                self.uow.flush()
                # Mailed by a job once this commits (app/accounts/jobs.py), with retries.
                self.uow.enqueue(SEND_INVITATION, user_id=user.id)
            self.uow.commit()
            return user

    def list(self, caller: Principal, *, page: int = 1, per_page: int = 20) -> Page[User]:
        _require_admin(caller)
        with self.uow.reading():
            total = self.users.count()
            items = self.users.page(limit=per_page, offset=offset_of(page, per_page))
            return Page(items=items, total=total, page=page, per_page=per_page)

    def update_account(self, caller: Principal, user_id: int, changes: AccountChanges) -> User:
        _require_admin(caller)
        if user_id == caller.user_id:
            if changes.get("role", UserRole.ADMIN) is not UserRole.ADMIN:
                raise InvalidInput("role", "You cannot remove your own admin role.")
            if changes.get("is_active") is False:
                raise InvalidInput("is_active", "You cannot deactivate yourself.")
        with self.uow:
            user = self._existing(user_id)
            if user.is_admin and user.is_active:
                if changes.get("role", UserRole.ADMIN) is not UserRole.ADMIN:
                    self._keep_an_admin_besides(user, field="role")
                if changes.get("is_active") is False:
                    self._keep_an_admin_besides(user, field="is_active")
            for field, value in changes.items():
                setattr(user, field, value)
            self.uow.commit()
            return user

    def ensure_account(self, *, email: str, password: str, name: str, role: UserRole) -> User:
        """For trusted callers (the CLI): create the account, or reset it to these values."""
        email = normalise_email(email)
        with self.uow:
            user = self.users.by_email(email)
            if user is None:
                user = User(email=email, name=name, password_hash="")
                self.users.add(user)
            user.password_hash = self.passwords.hash(password)
            self.password_resets.spend_all_of(user.id, dt.datetime.now(dt.UTC))
            user.role = role
            user.is_active = True
            self.uow.commit()
            return user

    def _keep_an_admin_besides(self, user: User, *, field: str) -> None:
        """There is always an active administrator: one who could leave only does if another
        stays, counted under a lock (see lock_active_admins)."""
        if not [admin for admin in self.users.lock_active_admins() if admin != user.id]:
            raise InvalidInput(field, "This is the only administrator: promote someone else first.")

    def _existing(self, user_id: int) -> User:
        user = self.users.get(user_id)
        if user is None:
            raise NotFound(f"User {user_id} does not exist.")
        return user


def _require_admin(caller: Principal) -> None:
    if not caller.is_admin:
        raise Forbidden("Only administrators may do this.")
