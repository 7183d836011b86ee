"""The one error handler: domain refusals become their message, anything else a polite apology.

Logs carry the error type and the update id only: no names, phone numbers or message text.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.context import BotContext
from bot.domain.errors import DomainError
from bot.i18n import DEFAULT_LANGUAGE, translator
from handlers.common import acknowledge, esc, reply, visitor_of

log = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    error = context.error
    if not isinstance(update, Update):
        log.error("error outside an update: %s", type(error).__name__,
                  exc_info=(type(error), error, error.__traceback__) if error else None)
        return
    _ = translator(await _language(update, context)).gettext
    if isinstance(error, DomainError):
        text = _(error.message).format(**{k: esc(v) for k, v in error.params.items()})
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
    raise ApplicationHandlerStop  # later handler groups must not act on a failed update


async def _language(update: Update, context: BotContext) -> str:
    """The user's language. PTB builds a fresh context for error handlers, so the visitor
    loaded by the failed handler is not here: load it again (it may be what failed)."""
    try:
        return (await visitor_of(update, context)).language
    except Exception:
        return DEFAULT_LANGUAGE
