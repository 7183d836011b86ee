"""What every handler needs: who is asking, in which language, and may they do this."""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Message, Update
from telegram.constants import ChatType
from telegram.error import TelegramError

from bot.context import BotContext
from bot.domain.permissions import allowed
from bot.i18n import Translator, translator
from bot.logs import note_outcome
from bot.sending import send_html
from bot.services.accounts import Visitor, load_visitor, writes_again
from bot.telegram_text import escape as esc
from bot.textnorm import nfc

log = logging.getLogger(__name__)
__all__ = ["esc"]  # the one escaping point, re-exported for handlers
MAX_TEXT_CHARS = 1000  # longer questions are refused politely rather than searched
_VISITOR_KEY = "_visitor"

Callback = Callable[[Update, BotContext], Coroutine[Any, Any, Any]]


async def visitor_of(update: Update, context: BotContext) -> Visitor:
    """The sender as the database knows them; loaded once per update."""
    cached = getattr(context, _VISITOR_KEY, None)
    if cached is not None:
        return cached
    user = update.effective_user
    user_id = user.id if user else 0
    services = context.services
    visitor = await load_visitor(services.db, user_id,
                                 is_admin=user_id in services.settings.admin_ids)
    await writes_again(services.db, visitor)
    setattr(context, _VISITOR_KEY, visitor)
    return visitor


def forget_visitor(context: BotContext) -> None:
    """After the visitor's link or language changed within this update."""
    if hasattr(context, _VISITOR_KEY):
        delattr(context, _VISITOR_KEY)


async def tr(update: Update, context: BotContext) -> Translator:
    return translator((await visitor_of(update, context)).language)


def chat_memory(context: BotContext) -> dict[str, Any]:
    """Per-user scratch data (a pending reason, an invitation code) kept between updates."""
    data = context.user_data
    if data is None:  # only for updates without a user, which never get here
        raise RuntimeError("no user data for this update")
    return data


def incoming_text(update: Update) -> str:
    """The message text in NFC (some Vietnamese keyboards send decomposed characters)."""
    message = update.effective_message
    return nfc(message.text or message.caption or "") if message else ""


def is_private(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type == ChatType.PRIVATE


async def reply(update: Update, text: str, **kwargs: Any) -> Message | None:
    """Answer in the chat of the update, as HTML; works for messages and button presses.

    A text longer than one message goes as several (the buttons on the last); returns the last.
    """
    chat = update.effective_chat
    if chat is None:
        return None
    return await send_html(chat.get_bot(), chat.id, text, **kwargs)


async def acknowledge(update: Update) -> None:
    """Stop the button's spinner. A press on a message too old for Telegram to take the answer
    still goes on: the handler's reply tells the user what happened."""
    if update.callback_query is not None:
        with contextlib.suppress(TelegramError):
            await update.callback_query.answer()


def guard(action: str) -> Callable[[Callback], Callback]:
    """Refuse politely, and change nothing, unless the visitor's roles allow ``action``.

    Button presses are acknowledged here, once for every guarded callback.

    The check reads the database on every update, so buttons and callback data carry no
    authority of their own.
    """

    def decorate(callback: Callback) -> Callback:
        @functools.wraps(callback)
        async def wrapper(update: Update, context: BotContext) -> Any:
            await acknowledge(update)
            visitor = await visitor_of(update, context)
            if not allowed(action, visitor.tags):
                _ = translator(visitor.language).gettext
                log.info("refused action=%s tags=%s", action, sorted(visitor.tags))
                note_outcome("refused")
                if visitor.person is None and "guest" in visitor.tags:
                    text = _("This is for verified users. Please type /start and share your "
                             "phone number first.")
                else:
                    text = _("Sorry, this function is not available for your role. Type /help "
                             "to see what you can do.")
                await reply(update, text)
                return None
            return await callback(update, context)

        wrapper.permission = action  # type: ignore[attr-defined]  # read by /help
        return wrapper

    return decorate


def permission_of(callback: Callback) -> str | None:
    """The permission action a guarded handler checks; None for one open to everyone."""
    return getattr(callback, "permission", None)
