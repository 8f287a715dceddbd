"""factory-boy factories: valid objects by default, so a test states only what matters to it.

Every module in this package is imported below, so a resource's factory (tests/factories/books.py,
written by `make resource`) is bound to the test's session without a line here.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from pathlib import Path

import factory
from factory.alchemy import SQLAlchemyModelFactory
from sqlalchemy.orm import Session

from app.accounts.models.user import User
from app.accounts.services.passwords import Passwords
from app.kernel.models.role import UserRole
from app.kernel.services.principal import Principal

PASSWORD = "correct horse battery"
# Argon2 at its cheapest: the tests check the rules, not the cost (settings test the cost's floor).
CHEAP_ARGON2 = {"time_cost": 1, "memory_cost": 8, "parallelism": 1}
# Rows belong to the logged-in test user unless a test names another owner (see conftest).
default_owner: User | None = None


@functools.cache
def password_hash() -> str:
    return Passwords(**CHEAP_ARGON2).hash(PASSWORD)


class BaseFactory(SQLAlchemyModelFactory):
    class Meta:
        abstract = True
        sqlalchemy_session_persistence = "commit"


class UserFactory(BaseFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    name = factory.Faker("name")
    password_hash = factory.LazyFunction(password_hash)
    role = UserRole.USER
    is_active = True


class OwnedFactory(BaseFactory):
    """A row of an owned resource: the logged-in test user's, unless a test passes owner=."""

    class Meta:
        abstract = True

    owner_id = factory.LazyAttribute(lambda row: row.owner.id)

    class Params:
        owner = factory.LazyFunction(lambda: default_owner or UserFactory())


def account_of(principal: Principal) -> User:
    """The account behind a service test's caller (a Principal holds only its id and role)."""
    session = UserFactory._meta.sqlalchemy_session
    user: User | None = session.get(User, principal.user_id)
    assert user is not None, f"no account {principal.user_id}"
    return user


def referenced(factory_class: type[BaseFactory]) -> factory.LazyAttribute:
    """The id of a new row of factory_class: an owned one with the same owner (a row may point
    only at its owner's rows), a shared one (no owner) as it comes."""
    if issubclass(factory_class, OwnedFactory):
        return factory.LazyAttribute(lambda row: factory_class(owner=row.owner).id)
    return factory.LazyFunction(lambda: factory_class().id)


def all_factories() -> list[type[BaseFactory]]:
    """Every factory defined here: a new one needs no list to join."""
    found, pending = [], list(BaseFactory.__subclasses__())
    while pending:
        factory_class = pending.pop()
        found.append(factory_class)
        pending.extend(factory_class.__subclasses__())
    return found


def factory_for(model: type[object]) -> type[BaseFactory]:
    return next(f for f in all_factories() if f._meta.model is model)


def bind(session: Session) -> None:
    """Point every factory at the test's session."""
    for factory_class in all_factories():
        factory_class._meta.sqlalchemy_session = session


# A resource's own factories live beside its tests (tests/<resource>/factories.py).
for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
for _folder in sorted(Path(__file__).parents[1].glob("*/factories.py")):
    importlib.import_module(f"tests.{_folder.parent.name}.factories")
