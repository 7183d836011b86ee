"""The nightly backup at 02:00 local time (TROLY_BACKUP_DIR, TROLY_BACKUP_KEEP)."""

from __future__ import annotations

import datetime as dt

from telegram.ext import CallbackContext

from bot.context import BotApplication
from bot.services.backups import nightly_backup

BACKUP_AT = dt.time(2, 0)


async def backup_job(context: CallbackContext) -> None:  # type: ignore[type-arg]
    services = context.application.bot_data.services
    settings = services.settings
    if await nightly_backup(services.db, directory=settings.backups, keep=settings.backup_keep,
                            now_local=services.local_now(),
                            admin_ids=settings.admin_ids) is None:
        services.outbox.wake()  # the alert to the admins


def schedule_backups(application: BotApplication) -> None:
    services = application.bot_data.services
    assert services is not None
    if application.job_queue is not None:
        application.job_queue.run_daily(
            backup_job, time=BACKUP_AT.replace(tzinfo=services.settings.timezone),
            name="nightly-backup")
