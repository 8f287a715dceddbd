"""make bench: the API (gunicorn, production settings) against a frameworkless baseline.

bench/baseline.py answers the same requests with the same SQL through a psycopg pool; wrk loads
each in turn on a PostgreSQL cluster of the bench's own (normal durability, deleted afterwards).
    BENCH_ROWS     tasks seeded for the one user (10000; 1000000 for the big run)
    BENCH_SECONDS  length of each measured run (5), after a BENCH_WARMUP (2) second warm-up
    BENCH_ROUNDS   runs per endpoint and server (3), the two servers taking turns; the table
                   shows each server's median run, so a burst of load elsewhere on the machine
                   moves one run, not the figure, and how far the API's runs spread
    BENCH_PROFILE_REQUESTS  requests per endpoint for the profile under the table (300): the
                   API in this process, its CPU per request and the layers it goes to
The table goes to the terminal, and as JSON and a PNG chart to bench/results/; wrk's raw output
and the servers' logs to .run/bench/. scripts/bench.sh installs wrk and the packages first.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import secrets
import shutil
import subprocess
import sys

from report import main as report
from stack import BENCH, LOGS, ROOT, stack

# A slow answer is measured, not dropped: wrk's 2 s default would count it as an error and
# leave it out of the percentiles. wrk runs on core 1 of two, so it takes less from the servers.
WRK = [*(["taskset", "-c", "1"] if (os.cpu_count() or 1) >= 2 else []), "wrk", "-t2", "-c32"]
WRK += ["--timeout", "10s"]
# Each endpoint on both servers in turn, BENCH_ROUNDS times; creates last, so every read sees
# the same rows.
# E2c is the keyset (cursor) mode, a slice deep in the list: 1,000 rows before its end.
ENDPOINTS = [
    ("E1", "/api/tasks/1", "get_task.lua"),
    ("E2a", "/api/tasks?page=1&per_page=20", "common.lua"),
    ("E2b", "/api/tasks?page=450&per_page=20", "common.lua"),
    ("E2c", "/api/tasks?per_page=20&cursor={deep_cursor}", "common.lua"),
    ("E3", "/api/tasks", "create_task.lua"),
]


def setting(name: str, default: int, minimum: int, why: str) -> int:
    value = os.environ.get(name, str(default))
    if not value.isdigit() or int(value) < minimum:
        sys.exit(f"bench: {name} must be a whole number, at least {minimum} ({why})")
    return int(value)


def main() -> None:
    rows = setting("BENCH_ROWS", 10_000, 9000, "E2b reads page 450 of 20")
    seconds = setting("BENCH_SECONDS", 5, 1, "seconds")
    warmup = setting("BENCH_WARMUP", 2, 1, "seconds")
    rounds = setting("BENCH_ROUNDS", 3, 1, "runs per endpoint and server")
    # Other busy processes skew every figure: the table shows how busy the machine was.
    load_before = round(os.getloadavg()[0], 2)
    shutil.rmtree(LOGS, ignore_errors=True)
    LOGS.mkdir(parents=True)
    with stack(rows) as bench:
        urls, token, first, last = bench.urls, bench.token, bench.first_id, bench.last_id
        workers, threads = bench.config["workers"], bench.config.get("threads", 1)
        worker_class = bench.config.get("worker_class", "sync")
        os.environ.update(BENCH_TOKEN=token, BENCH_TASK_MIN=first, BENCH_TASK_MAX=last)
        run_id = f"{int(dt.datetime.now().timestamp())}-{secrets.randbelow(10**6)}"
        runs = LOGS / "runs.jsonl"
        for endpoint, path, script in ENDPOINTS:
            path = path.format(deep_cursor=bench.deep_cursor)  # noqa: PLW2901
            lua = str(BENCH / "wrk" / script)
            for round_ in range(rounds):
                for server, url in urls.items():
                    print(
                        f"bench: {endpoint} on the {server} ({seconds}s, round {round_ + 1} "
                        f"of {rounds})...",
                        file=sys.stderr,
                    )
                    tag = f"{server}-{run_id}-{round_}"  # unique titles for the creates
                    if round_ == 0:
                        subprocess.run(
                            [*WRK, f"-d{warmup}s", "-s", lua, url + path, "--", f"warmup-{tag}"],
                            stdout=subprocess.DEVNULL,
                            check=True,
                        )
                    output = subprocess.check_output(
                        [*WRK, f"-d{seconds}s", "--latency", "-s", lua, url + path, "--", tag],
                        text=True,
                    )
                    with open(LOGS / "wrk.log", "a") as log:
                        log.write(f"== {server} {endpoint} round {round_ + 1}\n{output}\n")
                    found = re.search(r"^BENCH_RESULT (\{.*\})$", output, re.MULTILINE)
                    if not found:
                        sys.exit("bench: no result from wrk: see .run/bench/wrk.log")
                    result = {"server": server, "endpoint": endpoint, "round": round_}
                    with open(runs, "a") as out:
                        out.write(json.dumps({**result, **json.loads(found[1])}) + "\n")
        # Where each endpoint's CPU goes, in this process: the summary under the table.
        from hotspots import layers  # noqa: PLC0415 - hotspots imports this module itself

        print("bench: each endpoint profiled in-process...", file=sys.stderr)
        profile = layers(bench, setting("BENCH_PROFILE_REQUESTS", 300, 1, "requests"))

    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    meta = {
        "rows": rows,
        "seconds": seconds,
        "rounds": rounds,
        "warmup": warmup,
        "connections": 32,
        "wrk_threads": 2,
        "workers": workers,
        "threads": threads,
        "worker_class": worker_class,
        "cores": os.cpu_count(),
        "load_before": load_before,
        "commit": commit.stdout.strip() or "unknown",
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "layers": profile,
    }
    (LOGS / "meta.json").write_text(json.dumps(meta))
    print(file=sys.stderr)
    report(str(runs), str(LOGS / "meta.json"), str(BENCH / "results"))


if __name__ == "__main__":
    main()
