"""/ngonngu: Vietnamese or English."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot.app import BotApplication, BotContext
from bot.i18n import LANGUAGES, translator
from bot.services import accounts
from handlers.common import forget_visitor, guard, reply, tr

LANGUAGE_NAMES = {"vi": "🇻🇳 Tiếng Việt", "en": "🇬🇧 English"}


@guard("language")
async def choose(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton(LANGUAGE_NAMES[lang],
                                                           callback_data=f"lang:{lang}")
                                      for lang in LANGUAGES]])
    await reply(update, _("Choose the language:"), reply_markup=keyboard)


@guard("language")
async def chosen(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None and query.from_user is not None
    language = (query.data or "").partition(":")[2]
    if language not in LANGUAGES:  # forged data: say so in the current language, change nothing
        _ = await tr(update, context)
        await reply(update, _("This button is no longer valid. Type /ngonngu again."))
        return
    await accounts.set_language(context.services.db, query.from_user.id, language)
    forget_visitor(context)
    _ = translator(language).gettext
    await query.edit_message_text(_("The language is set. Type /help to see the commands."))


def register(application: BotApplication) -> None:
    application.add_handlers([
        CommandHandler("ngonngu", choose, filters=filters.ChatType.PRIVATE),
        CallbackQueryHandler(chosen, pattern=r"^lang:"),
    ])
