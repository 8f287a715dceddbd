"""Settings, read from the environment once at start-up and never again."""

from __future__ import annotations

from dataclasses import dataclass
from email.utils import parseaddr
from enum import StrEnum
from urllib.parse import urlsplit

from croniter import croniter
from environs import Env, EnvError
from limits import parse_many
from marshmallow import ValidationError
from marshmallow.validate import OneOf, Range

# Good enough on a laptop; every other environment refuses it.
DEVELOPMENT_SECRET_KEY = "dev-secret-change-me-dev-secret-change-me"  # noqa: S105
# Keys that have been written in this repository: public, so never accepted outside development.
PUBLISHED_SECRET_KEYS = frozenset({DEVELOPMENT_SECRET_KEY})
SECRET_KEY_MIN_LENGTH = 32
# A random key of 32+ characters has well over 16 distinct ones; "x" * 40 or a phrase does not.
SECRET_KEY_MIN_DISTINCT = 16


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
# Argon2id's cost: argon2-cffi's defaults (RFC 9106's second recommendation) unless set. Production
# refuses anything under OWASP's minimum (19 MiB, 2 passes); tests use far cheaper ones.
ARGON2_PRODUCTION_MINIMUM = {"time_cost": 2, "memory_cost": 19456, "parallelism": 1}
# smtp: plain (a local relay or sink); smtp+starttls: upgrade on 587; smtps: TLS from the start.
SMTP_SCHEMES = ("smtp", "smtp+starttls", "smtps")


class AppEnv(StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class SettingsError(RuntimeError):
    """A setting is missing or malformed; the message names the variable."""


@dataclass(frozen=True, slots=True)
class Settings:
    app_env: AppEnv
    database_url: str
    secret_key: str
    log_level: str = "INFO"
    cors_origins: tuple[str, ...] = ()
    api_port: int = 8000
    max_content_length: int = 1024 * 1024
    # Seconds a request's body may take to arrive in full (app/kernel/body_deadline.py).
    request_body_timeout: float = 10.0
    db_pool_size: int = 5
    access_token_ttl: int = 15 * 60
    refresh_token_ttl: int = 14 * 24 * 3600
    auth_rate_limit: str = "5/minute"
    # Per account, from any address: above the per-address limit, so one attacker cannot lock
    # the owner out (app/accounts/controllers/limits.py says why).
    auth_email_rate_limit: str = "20/minute"
    reset_mail_rate_limit: str = "3/hour"
    refresh_rate_limit: str = "30/minute"
    # Empty: the counters live in the app's own PostgreSQL (app/rate_limit_storage.py).
    ratelimit_storage_uri: str = ""
    proxy_count: int = 0
    argon2_time_cost: int = 3
    argon2_memory_cost: int = 65536  # KiB
    argon2_parallelism: int = 4
    smtp_url: str = ""
    mail_from: str = "Flask Template <no-reply@localhost>"
    public_ui_url: str = "http://127.0.0.1:5173"
    # The job worker (app/kernel/jobs.py): jobs run at once, schedules as cron lines (UTC).
    worker_concurrency: int = 4
    worker_metrics_port: int = 0  # 0: no /metrics (tests, make dev)
    cleanup_schedule: str = "17 * * * *"
    backup_schedule: str = "30 2 * * *"
    backup_dir: str = "backups"
    backup_keep: int = 7

    @classmethod
    def from_env(cls) -> Settings:
        """Parse and validate every setting; raise SettingsError naming the first bad one."""
        env = Env(expand_vars=True)
        try:
            # Production unless told otherwise: a forgotten variable must not open the door.
            app_env = AppEnv(
                env.str("APP_ENV", "production", validate=OneOf([e.value for e in AppEnv]))
            )
            # Only development has a default key; everywhere else it must be given.
            if app_env is AppEnv.DEVELOPMENT:
                secret_key = env.str("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
            else:
                secret_key = env.str("SECRET_KEY")
            settings = cls(
                app_env=app_env,
                database_url=env.str("DATABASE_URL", validate=_postgres_url),
                secret_key=secret_key,
                log_level=env.str("LOG_LEVEL", "INFO", validate=_log_level).upper(),
                cors_origins=tuple(env.list("CORS_ORIGINS", [])),
                api_port=env.int("API_PORT", 8000, validate=Range(1, 65535)),
                max_content_length=env.int("MAX_CONTENT_LENGTH", 1024 * 1024, validate=Range(1)),
                request_body_timeout=env.float(
                    "REQUEST_BODY_TIMEOUT", 10.0, validate=Range(0.1, 3600)
                ),
                db_pool_size=env.int("DB_POOL_SIZE", 5, validate=Range(1, 100)),
                access_token_ttl=env.int("ACCESS_TOKEN_TTL", 15 * 60, validate=Range(30, 86400)),
                refresh_token_ttl=env.int(
                    "REFRESH_TOKEN_TTL", 14 * 24 * 3600, validate=Range(60, 365 * 86400)
                ),
                auth_rate_limit=env.str("AUTH_RATE_LIMIT", "5/minute", validate=_rate_limit),
                auth_email_rate_limit=env.str(
                    "AUTH_EMAIL_RATE_LIMIT", "20/minute", validate=_rate_limit
                ),
                reset_mail_rate_limit=env.str(
                    "RESET_MAIL_RATE_LIMIT", "3/hour", validate=_rate_limit
                ),
                refresh_rate_limit=env.str("REFRESH_RATE_LIMIT", "30/minute", validate=_rate_limit),
                ratelimit_storage_uri=env.str(
                    "RATELIMIT_STORAGE_URI", "", validate=_ratelimit_storage
                ),
                proxy_count=env.int("PROXY_COUNT", 0, validate=Range(0, 5)),
                argon2_time_cost=env.int("ARGON2_TIME_COST", 3, validate=Range(1, 20)),
                argon2_memory_cost=env.int("ARGON2_MEMORY_COST", 65536, validate=Range(8, 4 << 20)),
                argon2_parallelism=env.int("ARGON2_PARALLELISM", 4, validate=Range(1, 64)),
                smtp_url=env.str("SMTP_URL", "", validate=_smtp_url),
                mail_from=env.str(
                    "MAIL_FROM", "Flask Template <no-reply@localhost>", validate=_address
                ),
                public_ui_url=env.str(
                    "PUBLIC_UI_URL", "http://127.0.0.1:5173", validate=_http_url
                ).rstrip("/"),
                worker_concurrency=env.int("WORKER_CONCURRENCY", 4, validate=Range(1, 64)),
                worker_metrics_port=env.int("WORKER_METRICS_PORT", 0, validate=Range(0, 65535)),
                cleanup_schedule=env.str("CLEANUP_SCHEDULE", "17 * * * *", validate=_cron),
                backup_schedule=env.str("BACKUP_SCHEDULE", "30 2 * * *", validate=_cron),
                backup_dir=env.str("BACKUP_DIR", "backups"),
                backup_keep=env.int("BACKUP_KEEP", 7, validate=Range(1, 1000)),
            )
        except EnvError as error:
            raise SettingsError(_one_line(error)) from None
        settings.refuse_unsafe_production_settings()
        return settings

    def refuse_unsafe_production_settings(self) -> None:
        """Outside development, a key anyone could know (or guess) would let them mint tokens;
        in production, Argon2 must cost at least its minimum."""
        if self.app_env is AppEnv.DEVELOPMENT:
            return
        key = self.secret_key
        weak = (
            len(key) < SECRET_KEY_MIN_LENGTH
            or len(set(key)) < SECRET_KEY_MIN_DISTINCT
            or key in PUBLISHED_SECRET_KEYS
        )
        if weak:
            raise SettingsError(
                f"SECRET_KEY: set a random value of at least {SECRET_KEY_MIN_LENGTH} characters "
                f"outside development (APP_ENV={self.app_env.value}); for example the output of "
                "python3 -c 'import secrets; print(secrets.token_urlsafe(48))'"
            )
        if self.app_env is not AppEnv.PRODUCTION:
            return
        for name, minimum in ARGON2_PRODUCTION_MINIMUM.items():
            if getattr(self, f"argon2_{name}") < minimum:
                raise SettingsError(f"ARGON2_{name.upper()}: at least {minimum} in production")


def _postgres_url(value: str) -> bool:
    if not value.startswith("postgresql+psycopg://"):
        raise ValidationError("must start with postgresql+psycopg://")
    return True


RATELIMIT_SCHEMES = ("memory://", "redis://", "rediss://", "redis+sentinel://")


def _ratelimit_storage(value: str) -> bool:
    if value and not value.startswith(RATELIMIT_SCHEMES):
        raise ValidationError("must be empty (the app's PostgreSQL), memory:// or a redis:// URL")
    return True


def _log_level(value: str) -> bool:
    if value.upper() not in LOG_LEVELS:
        raise ValidationError(f"must be one of {', '.join(LOG_LEVELS)}")
    return True


def _rate_limit(value: str) -> bool:
    try:
        parse_many(value)
    except ValueError:
        raise ValidationError("must look like '5/minute' or '5/minute;50/hour'") from None
    return True


def _smtp_url(value: str) -> bool:
    if value and urlsplit(value).scheme not in SMTP_SCHEMES:
        raise ValidationError(f"must start with {', '.join(s + '://' for s in SMTP_SCHEMES)}")
    return True


def _address(value: str) -> bool:
    if "@" not in parseaddr(value)[1]:
        raise ValidationError("must be an address such as 'Flask Template <no-reply@example.com>'")
    return True


def _http_url(value: str) -> bool:
    if urlsplit(value).scheme not in ("http", "https") or not urlsplit(value).netloc:
        raise ValidationError("must be an http:// or https:// URL")
    return True


def _cron(value: str) -> bool:
    if not croniter.is_valid(value):
        raise ValidationError(
            "must be a cron line such as '30 2 * * *' (minute hour day month weekday)"
        )
    return True


def _one_line(error: EnvError) -> str:
    return " ".join(str(error).split())


def settings_or_exit() -> Settings:
    """The settings, or exit with one line naming the bad variable (no traceback)."""
    try:
        return Settings.from_env()
    except SettingsError as error:
        raise SystemExit(f"Refusing to start: {error}") from None
