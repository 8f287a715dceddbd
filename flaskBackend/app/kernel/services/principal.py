"""Who is calling, as every service sees it: set by the sign-in check (accounts), read by the
owned-resource rules (who may see and change which rows)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from app.kernel.models.role import UserRole


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: the user's id and role, and which login session the access token belongs
    to. Not the user's row: a request needs only these, and loading the whole account on every
    request would cost what the request itself costs (UserService.me reads the profile)."""

    user_id: int
    role: UserRole
    session: uuid.UUID

    @property
    def is_admin(self) -> bool:
        return self.role is UserRole.ADMIN
