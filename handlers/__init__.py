"""Telegram adapters, one module per feature, registered in one ordered list.

Order matters: python-telegram-bot runs the first matching handler of a group, so features
come before the fallback that answers whatever nobody else understood.
"""

from __future__ import annotations

from bot.context import BotApplication
from bot.i18n import N_
from handlers import (
    account,
    admin,
    answering,
    broadcasts,
    campaigns,
    errors,
    fallback,
    flows,
    info,
    language,
    letters,
    operations,
    reminders,
    reports,
    support,
    tasks,
    web,
)

FEATURES = [flows, account, language, letters, campaigns, admin, tasks, reminders, broadcasts,
            reports, support, info, operations, web, answering, fallback]

# The command menu shown by Telegram (set_my_commands), in both languages.
MENU: list[tuple[str, str]] = [
    ("start", N_("Start / verify my phone number")),
    ("help", N_("What the assistant can do")),
    ("tiendo", N_("My tasks and their progress")),
    ("dieukien", N_("Have I met the requirements to go on?")),
    ("choduyet", N_("What waits for my approval")),
    ("truong", N_("My school's open tasks (principals)")),
    ("baocao", N_("Progress report and Excel lists")),
    ("web", N_("Sign-in link to the web dashboard")),
    ("nhacnho", N_("Reminder settings")),
    ("toi", N_("My profile")),
    ("hoidap", N_("Questions by topic")),
    ("ngonngu", N_("Language: Tiếng Việt / English")),
    ("xoadulieu", N_("Unlink and delete my data")),
]


def register_all(application: BotApplication) -> None:
    for feature in FEATURES:
        feature.register(application)
    application.add_error_handler(errors.on_error)
