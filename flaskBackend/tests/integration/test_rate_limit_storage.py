"""The PostgreSQL storage for `limits`: counts shared by every connection, windows that end."""

from __future__ import annotations

import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from limits import parse
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter
from sqlalchemy import Engine

from app.kernel.rate_limit_storage import PostgresStorage


@pytest.fixture
def storage(database_url: str, engine: Engine) -> PostgresStorage:
    # `engine` migrated the database; the storage is what RATELIMIT_STORAGE_URI builds.
    built = storage_from_string(database_url)
    assert isinstance(built, PostgresStorage)
    return built


def key() -> str:
    return f"test:{uuid.uuid4().hex}"


def test_increments_count_and_expire_with_the_window(storage: PostgresStorage) -> None:
    name = key()

    assert storage.get(name) == 0
    assert [storage.incr(name, 60) for _ in range(3)] == [1, 2, 3]
    assert storage.get(name) == 3
    assert time.time() + 55 < storage.get_expiry(name) <= time.time() + 61
    storage.clear(name)
    assert storage.get(name) == 0


def test_a_window_that_has_passed_starts_again_from_the_amount(
    storage: PostgresStorage,
) -> None:
    name = key()
    storage.incr(name, 60, amount=4)
    storage.incr(name, 0)  # same key: still the running window, whatever this expiry says

    assert storage.get(name) == 5
    storage.clear(name)
    storage.incr(name, 0)  # a window of zero seconds is over as soon as it starts
    assert storage.get(name) == 0
    assert storage.incr(name, 60) == 1


def test_concurrent_hits_from_many_connections_are_all_counted(
    storage: PostgresStorage,
) -> None:
    name = key()

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda _: storage.incr(name, 60), range(40)))

    assert storage.get(name) == 40


def test_the_fixed_window_limiter_refuses_the_hit_past_the_limit(
    storage: PostgresStorage,
) -> None:
    limiter = FixedWindowRateLimiter(storage)
    limit = parse("5/minute")
    name = key()

    assert [limiter.hit(limit, name) for _ in range(6)] == [True] * 5 + [False]
    assert storage.check()
    assert storage.reset() is not None
