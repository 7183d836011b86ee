"""The daily planning job: at 07:30 local time, queue the reminders due today.

It also runs once a few seconds after start-up, so a bot that was down at 07:30 catches up the
same day; planning refuses outside 07:30–21:00, and the outbox's keys make a second run queue
nothing already queued.
"""

from __future__ import annotations

import datetime as dt
import logging

from telegram.ext import CallbackContext

from bot.context import BotApplication
from bot.domain.deadlines import SEND_AT
from bot.services.reminders import enqueue_due

log = logging.getLogger(__name__)


async def plan_reminders_job(context: CallbackContext) -> None:  # type: ignore[type-arg]
    services = context.application.bot_data.services
    queued = await enqueue_due(services.db, services.local_now(), services.rules)
    if queued:
        log.info("reminders: %d queued", queued)
        services.outbox.wake()


def schedule_reminders(application: BotApplication) -> None:
    services = application.bot_data.services
    assert services is not None
    queue = application.job_queue
    if queue is None:  # installed without the job-queue extra
        log.warning("no JobQueue: reminders are not scheduled")
        return
    send_at = dt.time(SEND_AT.hour, SEND_AT.minute, tzinfo=services.settings.timezone)
    queue.run_daily(plan_reminders_job, time=send_at, name="plan-reminders")
    queue.run_once(plan_reminders_job, when=5, name="plan-reminders-catch-up")
