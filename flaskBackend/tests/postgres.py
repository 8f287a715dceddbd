"""The PostgreSQL the tests run against: TEST_DATABASE_URL, or a throwaway cluster of our own."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

POSTGRES_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "postgres.sh"


@contextmanager
def postgres_for_tests() -> Iterator[str]:
    given = os.environ.get("TEST_DATABASE_URL")
    if given:
        yield given
        return
    started = subprocess.run(
        [str(POSTGRES_SCRIPT), "throwaway"], check=True, capture_output=True, text=True
    )
    url, data_dir = started.stdout.split()
    try:
        yield url
    finally:
        subprocess.run([str(POSTGRES_SCRIPT), "discard", data_dir], check=False)
