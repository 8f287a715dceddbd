"""Backups with PostgreSQL's own tools: pg_dump's custom format, and pg_restore.

`flask backup` (make backup) and the scheduled job (app/kernel/jobs.py) call backup();
`flask restore` (make restore) calls restore(). Dumps are a floor, not the production answer:
see the README (WAL archiving and point-in-time recovery).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool


class BackupError(RuntimeError):
    """A backup or restore that did not happen; the message says why."""


def backup(database_url: str, directory: str, keep: int) -> Path:
    """Dump the database to DIRECTORY/<name>-<UTC time>.dump; keep the newest `keep` dumps."""
    url = make_url(database_url)
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{url.database}-{stamp}.dump"
    partial = target.with_name(target.name + ".partial")  # never mistaken for a whole dump
    _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(partial)], url)
    partial.rename(target)
    for old in sorted(folder.glob(f"{url.database}-*.dump"))[:-keep]:
        old.unlink()
    return target


def restore(database_url: str, dump: str, *, force: bool = False) -> None:
    """Restore a dump into the database, which must be empty unless force (then the dump's
    objects replace the database's)."""
    if not Path(dump).is_file():
        raise BackupError(f"{dump}: no such file")
    url = make_url(database_url)
    tables = _tables(database_url)
    if tables and not force:
        raise BackupError(
            f"database {url.database} is not empty ({len(tables)} tables): restore into an "
            "empty one, or pass force to replace its contents"
        )
    clean = ["--clean", "--if-exists"] if tables else []
    _run(["pg_restore", "--no-owner", "--exit-on-error", *clean, dump], url)


def _tables(database_url: str) -> list[str]:
    engine = create_engine(database_url, poolclass=NullPool)
    try:
        return inspect(engine).get_table_names()
    finally:
        engine.dispose()


def _run(command: list[str], url: URL) -> None:
    # The password goes in the environment, not the command line (which `ps` shows).
    env = {**os.environ, "PGPASSWORD": url.password or ""}
    target = url.set(drivername="postgresql", password=None).render_as_string()
    try:
        subprocess.run(  # noqa: S603  # our own arguments, no shell
            [*command, "--dbname", target], env=env, check=True, capture_output=True, text=True
        )
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} not found: install postgresql-client") from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.strip()}") from error
