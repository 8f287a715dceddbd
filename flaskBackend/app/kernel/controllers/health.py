"""Liveness and readiness probes for orchestrators and load balancers."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView

from app.kernel.api import Blueprint
from app.kernel.composition import readiness_service
from app.kernel.rate_limits import store_answers
from app.kernel.schemas.health import HealthSchema, ReadinessSchema

blp = Blueprint("health", __name__, url_prefix="/api/health", description="Is the service up?")


@blp.route("")
class Liveness(MethodView):
    @blp.doc(operationId="getHealth")
    @blp.response(200, HealthSchema)
    def get(self) -> Any:
        """Is the process up?"""
        return {"status": "ok"}


@blp.route("/ready")
class Readiness(MethodView):
    @blp.doc(operationId="getReadiness")
    @blp.response(200, ReadinessSchema)
    @blp.alt_response(
        503, response="SERVICE_UNAVAILABLE", description="The database is not answering."
    )
    def get(self) -> Any:
        """Can the service answer requests?

        200 only when the database answers; 503 otherwise, quickly. `rate_limits` says whether
        the rate-limit store answers too (it is not needed to serve: without it each process
        keeps its own counts).
        """
        readiness_service().check()
        return {"status": "ok", "rate_limits": "shared" if store_answers() else "per-process"}
