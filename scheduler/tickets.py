"""Hourly, within working hours: nudge support groups about questions left 2 working days."""

from __future__ import annotations

import logging

from telegram.ext import CallbackContext

from bot.context import BotApplication
from bot.domain.deadlines import may_send_at

log = logging.getLogger(__name__)


async def remind_tickets_job(context: CallbackContext) -> None:  # type: ignore[type-arg]
    from handlers.support import remind_stale_tickets

    services = context.application.bot_data.services
    if may_send_at(services.local_now().time()):
        nudged = await remind_stale_tickets(services)
        if nudged:
            log.info("tickets: %d support groups nudged", nudged)


def schedule_ticket_reminders(application: BotApplication) -> None:
    if application.job_queue is not None:
        application.job_queue.run_repeating(remind_tickets_job, interval=3600, first=60,
                                            name="ticket-reminders")
