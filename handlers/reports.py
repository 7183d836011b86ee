"""/baocao: completion for my scope as a short table and a chart, and the Excel lists."""

from __future__ import annotations

import asyncio
import io

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ChatAction
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot.context import BotApplication, BotContext
from bot.reports.render import chart_png, text_table
from bot.reports.scope import Scope
from bot.services import reports as service
from handlers.buttons import ExportPress, button
from handlers.common import guard, reply, tr, visitor_of


async def _scope(update: Update, context: BotContext) -> Scope:
    visitor = await visitor_of(update, context)
    return service.scope_for(visitor.profile, is_admin=visitor.is_admin,
                             so_name=context.services.so_name)


@guard("report")
async def report(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    scope = await _scope(update, context)
    chat = update.effective_chat
    assert chat is not None
    await chat.send_action(ChatAction.UPLOAD_PHOTO)
    services = context.services
    result = await service.report_for(services.db, scope)
    await reply(update, text_table(result, _))
    if result.total.people:
        png = await asyncio.to_thread(chart_png, result, _)
        await chat.send_photo(io.BytesIO(png), filename="tien_do.png")
    await service.record_view(
        services.db, scope, people=result.total.people,
        actor=f"tg:{update.effective_user.id if update.effective_user else 0}")
    forms = await service.report_forms(services.db)
    await reply(update, _("The lists the letters ask for (Excel):"), reply_markup=(
        InlineKeyboardMarkup([[button(_(service.FORM_BUTTONS[form]), ExportPress(form))
                               for form in forms]])))


@guard("report")
async def export_pressed(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    _ = await tr(update, context)
    which = ExportPress.unpack(query.data).form
    scope = await _scope(update, context)  # recomputed: the button carries no scope
    chat = update.effective_chat
    assert chat is not None
    await chat.send_action(ChatAction.UPLOAD_DOCUMENT)
    name, content = await service.export(
        context.services.db, scope, which,
        actor=f"tg:{update.effective_user.id if update.effective_user else 0}")
    await chat.send_document(io.BytesIO(content), filename=name, caption=scope.title)


def register(application: BotApplication) -> None:
    application.add_handlers([
        CommandHandler("baocao", report, filters=filters.ChatType.PRIVATE),
        CallbackQueryHandler(export_pressed, pattern=ExportPress.pattern),
    ])
