"""AuthService and UserService rules, over the real repositories in a rolled-back transaction."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.accounts.models.user import RefreshToken, User
from app.accounts.services.auth import AuthService
from app.accounts.services.passwords import Passwords
from app.accounts.services.tokens import AccessTokens
from app.accounts.services.users import UserService
from app.kernel.models.role import UserRole
from app.kernel.services.errors import Conflict, Forbidden, InvalidInput, Unauthorized
from app.kernel.services.principal import Principal
from app.kernel.services.unit_of_work import SqlAlchemyUnitOfWork
from tests.factories import CHEAP_ARGON2

CHEAP = Passwords(**CHEAP_ARGON2)
PASSWORD = "a-good-password"


def user_service(uow: SqlAlchemyUnitOfWork) -> UserService:
    return UserService(uow, CHEAP)


@pytest.fixture
def auth(uow: SqlAlchemyUnitOfWork) -> AuthService:
    return AuthService(uow, CHEAP, AccessTokens("k" * 40, 900), refresh_ttl=3600)


def stored_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id, populate_existing=True)
    assert user is not None
    return user


def test_register_normalises_email_and_refuses_a_duplicate(auth: AuthService) -> None:
    user = auth.register(email=" Ada@Example.COM", password=PASSWORD, name="Ada")

    assert user.email == "ada@example.com"
    assert user.password_hash != PASSWORD
    with pytest.raises(Conflict):
        auth.register(email="ADA@example.com", password=PASSWORD, name="Other")


def test_login_gives_a_token_that_authenticates(auth: AuthService) -> None:
    user = auth.register(email="a@example.com", password=PASSWORD, name="A")

    issued = auth.login(email="A@example.com", password=PASSWORD)

    assert auth.authenticate(issued.access_token).user_id == user.id


@pytest.mark.parametrize(
    ("email", "password"), [("a@example.com", "wrong"), ("b@example.com", PASSWORD)]
)
def test_login_failures_look_the_same(auth: AuthService, email: str, password: str) -> None:
    auth.register(email="a@example.com", password=PASSWORD, name="A")

    with pytest.raises(Unauthorized, match=r"Wrong email or password\."):
        auth.login(email=email, password=password)


def test_login_rehashes_a_password_hashed_with_old_parameters(
    uow: SqlAlchemyUnitOfWork, session: Session
) -> None:
    old = AuthService(uow, CHEAP, AccessTokens("k" * 40, 900), 3600)
    user = old.register(email="a@example.com", password=PASSWORD, name="A")
    first_hash = user.password_hash
    stronger = Passwords(time_cost=2, memory_cost=16, parallelism=1)

    AuthService(uow, stronger, AccessTokens("k" * 40, 900), 3600).login(
        email="a@example.com", password=PASSWORD
    )

    rehashed = stored_user(session, user.id).password_hash
    assert rehashed != first_hash
    assert not stronger.needs_rehash(rehashed)


def test_refresh_rotates_and_reuse_revokes_the_family(auth: AuthService, session: Session) -> None:
    auth.register(email="a@example.com", password=PASSWORD, name="A")
    first = auth.login(email="a@example.com", password=PASSWORD)

    second = auth.refresh(first.refresh_token)
    with pytest.raises(Unauthorized):
        auth.refresh(first.refresh_token)  # reuse: theft suspected

    with pytest.raises(Unauthorized):
        auth.refresh(second.refresh_token)
    tokens = session.scalars(select(RefreshToken)).all()
    assert len(tokens) == 2
    assert all(t.revoked_at is not None for t in tokens)


def test_logout_ends_the_session(auth: AuthService) -> None:
    auth.register(email="a@example.com", password=PASSWORD, name="A")
    issued = auth.login(email="a@example.com", password=PASSWORD)

    auth.logout(issued.refresh_token)

    with pytest.raises(Unauthorized):
        auth.refresh(issued.refresh_token)


def test_a_deactivated_user_cannot_authenticate(auth: AuthService, session: Session) -> None:
    user = auth.register(email="a@example.com", password=PASSWORD, name="A")
    token = auth.login(email="a@example.com", password=PASSWORD).access_token
    stored_user(session, user.id).is_active = False
    session.commit()

    with pytest.raises(Unauthorized):
        auth.authenticate(token)


def test_password_change_keeps_this_session_and_ends_the_others(
    auth: AuthService, uow: SqlAlchemyUnitOfWork
) -> None:
    auth.register(email="a@example.com", password=PASSWORD, name="A")
    here = auth.login(email="a@example.com", password=PASSWORD)
    elsewhere = auth.login(email="a@example.com", password=PASSWORD)
    caller = auth.authenticate(here.access_token)

    user_service(uow).update_profile(
        caller, {"password": "new-password-1", "current_password": PASSWORD}
    )

    auth.refresh(here.refresh_token)
    with pytest.raises(Unauthorized):
        auth.refresh(elsewhere.refresh_token)


def test_password_change_with_a_wrong_current_password_is_refused(
    auth: AuthService, uow: SqlAlchemyUnitOfWork
) -> None:
    user = auth.register(email="a@example.com", password=PASSWORD, name="A")

    with pytest.raises(InvalidInput) as raised:
        user_service(uow).update_profile(
            Principal(user.id, user.role, uuid.uuid4()),
            {"password": "new-password-1", "current_password": "nope"},
        )
    assert raised.value.field == "current_password"


def test_only_admins_list_and_change_accounts(auth: AuthService, uow: SqlAlchemyUnitOfWork) -> None:
    user = auth.register(email="a@example.com", password=PASSWORD, name="A")
    users = user_service(uow)

    with pytest.raises(Forbidden):
        users.list(Principal(user.id, user.role, uuid.uuid4()))
    with pytest.raises(Forbidden):
        users.update_account(
            Principal(user.id, user.role, uuid.uuid4()), user.id, {"role": UserRole.ADMIN}
        )
