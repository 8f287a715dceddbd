"""The kernel's own jobs: the nightly backup, and running again the jobs of a dead worker."""

from __future__ import annotations

import logging

import procrastinate
from procrastinate.manager import JobManager

from app.kernel.backups import backup
from app.kernel.composition import current_settings
from app.kernel.settings import Settings
from app.kernel.worker import SCHEDULED

log = logging.getLogger(__name__)
# A worker that sent no heartbeat for this long is dead (killed, or its machine gone).
STALLED_AFTER_SECONDS = 60


def register(queue: procrastinate.App, settings: Settings) -> None:
    # A queueing lock: however many workers run the schedule, one job of each waits at a time.
    nightly = queue.task(
        name="kernel.backup_database", queueing_lock="kernel.backup_database", queue=SCHEDULED
    )
    queue.periodic(cron=settings.backup_schedule)(nightly(backup_database))
    stalled = queue.task(
        name="kernel.retry_stalled_jobs",
        queueing_lock="kernel.retry_stalled_jobs",
        pass_context=True,
        queue=SCHEDULED,
    )
    queue.periodic(cron="* * * * *")(stalled(retry_stalled_jobs))


def backup_database(timestamp: int) -> None:
    """BACKUP_SCHEDULE: what `make backup` does, into BACKUP_DIR, keeping BACKUP_KEEP dumps."""
    settings = current_settings()
    written = backup(settings.database_url, settings.backup_dir, settings.backup_keep)
    log.info("backup written to %s", written)


async def retry_stalled_jobs(context: procrastinate.JobContext, timestamp: int) -> None:
    """Every minute: the jobs of workers that died mid-job go back to the queue."""
    await requeue_stalled(context.app.job_manager, STALLED_AFTER_SECONDS)


async def requeue_stalled(manager: JobManager, seconds_since_heartbeat: float) -> int:
    """A job whose worker died mid-way (SIGKILL, a lost machine) goes back to the queue."""
    stalled = list(await manager.get_stalled_jobs(seconds_since_heartbeat=seconds_since_heartbeat))
    for job in stalled:
        log.warning("job %s (%s) of a dead worker goes back to the queue", job.id, job.task_name)
        await manager.retry_job(job)
    return len(stalled)
