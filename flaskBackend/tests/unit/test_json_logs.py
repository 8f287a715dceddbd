"""Outside development a log record, an exception included, is one line of JSON."""

from __future__ import annotations

import io
import json
import logging
import logging.config

from app.kernel.logging_config import formatter_config
from app.kernel.settings import AppEnv, Settings


def one_record(app_env: AppEnv) -> str:
    stream = io.StringIO()
    settings = Settings(app_env=app_env, database_url="postgresql+psycopg://x@y/z", secret_key="k")
    handler = logging.StreamHandler(stream)
    handler.setFormatter(
        logging.config.DictConfigurator({}).configure_formatter(formatter_config(settings))
    )
    logger = logging.getLogger("tests.json_logs")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        raise ValueError("boom\nsecond line")
    except ValueError:
        logger.exception("it failed", extra={"request_id": "abc"})
    finally:
        logger.removeHandler(handler)
    return stream.getvalue()


def test_an_exception_is_one_json_line_with_its_traceback() -> None:
    output = one_record(AppEnv.PRODUCTION)

    assert output.count("\n") == 1
    record = json.loads(output)
    assert record["level"] == "ERROR"
    assert record["message"] == "it failed"
    assert record["request_id"] == "abc"
    assert "Traceback" in record["exc_info"]
    assert "ValueError: boom" in record["exc_info"]
    assert record["time"].endswith("+00:00")


def test_development_keeps_readable_text() -> None:
    output = one_record(AppEnv.DEVELOPMENT)

    assert output.startswith("20")
    assert "ERROR [abc] tests.json_logs: it failed" in output
