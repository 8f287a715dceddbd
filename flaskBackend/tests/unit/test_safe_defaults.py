"""Every start that is not make dev is production, and no public key signs tokens there."""

from __future__ import annotations

import re
import secrets
import subprocess
from pathlib import Path

import pytest

from app.kernel.settings import DEVELOPMENT_SECRET_KEY, AppEnv, Settings, SettingsError

URL = "postgresql+psycopg://app:app@127.0.0.1:5432/app"
BACKEND = Path(__file__).resolve().parents[2]
# Folders that hold no file of ours, when there is no git to list the tracked ones.
NOT_OURS = {".venv", "node_modules", ".git", ".run", "__pycache__", ".mypy_cache", ".ruff_cache"}
# Made at run time: a key written here would be one the rule below must refuse.
STRONG_KEY = secrets.token_urlsafe(32)
# SECRET_KEY=value, SECRET_KEY: value or "SECRET_KEY": "value" in any tracked file.
KEY_ASSIGNMENT = re.compile(r"""SECRET_KEY["']?\s*[=:]\s*["']?([^\s"'$#,)]{8,})""")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("APP_ENV", "SECRET_KEY", "RATELIMIT_STORAGE_URI"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", URL)


def test_without_app_env_the_settings_are_production_and_need_a_key() -> None:
    with pytest.raises(SettingsError, match=r"^Environment variable \"SECRET_KEY\" not set"):
        Settings.from_env()


def test_without_app_env_a_strong_key_starts_production(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECRET_KEY", STRONG_KEY)

    assert Settings.from_env().app_env is AppEnv.PRODUCTION


def test_only_development_has_a_built_in_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APP_ENV", "development")

    assert Settings.from_env().secret_key == DEVELOPMENT_SECRET_KEY


@pytest.mark.parametrize("app_env", ["test", "production"])
@pytest.mark.parametrize(
    "key",
    [
        DEVELOPMENT_SECRET_KEY,
        "x" * 40,  # long, but anyone would guess it
        "test-" * 8,  # the test suite's key
        "changeme-changeme-changeme-changeme",
    ],
)
def test_a_public_or_guessable_key_is_refused_outside_development(
    monkeypatch: pytest.MonkeyPatch, app_env: str, key: str
) -> None:
    monkeypatch.setenv("APP_ENV", app_env)
    monkeypatch.setenv("SECRET_KEY", key)

    with pytest.raises(SettingsError, match=r"^SECRET_KEY: ") as raised:
        Settings.from_env()
    assert "\n" not in str(raised.value)


def our_files() -> list[Path]:
    """The checkout's tracked files; in a container image (no git), every file of the backend."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z"],  # noqa: S607
            cwd=BACKEND.parent,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split("\0")
        return [BACKEND.parent / name for name in filter(None, listed)]
    except (OSError, subprocess.CalledProcessError):
        return [
            path
            for path in BACKEND.rglob("*")
            if not NOT_OURS.intersection(path.relative_to(BACKEND).parts)
        ]


def tracked_secret_keys() -> set[str]:
    keys: set[str] = set()
    for path in our_files():
        if path.is_file() and path.suffix not in {".png", ".lock"}:
            keys.update(KEY_ASSIGNMENT.findall(path.read_text(errors="ignore")))
    return keys


def test_every_key_written_in_the_repository_is_refused_in_production(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keys = tracked_secret_keys()
    monkeypatch.setenv("APP_ENV", "production")

    assert DEVELOPMENT_SECRET_KEY in keys  # the scan finds what it is meant to find
    accepted = []
    for key in sorted(keys):
        monkeypatch.setenv("SECRET_KEY", key)
        try:
            Settings.from_env()
        except SettingsError:
            continue
        accepted.append(key)
    assert accepted == []


def test_a_ratelimit_storage_that_no_worker_could_share_is_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("APP_ENV", "development")
    monkeypatch.setenv("RATELIMIT_STORAGE_URI", "sqlite:///limits.db")

    with pytest.raises(SettingsError, match="RATELIMIT_STORAGE_URI"):
        Settings.from_env()
