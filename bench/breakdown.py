"""Where a request's CPU goes, by layer: a cProfile's own time per function, summed by package.

Each function's own time goes to the layer of the package it is written in (FRAMEWORK ...
DRIVER below); a built-in (`len`, a socket's `recv`, a C accelerator) has no package, so its
time goes to the functions that called it, in proportion to the calls each made. marshmallow
both validates and serialises: its loading functions count as validation, the rest as
serialisation. "app" is this template's own code; "other" the standard library's.
"""

from __future__ import annotations

import pstats
from collections import defaultdict

LAYERS = ("framework", "validation", "ORM/Core", "driver", "serialisation", "app", "other")
PACKAGES = {
    "ORM/Core": ("/sqlalchemy/",),
    "driver": ("/psycopg/", "/psycopg_pool/", "/psycopg_binary/", "/psycopg_c/"),
    "validation": ("/webargs/", "/marshmallow_sqlalchemy/"),
    "serialisation": ("/json/", "/flask/json/"),
    "framework": (
        "/flask/",
        "/werkzeug/",
        "/flask_smorest/",
        "/flask_cors/",
        "/flask_limiter/",
        "/limits/",
        "/prometheus_client/",
        "/jwt/",
        "/cryptography/",
        "/blinker/",
        "/logging/",
    ),
}
LOADING = ("load", "deserial", "valid", "_run_validator", "_invoke_field_validators", "pre_load")


def layer_of(filename: str, function: str) -> str:
    if "/marshmallow/" in filename:
        return "validation" if any(word in function for word in LOADING) else "serialisation"
    for layer, folders in PACKAGES.items():
        if any(folder in filename for folder in folders):
            return layer
    if "/flaskBackend/app/" in filename:
        return "app"
    return "other"


def breakdown(stats: pstats.Stats) -> dict[str, float]:
    """Seconds of own time per layer, over everything the profile recorded."""
    table = stats.stats  # type: ignore[attr-defined]  # pstats' documented raw data
    seconds: dict[str, float] = defaultdict(float)
    for (filename, _, function), (_, _, own, _, callers) in table.items():
        if filename != "~":
            seconds[layer_of(filename, function)] += own
            continue
        calls = {caller: entry[0] for caller, entry in callers.items()}
        total = sum(calls.values()) or 1
        for (caller_file, _, caller_function), count in calls.items():
            layer = "other" if caller_file == "~" else layer_of(caller_file, caller_function)
            seconds[layer] += own * count / total
    return {layer: seconds.get(layer, 0.0) for layer in LAYERS}


def line(seconds: dict[str, float], requests: int) -> str:
    """One line: each layer's ms per request and share of the total."""
    total = sum(seconds.values()) or 1.0
    parts = [
        f"{layer} {seconds[layer] / requests * 1000:.2f} ({seconds[layer] / total:.0%})"
        for layer in LAYERS
    ]
    return ", ".join(parts)
