"""register(): the five standard endpoints of a resource, any of which it can leave out."""

from __future__ import annotations

import pytest
from flask import Flask

from app.kernel.api import Api, Blueprint
from app.kernel.controllers.owned import register
from tests.notes.controller import resource


def served(skip: set[str]) -> set[tuple[str, str]]:
    app = Flask(__name__)
    app.config.update(API_TITLE="t", API_VERSION="1", OPENAPI_VERSION="3.1.0")
    blp = Blueprint("notes", __name__, url_prefix="/api/things")
    register(blp, resource, skip=skip)
    Api(app).register_blueprint(blp)
    return {
        (method, rule.rule.rsplit("/", 1)[-1] if "<" in rule.rule else "")
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api/things")
        for method in rule.methods or ()
        if method not in {"HEAD", "OPTIONS"}
    }


def test_every_standard_endpoint_is_served_by_default() -> None:
    item = "<int(max=2147483647):note_id>"
    assert served(set()) == {
        ("GET", ""),
        ("POST", ""),
        ("GET", item),
        ("PATCH", item),
        ("DELETE", item),
    }


def test_skipped_endpoints_are_left_out_and_the_others_kept() -> None:
    item = "<int(max=2147483647):note_id>"
    assert served({"delete", "create"}) == {("GET", ""), ("GET", item), ("PATCH", item)}


def test_an_unknown_name_to_skip_is_refused() -> None:
    with pytest.raises(ValueError, match="remove"):
        served({"remove"})
