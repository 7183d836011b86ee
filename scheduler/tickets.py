"""Hourly, within working hours: nudge about questions left 2 working days without an answer,
in their support group or to the officers who received them, through the outbox."""

from __future__ import annotations

import logging

from telegram.ext import CallbackContext

from bot.context import BotApplication, Services
from bot.domain.deadlines import may_send_at
from bot.services.handoff import nudge_stale

log = logging.getLogger(__name__)


async def remind_stale_tickets(services: Services) -> int:
    """Queue the nudges due now; returns how many questions were nudged."""
    if not may_send_at(services.local_now().time()):
        return 0
    nudged = await nudge_stale(services.db, services.clock(), services.settings.admin_ids)
    if nudged:
        log.info("tickets: %d questions nudged", nudged)
        services.outbox.wake()
    return nudged


async def remind_tickets_job(context: CallbackContext) -> None:  # type: ignore[type-arg]
    await remind_stale_tickets(context.application.bot_data.services)


def schedule_ticket_reminders(application: BotApplication) -> None:
    if application.job_queue is not None:
        application.job_queue.run_repeating(remind_tickets_job, interval=3600, first=60,
                                            name="ticket-reminders")
