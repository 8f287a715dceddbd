"""The app's folders: the kernel, accounts, and one folder per resource (app/tasks/, ...).

Each folder keeps its layers as modules (model.py, ..., controller.py) or, when it has several
of a kind, as packages (models/, ..., controllers/). Importing them here is what makes a new
resource folder part of the app: its tables reach Alembic and its blueprint is served, with
no list to add it to. Deleting the folder (and migrating) removes it again.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path
from types import ModuleType

from app.kernel.api import Blueprint
from app.kernel.models.base import Base

APP = Path(__file__).parent


def feature_names() -> list[str]:
    """Every package directly under app/, in order: kernel and accounts first, then resources."""
    found = sorted(m.name for m in pkgutil.iter_modules([str(APP)]) if m.ispkg)
    return sorted(found, key=lambda name: (name not in ("kernel", "accounts"), name))


def layer_modules(layer: str) -> list[ModuleType]:
    """The modules of one layer ("model", "controller", ...) in every folder: `layer`.py, or
    every module of the package `layer`s/."""
    modules = []
    for feature in feature_names():
        folder = APP / feature
        if (folder / f"{layer}.py").exists():
            modules.append(importlib.import_module(f"app.{feature}.{layer}"))
        elif (folder / f"{layer}s").is_dir():
            package = f"app.{feature}.{layer}s"
            for found in pkgutil.iter_modules([str(folder / f"{layer}s")]):
                modules.append(importlib.import_module(f"{package}.{found.name}"))
    return modules


def load_models() -> type[Base]:
    """Import every model, so Base.metadata holds every table (Alembic, the tests)."""
    layer_modules("model")
    return Base


def blueprints() -> list[Blueprint]:
    """The blueprint (`blp`) of every controller module. Every model is imported first: a
    schema is derived from its model's columns, and a reference's column takes its type from
    the table it points at (books.category_id from categories.id), which must be known."""
    load_models()
    return [
        m.blp for m in layer_modules("controller") if isinstance(getattr(m, "blp", None), Blueprint)
    ]
