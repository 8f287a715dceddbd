"""flask worker, flask backup and flask restore, as make worker, make backup and make restore
call them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from flask import Flask


@pytest.mark.pg_client
def test_flask_backup_writes_a_dump_and_flask_restore_refuses_a_database_with_tables(
    app: Flask, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = dataclasses.replace(app.extensions["settings"], backup_dir=str(tmp_path))
    monkeypatch.setitem(app.extensions, "settings", settings)
    runner = app.test_cli_runner()

    backed_up = runner.invoke(args=["backup"])
    (dump,) = tmp_path.glob("*.dump")
    refused = runner.invoke(args=["restore", str(dump)])

    assert backed_up.exit_code == 0, backed_up.output
    assert refused.exit_code == 1
    assert "is not empty" in refused.output


def test_flask_restore_of_a_missing_file_is_one_clear_line(app: Flask, tmp_path: Path) -> None:
    result = app.test_cli_runner().invoke(args=["restore", str(tmp_path / "none.dump")])

    assert result.exit_code == 1
    assert "no such file" in result.output


def test_flask_worker_once_runs_what_is_queued_and_stops(app: Flask) -> None:
    result = app.test_cli_runner().invoke(args=["worker", "--once", "--queue", "tests-empty"])

    assert result.exit_code == 0, result.output
