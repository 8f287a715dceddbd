"""gunicorn settings for `make serve` and the container, from the environment."""

import multiprocessing
import os

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
graceful_timeout = 20
keepalive = 5
# The most gunicorn allows (default 4094): a longer URL (a long `q`) then reaches the app and
# gets its problem+json 422, not gunicorn's own HTML 414.
limit_request_line = 8190
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
