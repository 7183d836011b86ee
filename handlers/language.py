"""/ngonngu: Vietnamese or English."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot.context import BotApplication, BotContext
from bot.i18n import LANGUAGES, translator
from bot.services import accounts
from handlers.buttons import LanguagePress, button
from handlers.common import forget_visitor, guard, reply, tr

LANGUAGE_NAMES = {"vi": "🇻🇳 Tiếng Việt", "en": "🇬🇧 English"}


@guard("language")
async def choose(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    keyboard = InlineKeyboardMarkup([[button(LANGUAGE_NAMES[lang], LanguagePress(lang))
                                      for lang in LANGUAGES]])
    await reply(update, _("Choose the language:"), reply_markup=keyboard)


@guard("language")
async def chosen(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None and query.from_user is not None
    language = LanguagePress.unpack(query.data).language
    await accounts.set_language(context.services.db, query.from_user.id, language)
    forget_visitor(context)
    _ = translator(language).gettext
    await query.edit_message_text(_("The language is set. Type /help to see the commands."))


def register(application: BotApplication) -> None:
    application.add_handlers([
        CommandHandler("ngonngu", choose, filters=filters.ChatType.PRIVATE),
        CallbackQueryHandler(chosen, pattern=LanguagePress.pattern),
    ])
