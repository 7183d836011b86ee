"""/suathongtin: a teacher reports that their name, date or place of birth on LMS is wrong.

The certificate is printed from LMS (000, 1.1b), so the school lists these in Phụ lục 4; the
reports turn what people send here into that list.
"""

from __future__ import annotations

import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    filters,
)

from bot.app import BotApplication, BotContext
from bot.i18n import N_
from bot.storage.corrections import FIELDS, report_correction
from handlers.common import (
    awaited,
    chat_memory,
    esc,
    guard,
    incoming_text,
    on_next_message,
    reply,
    tr,
    visitor_of,
)

_WAITING = "correction_field"
FIELD_NAMES = {"full_name": N_("Full name"), "birth_date": N_("Date of birth"),
               "birth_place": N_("Place of birth")}
_SPLIT = re.compile(r"\s*(?:\||->|→|=>|\n)\s*")
MAX_VALUE_CHARS = 120


@guard("report_info")
async def start(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    keyboard = [[InlineKeyboardButton(_(FIELD_NAMES[f]), callback_data=f"info:{f}")]
                for f in FIELDS]
    await reply(update, _("Your certificate is printed from LMS. Which information is wrong "
                          "there?"), reply_markup=InlineKeyboardMarkup(keyboard))


@guard("report_info")
async def field_chosen(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    _ = await tr(update, context)
    field = (query.data or "").partition(":")[2]
    if field not in FIELDS:
        await reply(update, _("This button is not valid for you."))
        return
    chat_memory(context)[_WAITING] = field
    await reply(update, _("Type what LMS shows and what is right, separated by |, e.g.\n"
                          "<code>12/03/1985 | 21/03/1985</code>\n(/huy to cancel)"))


async def typed(update: Update, context: BotContext) -> None:
    """Runs before other text handlers while /suathongtin waits for the two values."""
    text = incoming_text(update).strip()
    if text.startswith("/"):
        return  # a command instead; /huy clears the wait
    field = awaited(context, _WAITING)
    if not field:
        return
    _ = await tr(update, context)
    parts = [p.strip() for p in _SPLIT.split(text, maxsplit=1)]
    visitor = await visitor_of(update, context)
    if len(parts) != 2 or not all(parts) or visitor.person is None:
        await reply(update, _("Please write both values separated by |. Type /suathongtin to "
                              "try again."))
        raise ApplicationHandlerStop
    wrong, correct = (p[:MAX_VALUE_CHARS] for p in parts)
    async with context.services.db.transaction() as tx:
        await report_correction(tx, person_id=visitor.person.id, field=field, wrong=wrong,
                                correct=correct, by=f"tg:{visitor.telegram_user_id}")
    await reply(update, _("Recorded: {field} “{wrong}” should be “{correct}”. Your school "
                          "sends it to the Sở in the Phụ lục 4 list.").format(
        field=_(FIELD_NAMES[field]), wrong=esc(wrong), correct=esc(correct)))
    raise ApplicationHandlerStop


def register(application: BotApplication) -> None:
    private = filters.ChatType.PRIVATE
    on_next_message(_WAITING, typed)
    application.add_handlers([
        CommandHandler("suathongtin", start, filters=private),
        CallbackQueryHandler(field_chosen, pattern=r"^info:"),
    ])
