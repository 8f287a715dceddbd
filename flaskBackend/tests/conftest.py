"""Fixtures: one migrated database per test process (a copy of the run's template, see
tests/postgres.py), one rolled-back transaction per test."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker

from app import create_app
from app.accounts.models.user import User
from app.accounts.services.tokens import AccessTokens
from app.kernel.database import Database
from app.kernel.models.role import UserRole
from app.kernel.rate_limits import limiter
from app.kernel.services.principal import Principal
from app.kernel.services.unit_of_work import SqlAlchemyUnitOfWork
from app.kernel.settings import AppEnv, Settings
from tests import factories
from tests.notes import controller as notes
from tests.postgres import database_of_this_process, migrated_template
from tests.query_counter import QueryCounter

RUN_DATABASE = pytest.StashKey[ExitStack]()


def pytest_configure(config: pytest.Config) -> None:
    """The process that starts the run (not an xdist worker) migrates the template, once."""
    if not hasattr(config, "workerinput"):
        config.stash[RUN_DATABASE] = ExitStack()
        config.stash[RUN_DATABASE].enter_context(migrated_template())


def pytest_unconfigure(config: pytest.Config) -> None:
    if RUN_DATABASE in config.stash:
        config.stash[RUN_DATABASE].close()


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    with database_of_this_process() as url:
        yield url


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    engine = create_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def connection(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as connection:
        transaction = connection.begin()
        yield connection
        transaction.rollback()


@pytest.fixture
def session_factory(connection: Connection) -> sessionmaker[Session]:
    # Every commit inside the test releases a savepoint; the outer transaction is rolled back.
    return sessionmaker(
        bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
    )


@pytest.fixture
def session(session_factory: sessionmaker[Session]) -> Iterator[Session]:
    with session_factory() as session:
        factories.bind(session)
        yield session


@pytest.fixture
def uow(session_factory: sessionmaker[Session]) -> SqlAlchemyUnitOfWork:
    """The unit of work the services get in production, over this test's transaction."""
    return SqlAlchemyUnitOfWork(session_factory)


@pytest.fixture(scope="session")
def settings(database_url: str) -> Settings:
    return Settings(
        app_env=AppEnv.TEST,
        database_url=database_url,
        secret_key="test-" * 8,
        **{f"argon2_{name}": value for name, value in factories.CHEAP_ARGON2.items()},
    )


@pytest.fixture(scope="session")
def session_app(settings: Settings, engine: Engine) -> Flask:
    return create_app(settings, database=Database.over(engine), extra_blueprints=[notes.blp])


@pytest.fixture
def app(
    session_app: Flask, engine: Engine, session: Session, session_factory: sessionmaker[Session]
) -> Iterator[Flask]:
    """The app, its sessions joined to this test's transaction."""
    session_app.extensions["database"] = Database(engine, session_factory)
    limiter.reset()
    yield session_app
    session_app.extensions["database"] = Database.over(engine)


@pytest.fixture
def user(session: Session) -> Iterator[User]:
    """The logged-in user of `client`; notes built by NoteFactory belong to it by default."""
    user = factories.UserFactory(email="me@example.com")
    factories.default_owner = user
    yield user
    factories.default_owner = None


@pytest.fixture
def mint_token(settings: Settings) -> Callable[[User], str]:
    """An access token for a user, as login would issue (no request, no rate limit)."""
    tokens = AccessTokens(settings.secret_key, settings.access_token_ttl)
    return lambda user: tokens.issue(user.id, uuid.uuid4())


@pytest.fixture
def anonymous(app: Flask) -> FlaskClient:
    client = app.test_client()
    # https, so the Secure refresh cookie travels back as it would in a browser.
    client.environ_base["wsgi.url_scheme"] = "https"
    return client


@pytest.fixture
def client_for(app: Flask, mint_token: Callable[[User], str]) -> Callable[[User], FlaskClient]:
    def client_for(user: User) -> FlaskClient:
        client = app.test_client()
        client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {mint_token(user)}"
        return client

    return client_for


@pytest.fixture
def client(user: User, client_for: Callable[[User], FlaskClient]) -> FlaskClient:
    """A client logged in as `user`."""
    return client_for(user)


@pytest.fixture
def queries(engine: Engine) -> Iterator[QueryCounter]:
    with QueryCounter(engine) as counter:
        yield counter


def principal_of(user: User) -> Principal:
    return Principal(user_id=user.id, role=user.role, session=uuid.uuid4())


@pytest.fixture
def me(session: Session) -> Principal:
    return principal_of(factories.UserFactory())


@pytest.fixture
def stranger(session: Session) -> Principal:
    return principal_of(factories.UserFactory())


@pytest.fixture
def admin(session: Session) -> Principal:
    return principal_of(factories.UserFactory(role=UserRole.ADMIN))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Contract cases a resource does not have (tests/row_contract.py) are left out."""
    left_out = [item for item in items if item.get_closest_marker("not_applicable")]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if item not in left_out]
