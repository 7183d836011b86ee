"""Everything no feature handled: unknown commands, stickers and photos, edits, group chatter.

Registered last, so each reply tells the user what the bot does understand instead of silence.
These notes go to private chats only: in a group or channel (an officer editing an answer,
members chatting) the bot keeps quiet, except to a command and when it is added.
"""

from __future__ import annotations

import contextlib

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import (
    CallbackQueryHandler,
    ChatMemberHandler,
    MessageHandler,
    filters,
)

from bot.context import BotApplication, BotContext
from bot.i18n import translator
from handlers.common import acknowledge, esc, is_private, reply, tr


async def unknown_command(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    message = update.effective_message
    command = (message.text or "").split()[0][:40] if message else ""
    await reply(update, _("I don't know the command {command}. Type /help to see the commands, "
                          "or just type your question.").format(command=esc(command)))


async def not_text(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    await reply(update, _("I can only read text messages. Please type your question, or type "
                          "/help to see what I can do."))


async def edited(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    await reply(update, _("I do not act on edited messages. Please send your question again as "
                          "a new message."))


async def group_command(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    username = context.bot.username
    await reply(update, _("I work in private chats. Please write to me directly: "
                          "https://t.me/{username}").format(username=username))


async def added_to_group(update: Update, context: BotContext) -> None:
    """Say once, when added to a group or channel, what the bot does there (and not)."""
    member = update.my_chat_member
    if member is None or member.new_chat_member.status not in ("member", "administrator"):
        return
    if member.old_chat_member.status in ("member", "administrator"):
        return
    _ = translator("vi")
    username = context.bot.username
    with contextlib.suppress(TelegramError):  # a channel may not let the bot post
        await context.bot.send_message(member.chat.id, _(
            "Hello! I answer teachers in private chats: https://t.me/{username}\n"
            "Is this the support group of a Phòng or the Sở? An officer types /nhomhotro here, "
            "and questions I cannot answer will arrive in this group.").format(
            username=username))


async def stale_button(update: Update, context: BotContext) -> None:
    """A press no feature knows; in a group only the presser is told, in a pop-up."""
    _ = await tr(update, context)
    text = _("This button is no longer valid. Type /help to start again.")
    if not is_private(update):
        if update.callback_query is not None:
            with contextlib.suppress(TelegramError):
                await update.callback_query.answer(text, show_alert=True)
        return
    await acknowledge(update)
    await reply(update, text)


def register(application: BotApplication) -> None:
    private = filters.ChatType.PRIVATE
    application.add_handlers([
        MessageHandler(private & filters.UpdateType.EDITED, edited),
        MessageHandler(private & filters.COMMAND, unknown_command),
        MessageHandler(private & ~filters.TEXT, not_text),
        MessageHandler(filters.ChatType.GROUPS & filters.COMMAND, group_command),
        CallbackQueryHandler(stale_button),
        ChatMemberHandler(added_to_group, ChatMemberHandler.MY_CHAT_MEMBER),
    ])
