"""Headers every response carries, so a browser treats the API's answers as what they are."""

from __future__ import annotations

from flask import Flask, Response, request

from app.kernel.docs import DOCS_PATH

# JSON answers load nothing and may not be framed.
API_POLICY = "default-src 'none'; frame-ancestors 'none'"
# The docs page: Swagger UI's own files from this origin (app/docs.py), no inline script.
# Its components set style attributes, and its schema icons are data: images.
DOCS_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
# A year; sent only over https, which behind the proxy means it said X-Forwarded-Proto: https.
HSTS = "max-age=31536000; includeSubDomains"


def register_security_headers(app: Flask) -> None:
    app.after_request(_add_headers)


def _add_headers(response: Response) -> Response:
    headers = response.headers
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "no-referrer"
    headers["X-Frame-Options"] = "DENY"
    docs = request.path == DOCS_PATH or request.path.startswith(f"{DOCS_PATH}/")
    headers["Content-Security-Policy"] = DOCS_POLICY if docs else API_POLICY
    if request.path.startswith("/api/auth/"):
        # Tokens and their errors must not be kept by any cache.
        headers["Cache-Control"] = "no-store"
    if request.path.startswith("/api/"):
        # The CORS headers depend on Origin (an unlisted one gets none): caches must key on it.
        response.vary.add("Origin")
    if request.is_secure:
        headers["Strict-Transport-Security"] = HSTS
    return response
