"""Jobs run by python-telegram-bot's JobQueue (APScheduler). Jobs keep ids only and read fresh
state from the database when they fire."""

from __future__ import annotations

from bot.context import BotApplication
from scheduler.backups import schedule_backups
from scheduler.reminders import schedule_reminders
from scheduler.tickets import schedule_ticket_reminders


def schedule_jobs(application: BotApplication) -> None:
    schedule_reminders(application)
    schedule_ticket_reminders(application)
    schedule_backups(application)
