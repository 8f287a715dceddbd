"""The HTTP calls bench/run.py makes around the load: wait, register, log in, compare."""

from __future__ import annotations

import base64
import json
import sys
import time
import urllib.error
import urllib.request
from typing import Any


def call(
    url: str, *, body: Any = None, token: str | None = None
) -> tuple[int, dict[str, str], Any]:
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers=headers)  # noqa: S310  # our own servers
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status, dict(response.headers), json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.load(error)


def wait(url: str) -> None:
    """Until the server answers anything at all (a 401 or a 404 will do)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)  # noqa: S310
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"no answer from {url} within 60 s")


def register(api: str, email: str, password: str) -> None:
    user = {"email": email, "password": password, "name": "Bench User"}
    status, _, body = call(f"{api}/api/auth/register", body=user)
    if status not in (201, 409):
        sys.exit(f"register answered {status}: {body}")


def login(api: str, email: str, password: str) -> str:
    credentials = {"email": email, "password": password}
    status, _, body = call(f"{api}/api/auth/login", body=credentials)
    if status != 200:
        sys.exit(f"login answered {status}: {body}")
    token: str = body["access_token"]
    return token


def deep_cursor(api: str, token: str, row: int) -> str:
    """The cursor the API would hand out after `row` rows of the default order (-created_at):
    base64url JSON of the sort, that row's created_at and its id, as app/services/cursors.py."""
    status, _, body = call(f"{api}/api/tasks?page={row}&per_page=1", token=token)
    if status != 200 or not body["items"]:
        sys.exit(f"bench: no row {row} to put the deep cursor after ({status})")
    last = body["items"][0]
    payload = json.dumps(["-created_at", last["created_at"], last["id"]], separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).rstrip(b"=").decode()


def compare(api: str, baseline: str, token: str, task_id: str, cursor: str) -> None:
    """The baseline must answer what the API answers, or the comparison means nothing."""
    differences = []
    paths = (
        f"/api/tasks/{task_id}",
        "/api/tasks?page=1&per_page=20",
        "/api/tasks/0",
        "/api/tasks?per_page=20&cursor=",
        f"/api/tasks?per_page=20&cursor={cursor}",
    )
    for path in paths:
        expected, got = call(api + path, token=token), call(baseline + path, token=token)
        if expected[0] != got[0] or expected[1].get("ETag") != got[1].get("ETag"):
            differences.append(f"{path}: status/ETag {expected[0]} {expected[1].get('ETag')}")
            differences.append(f"  baseline: {got[0]} {got[1].get('ETag')}")
        elif expected[0] == 200 and expected[2] != got[2]:
            differences.append(f"{path}: API {json.dumps(expected[2])[:300]}")
            differences.append(f"  baseline: {json.dumps(got[2])[:300]}")
    if differences:
        print("bench: the baseline and the API answer differently:", *differences, sep="\n")
        sys.exit(1)
    print("bench: the baseline answers as the API does", file=sys.stderr)
