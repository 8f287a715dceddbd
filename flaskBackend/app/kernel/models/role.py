"""What a user may do: the column of users.role, and the role a Principal carries."""

from enum import StrEnum


class UserRole(StrEnum):
    USER = "user"
    ADMIN = "admin"
