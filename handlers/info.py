"""/suathongtin: a teacher reports that their name, date or place of birth on LMS is wrong.

The certificate is printed from LMS (000, 1.1b), so the school lists these in Phụ lục 4; the
reports turn what people send here into that list.
"""

from __future__ import annotations

import re
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    filters,
)

from bot.context import BotApplication, BotContext
from bot.i18n import N_
from bot.reports.stats import InfoField
from bot.services import corrections
from handlers.buttons import InfoFieldPress, button
from handlers.common import (
    esc,
    guard,
    incoming_text,
    reply,
    tr,
    visitor_of,
)
from handlers.flows import Flow

FIELD_NAMES = {"full_name": N_("Full name"), "birth_date": N_("Date of birth"),
               "birth_place": N_("Place of birth")}
_SPLIT = re.compile(r"\s*(?:\||->|→|=>|\n)\s*")
MAX_VALUE_CHARS = 120


@guard("report_info")
async def start(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    keyboard = [[button(_(FIELD_NAMES[f]), InfoFieldPress(f))]
                for f in InfoField]
    await reply(update, _("Your certificate is printed from LMS. Which information is wrong "
                          "there?"), reply_markup=InlineKeyboardMarkup(keyboard))


@guard("report_info")
async def field_chosen(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    _ = await tr(update, context)
    field = InfoFieldPress.unpack(query.data).field
    await CORRECTION.ask(update, context, "values", field=field)
    await reply(update, _("Type what LMS shows and what is right, separated by |, e.g.\n"
                          "<code>12/03/1985 | 21/03/1985</code>\n(/huy to cancel)"))


CORRECTION = Flow("correction", timeout=N_(
    "⌛ Ten minutes passed without the two values, so I stopped waiting for them. Nothing was "
    "recorded; type /suathongtin to start again."))


@CORRECTION.step("values")
async def typed(update: Update, context: BotContext, data: dict[str, Any]) -> None:
    """The two values /suathongtin asked for: what LMS shows and what is right."""
    text = incoming_text(update).strip()
    field = data["field"]
    _ = await tr(update, context)
    parts = [p.strip() for p in _SPLIT.split(text, maxsplit=1)]
    visitor = await visitor_of(update, context)
    if len(parts) != 2 or not all(parts) or visitor.person is None:
        await reply(update, _("Please write both values separated by |. Type /suathongtin to "
                              "try again."))
        return
    wrong, correct = (p[:MAX_VALUE_CHARS] for p in parts)
    await corrections.report(context.services.db, person_id=visitor.person.id, field=field,
                             wrong=wrong, correct=correct, by=f"tg:{visitor.telegram_user_id}")
    await reply(update, _("Recorded: {field} “{wrong}” should be “{correct}”. Your school "
                          "sends it to the Sở in the Phụ lục 4 list.").format(
        field=_(FIELD_NAMES[field]), wrong=esc(wrong), correct=esc(correct)))


def register(application: BotApplication) -> None:
    private = filters.ChatType.PRIVATE
    application.add_handlers([
        CommandHandler("suathongtin", start, filters=private),
        CallbackQueryHandler(field_chosen, pattern=InfoFieldPress.pattern),
    ])
