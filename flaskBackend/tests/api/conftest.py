"""Fixtures of the API tests beyond the shared ones: a real SMTP server per test, and the
queued jobs run in-process (the mail goes out in jobs)."""

from tests.jobs.runner import job_queue, jobs
from tests.mail_sink import mail_server_down, mail_sink

__all__ = ["job_queue", "jobs", "mail_server_down", "mail_sink"]
