"""Telegram adapters, one module per feature, registered in one ordered list.

Order matters: python-telegram-bot runs the first matching handler of a group, so features
come before the fallback that answers whatever nobody else understood.
"""

from __future__ import annotations

from telegram.ext import Application

from bot.i18n import N_
from handlers import account, admin, errors, fallback, language

FEATURES = [account, language, admin, fallback]

# The command menu shown by Telegram (set_my_commands), in both languages.
MENU: list[tuple[str, str]] = [
    ("start", N_("Start / verify my phone number")),
    ("help", N_("What the assistant can do")),
    ("toi", N_("My profile")),
    ("ngonngu", N_("Language: Tiếng Việt / English")),
    ("xoadulieu", N_("Unlink and delete my data")),
]


def register_all(application: Application) -> None:  # type: ignore[type-arg]
    for feature in FEATURES:
        feature.register(application)
    application.add_error_handler(errors.on_error)
