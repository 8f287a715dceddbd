"""Settings refuse to start on a missing or malformed value, naming the variable."""

from __future__ import annotations

import secrets

import pytest

from app.kernel.settings import AppEnv, Settings, SettingsError, settings_or_exit

URL = "postgresql+psycopg://app:app@127.0.0.1:5432/app"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("APP_ENV", "DATABASE_URL", "SECRET_KEY", "LOG_LEVEL", "CORS_ORIGINS", "API_PORT"):
        monkeypatch.delenv(name, raising=False)
    for name in ("ARGON2_TIME_COST", "ARGON2_MEMORY_COST", "ARGON2_PARALLELISM"):
        monkeypatch.delenv(name, raising=False)


def test_defaults_work_for_local_development(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", URL)
    monkeypatch.setenv("APP_ENV", "development")

    settings = Settings.from_env()

    assert settings.app_env is AppEnv.DEVELOPMENT
    assert settings.api_port == 8000
    assert settings.max_content_length == 1024 * 1024


def test_lists_and_numbers_are_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", URL)
    monkeypatch.setenv("APP_ENV", "development")
    monkeypatch.setenv("CORS_ORIGINS", "http://localhost:5173,https://app.example.com")
    monkeypatch.setenv("API_PORT", "9000")
    monkeypatch.setenv("LOG_LEVEL", "debug")

    settings = Settings.from_env()

    assert settings.cors_origins == ("http://localhost:5173", "https://app.example.com")
    assert settings.api_port == 9000
    assert settings.log_level == "DEBUG"


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DATABASE_URL", None),
        ("DATABASE_URL", "sqlite:///app.db"),
        ("API_PORT", "eighty"),
        ("API_PORT", "70000"),
        ("APP_ENV", "staging"),
        ("LOG_LEVEL", "LOUD"),
        ("ARGON2_MEMORY_COST", "lots"),
        ("ARGON2_TIME_COST", "0"),
    ],
)
def test_a_missing_or_malformed_value_names_the_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str | None
) -> None:
    monkeypatch.setenv("DATABASE_URL", URL)
    monkeypatch.setenv("APP_ENV", "development")
    if value is None:
        monkeypatch.delenv(variable)
    else:
        monkeypatch.setenv(variable, value)

    with pytest.raises(SettingsError, match=variable) as raised:
        Settings.from_env()
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize("secret", [None, "dev-secret-change-me-dev-secret-change-me", "short"])
def test_production_refuses_a_missing_default_or_short_secret_key(
    monkeypatch: pytest.MonkeyPatch, secret: str | None
) -> None:
    monkeypatch.setenv("DATABASE_URL", URL)
    monkeypatch.setenv("APP_ENV", "production")
    if secret is not None:
        monkeypatch.setenv("SECRET_KEY", secret)

    with pytest.raises(SettingsError, match="SECRET_KEY"):
        Settings.from_env()


def test_production_starts_with_a_strong_secret_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", URL)
    monkeypatch.setenv("APP_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", secrets.token_urlsafe(32))

    assert Settings.from_env().app_env is AppEnv.PRODUCTION


def test_production_hashes_passwords_at_full_cost_by_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DATABASE_URL", URL)
    monkeypatch.setenv("APP_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", secrets.token_urlsafe(32))

    settings = Settings.from_env()

    assert (settings.argon2_time_cost, settings.argon2_memory_cost) == (3, 65536)


@pytest.mark.parametrize(
    ("variable", "cheap"), [("ARGON2_TIME_COST", "1"), ("ARGON2_MEMORY_COST", "8")]
)
def test_production_refuses_cheap_password_hashing(
    monkeypatch: pytest.MonkeyPatch, variable: str, cheap: str
) -> None:
    monkeypatch.setenv("DATABASE_URL", URL)
    monkeypatch.setenv("APP_ENV", "production")
    monkeypatch.setenv("SECRET_KEY", secrets.token_urlsafe(32))
    monkeypatch.setenv(variable, cheap)

    with pytest.raises(SettingsError, match=variable):
        Settings.from_env()


def test_development_accepts_cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", URL)
    monkeypatch.setenv("APP_ENV", "development")
    monkeypatch.setenv("ARGON2_TIME_COST", "1")
    monkeypatch.setenv("ARGON2_MEMORY_COST", "8")

    assert Settings.from_env().argon2_memory_cost == 8


def test_a_bad_setting_exits_with_one_line_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", URL)
    monkeypatch.setenv("APP_ENV", "development")
    monkeypatch.setenv("API_PORT", "eighty")

    with pytest.raises(SystemExit) as exited:
        settings_or_exit()
    assert str(exited.value).startswith("Refusing to start: ")
    assert "API_PORT" in str(exited.value)
    assert "\n" not in str(exited.value)
