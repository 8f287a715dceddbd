"""Controllers: HTTP only. Parse, call one service method, serialise.

Every module here with a `blp` is registered: adding a resource's controller is enough.
"""

import importlib
import pkgutil

from app.api import Blueprint


def blueprints() -> list[Blueprint]:
    names = sorted(module.name for module in pkgutil.iter_modules(__path__))
    modules = [importlib.import_module(f"{__name__}.{name}") for name in names]
    return [m.blp for m in modules if isinstance(getattr(m, "blp", None), Blueprint)]
