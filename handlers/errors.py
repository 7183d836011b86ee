"""The one error handler: domain refusals become their message, anything else a polite apology.

Logs carry the error type and the update id only: no names, phone numbers or message text.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, TelegramError

from bot.app import BotContext
from bot.domain.errors import DomainError
from bot.i18n import translator
from handlers.common import acknowledge, reply

log = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    error = context.error
    if not isinstance(update, Update):
        log.error("error outside an update: %s", type(error).__name__,
                  exc_info=(type(error), error, error.__traceback__) if error else None)
        return
    language = "vi"
    try:
        visitor = getattr(context, "_visitor", None)
        language = visitor.language if visitor else "vi"
    except Exception:  # the visitor itself may be what failed
        language = "vi"
    _ = translator(language).gettext
    if isinstance(error, DomainError):
        text = _(error.message).format(**error.params)
    else:
        if isinstance(error, Forbidden):
            log.info("update %s: the user blocked the bot", update.update_id)
            return
        log.error("update %s failed: %s", update.update_id, type(error).__name__,
                  exc_info=(type(error), error, error.__traceback__) if error else None)
        text = _("Sorry, something went wrong on my side. Please try again in a few minutes; "
                 "if it keeps happening, call the hotline 18008000 (branch 2).")
    await acknowledge(update)
    try:
        await reply(update, text)
    except TelegramError as exc:
        log.warning("could not tell the user about the error: %s", type(exc).__name__)
