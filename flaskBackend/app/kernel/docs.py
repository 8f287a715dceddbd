"""Swagger UI at /api/docs, its files served from the flask-swagger-ui package: no CDN.

flask-smorest renders the page from templates/swagger_ui.html (ours wins over its own): it has
no inline script, so the docs page passes a Content-Security-Policy of script-src 'self'.
"""

from __future__ import annotations

from pathlib import Path

import flask_swagger_ui
from flask import Blueprint, Response, send_from_directory

DOCS_PATH = "/api/docs"
ASSETS_URL = f"{DOCS_PATH}/assets/"
SWAGGER_UI_DIST = Path(flask_swagger_ui.__file__).parent / "dist"
OUR_ASSETS = Path(__file__).parent / "docs_assets"

blueprint = Blueprint("docs_assets", __name__)


@blueprint.get(f"{ASSETS_URL}<path:filename>")
def asset(filename: str) -> Response:
    """Our start-up script, or one of Swagger UI's files (send_from_directory refuses ../)."""
    folder = OUR_ASSETS if (OUR_ASSETS / filename).is_file() else SWAGGER_UI_DIST
    return send_from_directory(folder, filename, max_age=3600)
