"""Where the API's time goes per request: cProfile over the app itself, CPU and wall clock.

python bench/hotspots.py [ENDPOINT...]   (BENCH_PROFILE_REQUESTS, 2000 by default)
It starts what make bench starts (a seeded PostgreSQL; bench/stack.py), builds the app in this
process with the same production settings, and sends each endpoint's request through the WSGI
app that many times, one after another, under cProfile twice: with the CPU clock (what Python
computes) and with the wall clock (waiting on PostgreSQL included). It prints the top functions
by own time and by total time, the time per request, and each layer's share (breakdown.py).
make bench prints the short form (`layers`): per endpoint, CPU a request and its layers.
"""

from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

from breakdown import LAYERS, breakdown, line
from run import setting
from stack import BACKEND, LOGS, Stack, stack

TOP = 20


def requests(
    first_id: int, last_id: int, deep_cursor: str
) -> dict[str, Callable[[int], tuple[str, str, object]]]:
    span = last_id - first_id + 1
    return {
        "E1": lambda n: ("GET", f"/api/tasks/{first_id + (n * 7919) % span}", None),
        "E2a": lambda n: ("GET", "/api/tasks?page=1&per_page=20", None),
        "E2b": lambda n: ("GET", "/api/tasks?page=450&per_page=20", None),
        "E2c": lambda n: ("GET", f"/api/tasks?per_page=20&cursor={deep_cursor}", None),
        "E3": lambda n: ("POST", "/api/tasks", {"title": f"profile-{os.getpid()}-{n}"}),
    }


def app_client(
    bench: Stack,
) -> tuple[object, dict[str, str], dict[str, Callable[[int], tuple[str, str, object]]]]:
    """The API in this process (the stack's settings), the bench user's headers, the requests."""
    sys.path.insert(0, str(BACKEND))
    from app import create_app

    client = create_app().test_client()
    headers = {"Authorization": f"Bearer {bench.token}"}
    return client, headers, requests(int(bench.first_id), int(bench.last_id), bench.deep_cursor)


def layers(bench: Stack, count: int) -> dict[str, dict[str, float]]:
    """Per endpoint: CPU ms a request (unprofiled), and each layer's share of a profiled run
    (cProfile's own time by package: breakdown.py) applied to it, in ms."""
    client, headers, chosen = app_client(bench)
    found = {}
    for endpoint, make in chosen.items():
        for n in range(50):  # warm: pools, caches, compiled statements
            _send(client, headers, make(-n - 1 - 10**7))
        cpu = time.process_time()
        for n in range(count):
            _send(client, headers, make(10**7 + n))
        per_request = (time.process_time() - cpu) / count * 1000
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        for n in range(count):
            _send(client, headers, make(2 * 10**7 + n))
        profiler.disable()
        seconds = breakdown(pstats.Stats(profiler))
        total = sum(seconds.values()) or 1.0
        found[endpoint] = {"cpu_ms": per_request}
        found[endpoint].update({layer: per_request * seconds[layer] / total for layer in LAYERS})
    return found


def main() -> None:
    count = setting("BENCH_PROFILE_REQUESTS", 2000, 1, "requests per endpoint")
    shutil.rmtree(LOGS, ignore_errors=True)
    LOGS.mkdir(parents=True)
    with stack(setting("BENCH_ROWS", 10_000, 9000, "E2b reads page 450 of 20")) as bench:
        client, headers, chosen = app_client(bench)
        for endpoint in sys.argv[1:] or list(chosen):
            make = chosen[endpoint]
            for n in range(50):  # warm: pools, caches, compiled statements
                _send(client, headers, make(-n - 1))
            # Without the profiler first: its own cost per call would hide what a request costs.
            cpu, wall = time.process_time(), time.perf_counter()
            for n in range(count):
                _send(client, headers, make(10**6 + n))
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            print(
                f"\n== {endpoint}: {cpu / count * 1000:.2f} ms CPU, {wall / count * 1000:.2f} ms "
                f"wall a request, unprofiled (load average {os.getloadavg()[0]:.1f})"
            )
            for clock, timer in (("cpu", time.process_time), ("wall", time.perf_counter)):
                profiler = cProfile.Profile(timer)
                started = timer()
                profiler.enable()
                for n in range(count):
                    _send(client, headers, make(n + (2 + (clock == "wall")) * count))
                profiler.disable()
                per_request = (timer() - started) / count * 1000
                out = io.StringIO()
                stats = pstats.Stats(profiler, stream=out).strip_dirs()
                print(f"\n== {endpoint} ({clock} clock, profiled): {per_request:.2f} ms a request")
                layered = line(breakdown(pstats.Stats(profiler)), count)
                print(f"-- by layer (ms a request, profiled): {layered}")
                for key, label in (("tottime", "own"), ("cumulative", "total")):
                    out.truncate(0)
                    out.seek(0)
                    stats.sort_stats(key).print_stats(TOP)
                    lines = [x for x in out.getvalue().splitlines() if x.strip()]
                    start = next(i for i, x in enumerate(lines) if "ncalls" in x)
                    print(f"-- by {label} time")
                    print("\n".join(lines[start:]))
                stats.dump_stats(str(Path(LOGS) / f"profile-{endpoint}-{clock}.pstats"))


def _send(client: object, headers: dict[str, str], request: tuple[str, str, object]) -> None:
    method, path, body = request
    response = client.open(path, method=method, headers=headers, json=body)  # type: ignore[attr-defined]
    if response.status_code >= 300:
        sys.exit(
            f"profile: {method} {path} answered {response.status_code}: "
            f"{json.dumps(response.get_json())}"
        )


if __name__ == "__main__":
    main()
