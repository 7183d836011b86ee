"""Everything no feature handled: unknown commands, stickers and photos, edits, group chatter.

Registered last, so each reply tells the user what the bot does understand instead of silence.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, MessageHandler, filters

from bot.app import BotContext
from handlers.common import esc, reply, tr


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


async def stale_button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    _ = await tr(update, context)
    await query.answer()
    await reply(update, _("This button is no longer valid. Type /help to start again."))


def register(application: Application) -> None:  # type: ignore[type-arg]
    private = filters.ChatType.PRIVATE
    application.add_handlers([
        MessageHandler(filters.UpdateType.EDITED, edited),
        MessageHandler(private & filters.COMMAND, unknown_command),
        MessageHandler(private & ~filters.TEXT, not_text),
        MessageHandler(filters.ChatType.GROUPS & filters.COMMAND, group_command),
        CallbackQueryHandler(stale_button),
    ])
