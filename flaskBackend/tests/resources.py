"""What every resource's tests share: its URL and Resource, a valid body, how its values are
written in JSON and in a query string. Used by owned_contract.py and shared_contract.py."""

from __future__ import annotations

import enum
import functools
from typing import Any

from app.kernel.api import Blueprint
from app.kernel.controllers.owned import Resource
from app.kernel.models.row import Row
from app.kernel.repositories.rows import RowRepository
from devtools.resources import served_resources
from tests.factories import factory_for
from tests.notes import controller as notes

PROBLEM = "application/problem+json"
LIST_ARGUMENTS = {"page", "per_page", "sort", "search", "cursor"}  # the rest filter by a column


def resources_served() -> list[tuple[Blueprint, Resource[Any]]]:
    """Every resource the tests' app serves: the app's, and the tests' own (tests/notes/)."""
    return [*served_resources(), (notes.blp, notes.resource)]


@functools.cache
def resource(model: type[Row]) -> tuple[str, Resource[Any]]:
    """The resource's URL and its Resource."""
    blp, found = next((b, r) for b, r in resources_served() if r.model is model)
    return str(blp.url_prefix), found


def body_for(model: type[Row], **fields: object) -> dict[str, Any]:
    """A valid create body: the factory's row, dumped by the create schema. Rows it refers to
    are created: owned ones by the default owner (the logged-in test user)."""
    body: dict[str, Any] = resource(model)[1].new().dump(factory_for(model).build(**fields))
    return body


def json_value(value: object) -> object:
    return value.value if isinstance(value, enum.Enum) else value


def query_value(value: object) -> str:
    """How a column's value is written in a query string."""
    return str(value).lower() if isinstance(value, bool) else str(json_value(value))


def filters_of(model: type[Row]) -> list[str]:
    """The columns a list filters by: every list argument that is one of model's columns."""
    arguments = resource(model)[1].list_args().fields
    return [name for name in arguments if name not in LIST_ARGUMENTS and name in model.__table__.c]


def in_list_order(rows: list[Any], field: str, descending: bool) -> list[int]:
    """The ids in the order a list sorted by field must give: nulls last, then by id."""
    present = sorted(
        (r for r in rows if getattr(r, field) is not None),
        key=lambda r: (getattr(r, field), r.id),
        reverse=descending,
    )
    return [r.id for r in present] + sorted(
        (r.id for r in rows if getattr(r, field) is None), reverse=descending
    )


def repository_of(model: type[Row]) -> type[RowRepository[Any]]:
    """The repository class behind the resource's service."""
    repository: type[RowRepository[Any]] = getattr(resource(model)[1].service, "repository")  # noqa: B009
    return repository


def unique_of(model: type[Row]) -> tuple[str, ...]:
    """The fields the model's unique constraints keep unique (per owner, for an owned row), one
    field at a time: the one declaration of each uniqueness rule."""
    return tuple(fields[0] for fields in model.unique_fields().values() if len(fields) == 1)
