"""A storage for the `limits` library in PostgreSQL, so every worker and instance shares counts.

Without Redis, the app's own database is the one store all gunicorn workers and all instances
already share. A counter is one row of an UNLOGGED table (no WAL), bumped by one atomic
INSERT ... ON CONFLICT, so two workers counting the same key at once never lose a hit. It
supports the fixed-window strategy, Flask-Limiter's default. Importing this module registers
the postgresql+psycopg:// scheme with `limits`.
"""

from __future__ import annotations

import functools
import itertools
import time
from typing import Any

from limits.storage import Storage
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import SQLAlchemyError

# A window that has passed counts as zero: the first hit after it starts a new one.
INCREMENT = text(
    """
    INSERT INTO rate_limit_counters AS c (key, count, expires_at)
    VALUES (:key, :amount, now() + make_interval(secs => CAST(:expiry AS double precision)))
    ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN c.expires_at <= now() THEN excluded.count
                     ELSE c.count + excluded.count END,
        expires_at = CASE WHEN c.expires_at <= now() THEN excluded.expires_at
                          ELSE c.expires_at END
    RETURNING c.count
    """
)
CURRENT = text("SELECT count FROM rate_limit_counters WHERE key = :key AND expires_at > now()")
EXPIRY = text(
    "SELECT extract(epoch FROM expires_at) FROM rate_limit_counters"
    " WHERE key = :key AND expires_at > now()"
)
PURGE_EXPIRED = text("DELETE FROM rate_limit_counters WHERE expires_at <= now()")
# Keys of one-off addresses would pile up; every so many hits, one of them sweeps the dead rows.
PURGE_EVERY = 500


@functools.cache
def _engine_for(uri: str) -> Engine:
    """One small pool per process and database, however often the limiter is set up again.

    Each statement commits by itself. It is not the app's pool: the limiter is one object per
    process, while an app's database may be swapped (tests) or down (then this fails alike).
    """
    return create_engine(
        uri,
        pool_size=2,
        pool_pre_ping=True,
        isolation_level="AUTOCOMMIT",
        connect_args={"connect_timeout": 3},
    )


class PostgresStorage(Storage):
    STORAGE_SCHEME = ["postgresql+psycopg"]

    def __init__(self, uri: str, wrap_exceptions: bool = False, **_: Any) -> None:
        super().__init__(uri, wrap_exceptions=wrap_exceptions)
        self._engine = _engine_for(uri)
        self._hits = itertools.count(1)

    @property
    def base_exceptions(self) -> type[Exception]:
        return SQLAlchemyError

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        with self._engine.connect() as connection:
            count = connection.execute(
                INCREMENT, {"key": key, "amount": amount, "expiry": expiry}
            ).scalar_one()
            if next(self._hits) % PURGE_EVERY == 0:
                connection.execute(PURGE_EXPIRED)
        return int(count)

    def get(self, key: str) -> int:
        with self._engine.connect() as connection:
            return int(connection.execute(CURRENT, {"key": key}).scalar() or 0)

    def get_expiry(self, key: str) -> float:
        with self._engine.connect() as connection:
            expiry = connection.execute(EXPIRY, {"key": key}).scalar()
        return float(expiry) if expiry is not None else time.time()

    def check(self) -> bool:
        try:
            with self._engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except SQLAlchemyError:
            return False
        return True

    def reset(self) -> int | None:
        with self._engine.connect() as connection:
            return connection.execute(text("DELETE FROM rate_limit_counters")).rowcount

    def clear(self, key: str) -> None:
        with self._engine.connect() as connection:
            connection.execute(
                text("DELETE FROM rate_limit_counters WHERE key = :key"), {"key": key}
            )
