"""ETag and If-Match, for resources that carry a version number."""

from __future__ import annotations

from typing import Any, Protocol

from flask import request
from werkzeug.http import quote_etag


class Versioned(Protocol):
    version: int


def etag_of(resource: Versioned) -> str:
    return quote_etag(str(resource.version))


def if_match_versions() -> frozenset[int] | None:
    """The versions If-Match accepts; None when the header is absent or '*'."""
    if_match = request.if_match
    if not if_match or if_match.star_tag:
        return None
    # A tag that is not one of our version numbers can never match: the caller gets a 412.
    tags = (tag for tag in if_match.as_set() if tag)  # an empty tag ("") parses as None
    return frozenset(int(tag) for tag in tags if tag.isdigit() and len(tag) < 19)


def if_match_parameter(noun: str) -> dict[str, Any]:
    """The OpenAPI entry of If-Match, naming the resource it documents."""
    return {
        "in": "header",
        "name": "If-Match",
        "required": False,
        "schema": {"type": "string"},
        "description": f"The ETag you last saw; it fails with 412 if the {noun} changed since.",
    }


def etag_header(noun: str) -> dict[str, Any]:
    return {
        "description": f"The version of the {noun}; send it back in If-Match.",
        "schema": {"type": "string"},
    }
