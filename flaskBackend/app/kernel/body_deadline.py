"""A deadline for reading a request's body, so a client that sends less than its Content-Length
(slowly, or never) frees the worker thread with a 408 instead of holding it until it leaves.

gunicorn's threaded workers read the body on the request's own thread and give that read no
time limit; a few dozen stalled uploads would hold every thread (the API port is exposed
directly by make serve). gunicorn hands the app its client socket as environ["gunicorn.socket"]:
each read of the body gets what is left of the deadline as the socket's timeout. Other servers
(flask run, the tests' client) have no such key and are left alone.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from werkzeug.exceptions import RequestTimeout

WSGIApp = Callable[[dict[str, Any], Any], Iterable[bytes]]


class BodyDeadline:
    """WSGI middleware: the whole body must arrive within `seconds` of the first read."""

    def __init__(self, app: WSGIApp, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        client = environ.get("gunicorn.socket")
        if isinstance(client, socket.socket):
            environ["wsgi.input"] = DeadlineInput(environ["wsgi.input"], client, self.seconds)
        return self.app(environ, start_response)


class DeadlineInput:
    """wsgi.input whose reads stop at the deadline with RequestTimeout (408 problem+json)."""

    def __init__(self, stream: IO[bytes], client: socket.socket, seconds: float) -> None:
        self.stream = stream
        self.client = client
        self.seconds = seconds
        self.deadline: float | None = None  # starts at the first read: the app may never read

    def read(self, size: int = -1) -> bytes:
        return self._before_deadline(self.stream.read, size)

    def readline(self, size: int = -1) -> bytes:
        return self._before_deadline(self.stream.readline, size)

    def readlines(self, hint: int | None = None) -> list[bytes]:
        return list(iter(self.readline, b""))

    def __iter__(self) -> Iterator[bytes]:
        return iter(self.readline, b"")

    def _before_deadline(self, read: Callable[[int], bytes], size: int) -> bytes:
        if self.deadline is None:
            self.deadline = time.monotonic() + self.seconds
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise RequestTimeout("The request body did not arrive in time.")
        self.client.settimeout(left)
        try:
            return read(size)
        except TimeoutError:
            raise RequestTimeout("The request body did not arrive in time.") from None
        finally:
            self.client.settimeout(None)  # gunicorn's own blocking mode for the response
