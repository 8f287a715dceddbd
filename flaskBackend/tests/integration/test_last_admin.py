"""Two administrators removing each other at the same moment leave one, never none.

The requests run on two threads with their own connections to a database of the test's own
(their commits are real). A third connection holds both admin rows locked until both requests
wait on it, so they meet at the worst moment every time, then lets go.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Engine, create_engine, func, select, text

from app.accounts.models.user import User
from app.accounts.services.passwords import Passwords
from app.accounts.services.users import UserService
from app.kernel.database import Database
from app.kernel.models.role import UserRole
from app.kernel.services.errors import InvalidInput
from app.kernel.services.principal import Principal
from app.kernel.services.unit_of_work import SqlAlchemyUnitOfWork
from tests.factories import CHEAP_ARGON2, PASSWORD
from tests.live.server import fresh_database

WAITING_ON_A_LOCK = text(
    "SELECT count(*) FROM pg_stat_activity"
    " WHERE wait_event_type = 'Lock' AND datname = current_database()"
)
Removal = Callable[[UserService, Principal, Principal], None]


@pytest.fixture
def own_engine(database_url: str) -> Iterator[Engine]:
    name = f"admins_{uuid.uuid4().hex[:12]}"
    engine = create_engine(fresh_database(database_url, name))
    yield engine
    engine.dispose()
    admin = create_engine(database_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def service(engine: Engine) -> UserService:
    uow = SqlAlchemyUnitOfWork(Database.over(engine).session_factory)
    return UserService(uow, Passwords(**CHEAP_ARGON2))


def demote_the_other(users: UserService, me: Principal, other: Principal) -> None:
    users.update_account(me, other.user_id, {"role": UserRole.USER})


def deactivate_the_other(users: UserService, me: Principal, other: Principal) -> None:
    users.update_account(me, other.user_id, {"is_active": False})


def leave(users: UserService, me: Principal, _: Principal) -> None:
    users.delete_me(me, PASSWORD)


@pytest.mark.parametrize("removal", [demote_the_other, deactivate_the_other, leave])
def test_concurrent_removals_leave_one_active_admin(own_engine: Engine, removal: Removal) -> None:
    password_hash = Passwords(**CHEAP_ARGON2).hash(PASSWORD)
    with own_engine.begin() as connection:
        ids = [
            connection.scalar(
                User.__table__.insert()
                .values(email=f"{n}@example.com", name=n, password_hash=password_hash, role="admin")
                .returning(User.id)
            )
            for n in ("ada", "bob")
        ]
    ada, bob = (Principal(user_id=i, role=UserRole.ADMIN, session=uuid.uuid4()) for i in ids)
    refused: list[Exception] = []

    def run(me: Principal, other: Principal) -> None:
        try:
            removal(service(own_engine), me, other)
        except InvalidInput as error:
            refused.append(error)

    with own_engine.connect() as locker:
        locker.execute(text("SELECT id FROM users FOR UPDATE"))
        threads = [threading.Thread(target=run, args=pair) for pair in ((ada, bob), (bob, ada))]
        for thread in threads:
            thread.start()
        wait_for(lambda: waiting_on_a_lock(own_engine) == 2)
        locker.rollback()
    for thread in threads:
        thread.join(timeout=30)

    with own_engine.connect() as connection:
        admins = select(func.count()).where(User.role == "admin", User.is_active)
        assert connection.scalar(admins) == 1
    assert len(refused) == 1


def waiting_on_a_lock(engine: Engine) -> int:
    # From a connection of its own: within a transaction, pg_stat_activity is a snapshot.
    with engine.connect() as connection:
        return connection.scalar(WAITING_ON_A_LOCK) or 0


def wait_for(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 20
    while not condition():
        assert time.monotonic() < deadline, "the two requests never both waited on the lock"
        time.sleep(0.05)
