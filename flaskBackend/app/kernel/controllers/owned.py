"""The five endpoints of a resource, declared once: list, create, get, change, delete.

A resource's controller names its blueprint, service and schemas; this builds the two views
(`Plural` and `SingularById`) with their documentation, so the decorator stacks are not copied.

To write one of the five yourself, leave it out and route your own view on the same blueprint
and URL (other endpoints of your own go on the blueprint as well: see app/tasks/controller.py):

    register(blp, resource, skip={"delete"})

    @blp.route(f"/<{ID_CONVERTER}:book_id>", endpoint="DeleteBook")
    class DeleteBook(MethodView):
        @login_required
        @blp.response(204)
        def delete(self, book_id: int) -> None: ...
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, Generic

from flask import Response, jsonify, request, url_for
from flask.views import MethodView
from marshmallow import Schema

from app.kernel.api import Blueprint
from app.kernel.composition import service as build
from app.kernel.controllers.access import caller, login_required
from app.kernel.controllers.versions import (
    Versioned,
    etag_header,
    etag_of,
    if_match_parameter,
    if_match_versions,
)
from app.kernel.models.row import Row
from app.kernel.models.shared import Shared
from app.kernel.schemas.pagination import slice_schema_of
from app.kernel.services.pagination import Listing
from app.kernel.services.rows import Patch, RowService, RowT

ID_CONVERTER = "int(max=2147483647)"  # PostgreSQL's integer: a larger id is a 404, not a 500


@dataclass(frozen=True, slots=True)
class Resource(Generic[RowT]):
    noun: str  # "task": one row, in snake_case
    service: type[RowService[RowT]]  # an OwnedService or a SharedService
    row: type[Schema]  # what a client gets back
    new: type[Schema]  # the body of a create; loads an unsaved row
    changes: type[Schema]  # the body of a change; loads a Patch
    list_args: type[Schema]  # the query of a list; loads a Listing
    page: type[Schema]
    list_description: str = "Sort by any listed field and page through the results."

    @property
    def model(self) -> type[Row]:
        model: type[Row] = getattr(self.new, "opts").model  # noqa: B009
        return model


def camel(snake: str) -> str:
    return "".join(word.capitalize() for word in snake.split("_"))


STANDARD = frozenset({"list", "create", "get", "update", "delete"})


def register(blp: Blueprint, resource: Resource[Any], *, skip: Collection[str] = ()) -> None:
    """Add the five standard endpoints of `resource` to `blp`, under its url_prefix, but those
    named in `skip` ("list", "create", "get", "update", "delete")."""
    unknown = set(skip) - STANDARD
    if unknown:
        raise ValueError(f"register(skip=...): no standard endpoint {sorted(unknown)}")
    noun, one = resource.noun, camel(resource.noun)

    def service() -> RowService[Any]:
        return build(resource.service)

    def admins_only(view: Any) -> Any:
        """Documents a shared resource's 403: only administrators write its rows."""
        if not issubclass(resource.model, Shared):
            return view
        forbidden = f"Only administrators create, change or delete {blp.name.replace('_', ' ')}."
        return blp.alt_response(403, response="FORBIDDEN", description=forbidden)(view)

    text = noun.replace("_", " ")
    etag = {"ETag": etag_header(text)}
    stale = {
        "response": "PRECONDITION_FAILED",
        "description": f"The {text} changed since you read it.",
    }
    missing = {"response": "NOT_FOUND", "description": f"No such {text}."}
    conflict = {"response": "CONFLICT", "description": f"Another {text} has this value."}
    by_id = f"{one}ById"
    id_name = f"{noun}_id"
    # A numbered page, or with ?cursor= a keyset slice: the 200 is one of the two envelopes.
    slice_class = slice_schema_of(resource.page)
    page_schema, slice_schema = resource.page(), slice_class()

    class Collection(MethodView):
        @login_required
        @blp.doc(
            operationId=f"list{camel(blp.name)}",
            summary=f"List {blp.name.replace('_', ' ')}",
            description=resource.list_description
            + " `total` counts every match. For long lists, page with `cursor` instead of `page`:"
            " each slice then costs the same however deep, and has no `total`.",
        )
        @blp.arguments(resource.list_args(), location="query")
        @blp.response(200, {"oneOf": [resource.page, slice_class]})
        def get(self, query: Listing) -> Response:
            if query.cursor is None:
                return jsonify(page_schema.dump(service().list(caller(), query)))
            found = service().list_by_cursor(caller(), query)
            following = None
            if found.next_cursor is not None:
                args: dict[str, Any] = {**request.args.to_dict(flat=False)}
                args["cursor"] = found.next_cursor
                following = url_for(f"{blp.name}.{camel(blp.name)}", **args)
            envelope = {
                "items": found.items,
                "per_page": found.per_page,
                "next_cursor": found.next_cursor,
                "next": following,
            }
            return jsonify(slice_schema.dump(envelope))

        @login_required
        @blp.doc(operationId=f"create{one}", summary=f"Create a {text}")
        @blp.arguments(resource.new())
        @blp.response(
            201,
            resource.row,
            headers={
                "Location": {
                    "description": f"URL of the new {text}.",
                    "schema": {"type": "string"},
                },
                **etag,
            },
        )
        @blp.alt_response(409, **conflict)
        @admins_only
        def post(self, row: Row) -> tuple[Row, dict[str, str]]:
            created = service().create(caller(), row)
            location = url_for(f"{blp.name}.{by_id}", **{id_name: created.id})
            return created, {"Location": location, "ETag": etag_of(created)}

    class Item(MethodView):
        @login_required
        @blp.doc(operationId=f"get{one}", summary=f"Get a {text}")
        @blp.response(200, resource.row, headers=etag)
        @blp.alt_response(404, **missing)
        def get(self, **path: int) -> tuple[Versioned, dict[str, str]]:
            row = service().get(caller(), path[id_name])
            return row, {"ETag": etag_of(row)}

        @login_required
        @blp.doc(
            operationId=f"update{one}",
            parameters=[if_match_parameter(text)],
            summary=f"Change some fields of a {text}",
            description="Only the fields you send change. Send the ETag you read in If-Match "
            "to be sure you do not overwrite someone else's change.",
        )
        @blp.arguments(resource.changes())
        @blp.response(200, resource.row, headers=etag)
        @blp.alt_response(404, **missing)
        @blp.alt_response(409, **conflict)
        @blp.alt_response(412, **stale)
        @admins_only
        def patch(self, changes: Patch[Row], **path: int) -> tuple[Row, dict[str, str]]:
            versions = if_match_versions()
            row = service().update(caller(), path[id_name], changes, if_version_in=versions)
            return row, {"ETag": etag_of(row)}

        @login_required
        @blp.doc(
            operationId=f"delete{one}",
            parameters=[if_match_parameter(text)],
            summary=f"Delete a {text}",
        )
        @blp.response(204)
        @blp.alt_response(404, **missing)
        @blp.alt_response(409, response="CONFLICT", description=f"Other rows refer to the {text}.")
        @blp.alt_response(412, **stale)
        @admins_only
        def delete(self, **path: int) -> None:
            service().delete(caller(), path[id_name], if_version_in=if_match_versions())

    kept = {
        "list": (Collection, "get"),
        "create": (Collection, "post"),
        "get": (Item, "get"),
        "update": (Item, "patch"),
        "delete": (Item, "delete"),
    }
    views = {Collection: ("", camel(blp.name)), Item: (f"/<{ID_CONVERTER}:{id_name}>", by_id)}
    for view, (url, endpoint) in views.items():
        methods = {
            verb: getattr(view, verb)
            for name, (owner, verb) in kept.items()
            if owner is view and name not in skip
        }
        if methods:  # a view class of just the methods kept (MethodView reads them at creation)
            blp.route(url, endpoint=endpoint)(type(view.__name__, (MethodView,), methods))
