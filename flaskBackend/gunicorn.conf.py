"""gunicorn settings for `make serve` and the container, from the environment."""

import glob
import multiprocessing
import os
import sys
import tempfile
from typing import Any

# Prometheus metrics summed over every worker (prometheus_client's multiprocess mode): each
# worker writes its samples under this folder, whose old samples are removed at start so no
# old worker's numbers linger. It must be set before anything imports prometheus_client.
metrics_dir = os.environ.get("PROMETHEUS_MULTIPROC_DIR") or tempfile.mkdtemp(prefix="api-metrics-")
try:
    os.makedirs(metrics_dir, exist_ok=True)
    # Only the sample files: the folder may be one the operator chose, with other things in it.
    for stale in glob.glob(os.path.join(metrics_dir, "*.db")):
        os.remove(stale)
    tempfile.TemporaryFile(dir=metrics_dir).close()  # every worker will write here
except OSError as error:
    raise SystemExit(
        f"Refusing to start: PROMETHEUS_MULTIPROC_DIR: {metrics_dir} is not a writable folder"
        f" ({error.strerror})"
    ) from None
os.environ["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from prometheus_client import multiprocess  # noqa: E402

from app.kernel.logging_config import gunicorn_logconfig  # noqa: E402
from app.kernel.settings import settings_or_exit  # noqa: E402

# Bad settings stop the master here, in one line, before any worker forks (each worker would
# otherwise print its own traceback while gunicorn keeps restarting it).
settings = settings_or_exit()

wsgi_app = "app:create_app()"
bind = f"{os.environ.get('API_HOST', '0.0.0.0')}:{os.environ.get('API_PORT', '8000')}"  # noqa: S104
# Threads overlap the time a request waits on PostgreSQL; workers use the cores. Measured with
# make bench on 2 cores (2x4, 4x2, 4x4, 6x1): 4x2 and 4x4 led, within noise of each other;
# 2x4 lost a third on single-task reads. So: two workers per core, four threads each.
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", min(multiprocessing.cpu_count() * 2, 8)))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Each worker builds its own app, engine and pool after the fork: no sockets shared across it.
preload_app = False
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# SIGTERM: stop accepting, let requests in flight finish for up to this long, then exit.
graceful_timeout = 20
keepalive = 5
# The app writes one log line per request itself (JSON in production, with the request id and
# the user), so gunicorn's access log would only repeat it.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
logconfig_dict = gunicorn_logconfig(settings)
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# The control socket (gunicornc) defaults to $HOME/.gunicorn, which a container user without a
# home cannot create: an error line at every start. Nothing here uses it; signals still work.
control_socket_disable = True

# Oversized requests are refused by gunicorn before the app sees them (414 URI Too Long, 431
# Request Header Fields Too Large, as plain text):
# 8 KiB for the request line (URL and query), 100 headers of at most 8 KiB each.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190


def child_exit(server: Any, worker: Any) -> None:
    """A dead worker's live gauges (connections in use) must stop counting."""
    multiprocess.mark_process_dead(worker.pid)
