"""The application factory: nothing exists until create_app() builds it."""

from __future__ import annotations

from collections.abc import Sequence

from flask import Flask
from flask_cors import CORS
from opentelemetry.sdk.trace import TracerProvider
from werkzeug.middleware.proxy_fix import ProxyFix

from app import accounts
from app.cli import register_commands
from app.features import blueprints
from app.kernel.api import Api, Blueprint
from app.kernel.body_deadline import BodyDeadline
from app.kernel.composition import end_unit_of_work
from app.kernel.controllers.access import BEARER_SCHEME
from app.kernel.database import Database
from app.kernel.docs import ASSETS_URL
from app.kernel.docs import blueprint as docs_assets
from app.kernel.errors import register_errorhandlers
from app.kernel.json_provider import JsonProvider
from app.kernel.logging_config import configure_logging
from app.kernel.metrics import register_metrics
from app.kernel.rate_limits import init_limiter, limiter_config
from app.kernel.security_headers import register_security_headers
from app.kernel.settings import AppEnv, Settings
from app.kernel.tracing import exporting_tracer_provider, register_tracing, tracing_configured


def create_app(
    settings: Settings | None = None,
    *,
    database: Database | None = None,
    tracer_provider: TracerProvider | None = None,
    extra_blueprints: Sequence[Blueprint] = (),
) -> Flask:
    """Build the app. Settings default to the environment; tests may pass their own database,
    a tracer provider (tracing is otherwise on only when OTEL_* variables configure it) and
    blueprints to serve beside the app's (the tests' own resource, tests/notes/)."""
    settings = settings or Settings.from_env()
    database = database or Database.connect(settings)
    app = Flask(__name__)
    app.json = JsonProvider(app)
    if settings.proxy_count:
        # Behind N trusted proxies, the client address (for rate limits) is in X-Forwarded-For.
        n = settings.proxy_count
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)  # type: ignore[method-assign]
    app.wsgi_app = BodyDeadline(app.wsgi_app, settings.request_body_timeout)  # type: ignore[method-assign]
    app.config.from_mapping(_flask_config(settings))
    configure_logging(app, settings)
    register_extensions(app, settings, database)
    register_metrics(app, database.engine)
    if tracer_provider is None and tracing_configured():
        tracer_provider = exporting_tracer_provider()
    if tracer_provider is not None:
        register_tracing(app, database.engine, tracer_provider)
    register_errorhandlers(app)
    register_security_headers(app)
    register_blueprints(app, extra_blueprints)
    register_commands(app)
    app.teardown_appcontext(end_unit_of_work)
    return app


def _flask_config(settings: Settings) -> dict[str, object]:
    return {
        # No Flask SECRET_KEY: the API keeps no cookie session (who calls is the bearer token's
        # business, and the refresh cookie is the auth service's), and without a key Flask skips
        # building a session signer on every request. Tokens are signed with settings.secret_key.
        "TESTING": settings.app_env is AppEnv.TEST,
        "MAX_CONTENT_LENGTH": settings.max_content_length,
        # Errors always become problem+json responses, even in tests and debug mode.
        "PROPAGATE_EXCEPTIONS": False,
        # Shared by every worker: Redis when given, otherwise the app's own PostgreSQL.
        **limiter_config(settings.ratelimit_storage_uri or settings.database_url),
        "API_TITLE": "Flask Template API",
        "API_VERSION": "1.0.0",
        "OPENAPI_VERSION": "3.1.0",
        "OPENAPI_URL_PREFIX": "/api",
        "OPENAPI_JSON_PATH": "openapi.json",
        "OPENAPI_SWAGGER_UI_PATH": "/docs",
        "OPENAPI_SWAGGER_UI_URL": ASSETS_URL,
    }


def register_extensions(app: Flask, settings: Settings, database: Database) -> None:
    app.extensions["settings"] = settings
    accounts.init_app(app, settings)
    database.init_app(app)
    init_limiter(app)
    # Credentials are allowed so a browser on an allowed origin can send the auth cookie.
    CORS(
        app,
        resources={r"/api/*": {"origins": list(settings.cors_origins)}},
        supports_credentials=True,
    )


def register_blueprints(app: Flask, extra: Sequence[Blueprint] = ()) -> None:
    api = Api(app)
    api.spec.components.security_scheme("bearerAuth", BEARER_SCHEME)
    for blueprint in [*blueprints(), *extra]:
        api.register_blueprint(blueprint)
    app.register_blueprint(docs_assets)
