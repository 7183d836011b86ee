"""/suathongtin: a teacher reports that their name, date or place of birth on LMS is wrong.

The certificate is printed from LMS (000, 1.1b), so the school lists these in Phụ lục 4; the
reports turn what people send here into that list.
"""

from __future__ import annotations

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
    """Step 1 chosen with a button; step 2 asks for what LMS shows, one question per message."""
    query = update.callback_query
    assert query is not None
    _ = await tr(update, context)
    field = InfoFieldPress.unpack(query.data).field
    await CORRECTION.ask(update, context, "wrong", field=field)
    await reply(update, _("{field}: what does LMS show now? Type it exactly as it appears. "
                          "(/huy to cancel)").format(field=_(FIELD_NAMES[field])))


CORRECTION = Flow("correction", timeout=N_(
    "⌛ Ten minutes passed without the two values, so I stopped waiting for them. Nothing was "
    "recorded; type /suathongtin to start again."))


@CORRECTION.step("wrong")
async def wrong_typed(update: Update, context: BotContext, data: dict[str, Any]) -> None:
    """Step 2: the value LMS shows; then step 3 asks for the right one."""
    _ = await tr(update, context)
    wrong = incoming_text(update).strip()[:MAX_VALUE_CHARS]
    if not wrong:
        await CORRECTION.ask(update, context, "wrong", **data)
        await reply(update, _("Please type what LMS shows now, or /huy to cancel."))
        return
    await CORRECTION.ask(update, context, "correct", field=data["field"], wrong=wrong)
    await reply(update, _("And what is right? (/huy to cancel)"))


@CORRECTION.step("correct")
async def correct_typed(update: Update, context: BotContext, data: dict[str, Any]) -> None:
    """Step 3: the right value; the correction is recorded for the school's Phụ lục 4."""
    _ = await tr(update, context)
    correct = incoming_text(update).strip()[:MAX_VALUE_CHARS]
    visitor = await visitor_of(update, context)
    if not correct or visitor.person is None:
        await CORRECTION.ask(update, context, "correct", **data)
        await reply(update, _("Please type the right value, or /huy to cancel."))
        return
    field, wrong = data["field"], str(data["wrong"])
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
