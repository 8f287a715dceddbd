"""CORS: only the configured origins, with credentials so the refresh cookie can travel."""

from __future__ import annotations

import dataclasses

from sqlalchemy import Engine

from app import create_app
from app.kernel.database import Database
from app.kernel.settings import Settings

ALLOWED = "https://app.example.com"


def test_only_configured_origins_get_cors_headers(settings: Settings, engine: Engine) -> None:
    configured = dataclasses.replace(settings, cors_origins=(ALLOWED,))
    client = create_app(configured, database=Database.over(engine)).test_client()

    allowed = client.options(
        "/api/auth/refresh",
        headers={"Origin": ALLOWED, "Access-Control-Request-Method": "POST"},
    )
    refused = client.get("/api/health", headers={"Origin": "https://evil.example.com"})

    assert allowed.headers["Access-Control-Allow-Origin"] == ALLOWED
    assert allowed.headers["Access-Control-Allow-Credentials"] == "true"
    assert "Access-Control-Allow-Origin" not in refused.headers


def test_api_answers_vary_on_origin_whichever_origin_asks(
    settings: Settings, engine: Engine
) -> None:
    configured = dataclasses.replace(settings, cors_origins=(ALLOWED,))
    client = create_app(configured, database=Database.over(engine)).test_client()

    for origin in (ALLOWED, "https://evil.example.com", None):
        response = client.get("/api/health", headers={"Origin": origin} if origin else {})

        assert "Origin" in response.vary, origin
