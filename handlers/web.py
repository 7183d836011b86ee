"""/web: a one-time sign-in link to the web dashboard, sent to this account only."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler, filters

from bot.context import BotApplication, BotContext
from bot.services.web_access import create_link
from handlers.common import esc, guard, reply, tr, visitor_of


@guard("web")
async def web_link(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    services = context.services
    settings = services.settings
    if not settings.web_port:
        await reply(update, _("The web dashboard is not switched on for this assistant. Please "
                              "ask the Sở's IT officer (setting TROLY_WEB_PORT)."))
        return
    visitor = await visitor_of(update, context)
    token = await create_link(services.db, person_id=visitor.person.id if visitor.person else None,
                              telegram_user_id=visitor.telegram_user_id,
                              is_admin=visitor.is_admin, now=services.clock())
    await reply(update, "\n".join([
        _("🔗 Your sign-in link to the web dashboard. It works once, for 10 minutes, for you "
          "only: do not forward it."),
        esc(f"{settings.web_address}/vao/{token}"),
        _("Signed in, you see the progress, approvals and downloads of your scope.")]))


def register(application: BotApplication) -> None:
    application.add_handler(CommandHandler("web", web_link, filters=filters.ChatType.PRIVATE))
