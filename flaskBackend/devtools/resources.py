"""The resources (owned and shared) the app serves, for the tests and the generator: the app
itself needs no list.

Each resource's controller module has a `blp` and a `resource` (the `Resource` it registered):
they are found the way the app finds its blueprints (app/features.py).
"""

from __future__ import annotations

from typing import Any

from app.features import layer_modules, load_models
from app.kernel.api import Blueprint
from app.kernel.controllers.owned import Resource


def served_resources() -> list[tuple[Blueprint, Resource[Any]]]:
    load_models()  # first, as blueprints() does: authors.genre_id takes its type from genres.id
    return [
        (module.blp, module.resource)
        for module in layer_modules("controller")
        if isinstance(getattr(module, "resource", None), Resource)
    ]
