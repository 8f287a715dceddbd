"""The API docs come from the app itself: no CDN, no inline script, a CSP they satisfy."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient


def test_the_docs_page_loads_only_its_own_files(anonymous: FlaskClient) -> None:
    response = anonymous.get("/api/docs")
    html = response.get_data(as_text=True)

    assert response.status_code == 200
    assert not re.search(r"(src|href)=\"(https?:)?//", html), "a file from another origin"
    assert re.findall(r"<script(?![^>]*\bsrc=)", html) == [], "an inline script"
    for url in re.findall(r"(?:src|href)=\"([^\"]+)\"", html):
        with anonymous.get(url) as asset:  # closes the file it streams
            assert asset.status_code == 200, url


def test_the_docs_csp_allows_only_this_origin_and_no_inline_script(
    anonymous: FlaskClient,
) -> None:
    policy = anonymous.get("/api/docs").headers["Content-Security-Policy"]

    assert "script-src 'self';" in policy
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy


@pytest.mark.parametrize(
    ("name", "mimetype"),
    [
        ("swagger-ui-bundle.js", "text/javascript"),
        ("swagger-initializer.js", "text/javascript"),
        ("swagger-ui.css", "text/css"),
    ],
)
def test_swagger_ui_files_are_served_from_the_package(
    anonymous: FlaskClient, name: str, mimetype: str
) -> None:
    with anonymous.get(f"/api/docs/assets/{name}") as response:
        assert response.status_code == 200
        assert response.mimetype == mimetype
        assert response.content_length


def test_the_docs_assets_serve_nothing_outside_their_folders(anonymous: FlaskClient) -> None:
    assert anonymous.get("/api/docs/assets/../settings.py").status_code == 404
    assert anonymous.get("/api/docs/assets/%2e%2e/settings.py").status_code == 404
