"""Flask-Limiter, created unbound and bound in create_app(); each limited view names its limits.

When Redis holds the counters and fails or hangs, the limits are kept per process in memory
(Flask-Limiter's in-memory fallback) until it answers again: logins keep working and stay
limited, at most (workers x limit) per window. Fail-open would let a brute force run free
during an outage; fail-closed would turn a Redis outage into an outage of signing in. A hung
Redis costs a request at most REDIS_TIMEOUT, once: from then on the limiter skips it, asking
again after growing pauses (1, 2, 4 ... seconds). When the counters are in the app's own
PostgreSQL (the default), an outage of the store is an outage of the app: a fast 503.
"""

from __future__ import annotations

from flask import Flask
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from redis.backoff import NoBackoff
from redis.retry import Retry

# Registers the postgresql+psycopg:// storage scheme with `limits`.
from app.kernel import rate_limit_storage  # noqa: F401

# Seconds to connect to Redis and to wait for each answer; no retry (redis-py retries three
# times with backoff by default, which made a hung Redis cost a login 45-70 s).
REDIS_TIMEOUT = 0.5

limiter = Limiter(key_func=get_remote_address, headers_enabled=True)


def limiter_config(storage_uri: str) -> dict[str, object]:
    """Flask config for the limiter with its counters at storage_uri."""
    # A failure of the store that is not caught by the fallback is one StorageError: a 503.
    options: dict[str, object] = {"wrap_exceptions": True}
    redis = storage_uri.startswith(("redis://", "rediss://"))
    if redis:
        options |= {
            "socket_connect_timeout": REDIS_TIMEOUT,
            "socket_timeout": REDIS_TIMEOUT,
            "retry": Retry(NoBackoff(), retries=0),
        }
    return {
        "RATELIMIT_STORAGE_URI": storage_uri,
        "RATELIMIT_STORAGE_OPTIONS": options,
        "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": redis,
    }


def init_limiter(app: Flask) -> None:
    limiter.init_app(app)


def store_answers() -> bool:
    """Whether the counters' store answers now (waits at most REDIS_TIMEOUT on Redis)."""
    return bool(limiter.storage.check())
