"""The one place where objects are built and wired: storage, engine, Application, handlers."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from telegram import BotCommand
from telegram.ext import ApplicationBuilder, ContextTypes
from telegram.request import BaseRequest

from bot.config import Settings
from bot.context import (
    BotApplication,
    BotContext,
    BotData,
    Services,
    default_engine,
)
from bot.i18n import LANGUAGES, translator
from bot.logs import trace_handlers
from bot.offline import OFFLINE_TOKEN, FakeBotApi, FloodLimits, OfflineRequest, OfflineTelegram
from bot.pacing import TelegramPacing
from bot.services.campaigns import settle_province
from bot.services.letters import load_letters
from bot.services.tickets import load_approved_faq
from bot.storage import Database
from bot.updates import PerChatUpdateProcessor
from handlers import MENU, register_all
from scheduler import schedule_jobs

if TYPE_CHECKING:
    from web.server import Dashboard

__all__ = ["BotApplication", "BotContext", "Services", "build_application", "default_engine",
           "offline_telegram", "open_services", "start_dashboard"]

log = logging.getLogger(__name__)
OUTBOX_STOP_GRACE = 5.0  # seconds for sends in flight at a stop


def build_application(services: Services, *, request: BaseRequest | None = None,
                      token: str | None = None) -> BotApplication:
    """The bot as it runs in production; tests and the console pass an offline ``request``."""

    builder = (
        ApplicationBuilder()
        .token(token or services.settings.token or OFFLINE_TOKEN)
        .context_types(ContextTypes(context=BotContext, bot_data=BotData))
        .post_init(_post_init)
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
        .concurrent_updates(PerChatUpdateProcessor())
        .rate_limiter(TelegramPacing(services.limits))
    )
    if services.settings.api_base_url:
        base = services.settings.api_base_url.rstrip("/")
        builder = builder.base_url(base).base_file_url(base.replace("/bot", "/file/bot"))
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    application: BotApplication = builder.build()  # type: ignore[assignment]
    application.bot_data.services = services
    services.outbox.bot = application.bot
    register_all(application)
    trace_handlers(h for group in application.handlers.values() for h in group)
    return application


async def _prepare(application: BotApplication) -> None:
    """Database open, approved FAQ answers and the Sở's letters in the engine, command menus
    registered."""
    services = application.bot_data.services
    assert services is not None
    if not services.db.is_open:
        await services.db.connect()
    await settle_province(services.db, services.settings.province)
    await load_approved_faq(services.db, services.engine, services.topics)
    await load_letters(services.db, services.engine.letters)
    await services.inputs.load()
    await register_commands(application)


async def _post_init(application: BotApplication) -> None:
    await _prepare(application)
    schedule_jobs(application)
    services = application.bot_data.services
    assert services is not None
    services.outbox.start()
    application.bot_data.dashboard = await start_dashboard(services)


async def start_dashboard(services: Services) -> Dashboard | None:
    """The web dashboard in this process and loop, when TROLY_WEB_PORT is set."""
    if not services.settings.web_port:
        return None
    from web.server import Dashboard  # uvicorn, Starlette and the pages load only when served

    dashboard = Dashboard(services)
    await dashboard.start()
    return dashboard


async def _post_stop(application: BotApplication) -> None:
    """Updates have stopped (SIGTERM): let the sends in flight finish while the bot can still
    send; a few seconds, so the process exits well within 10 s."""
    if application.bot_data.dashboard is not None:
        await application.bot_data.dashboard.stop()
        application.bot_data.dashboard = None
    services = application.bot_data.services
    if services is not None:
        await services.outbox.stop(grace=OUTBOX_STOP_GRACE)


async def _post_shutdown(application: BotApplication) -> None:
    if application.bot_data.dashboard is not None:
        await application.bot_data.dashboard.stop()
        application.bot_data.dashboard = None
    services = application.bot_data.services
    if services is None:
        return
    await services.outbox.stop()
    if services.db.is_open:
        await services.db.close()


def command_menu(language: str) -> list[BotCommand]:
    _ = translator(language).gettext
    return [BotCommand(name, _(description)) for name, description in MENU]


async def register_commands(application: BotApplication) -> None:
    """The command menu in Vietnamese (default) and English."""
    for language in LANGUAGES:
        await application.bot.set_my_commands(
            command_menu(language), language_code=None if language == "vi" else language)


async def open_services(settings: Settings) -> Services:
    return Services(settings=settings, db=await Database.open(settings.db_path))


async def offline_telegram(services: Services, *, background: bool = False) -> OfflineTelegram:
    """The bot wired to an in-process Bot API, initialised and ready for updates.

    Without ``background`` (tests), nothing runs on its own: the outbox is drained after each
    update, and scheduled jobs are run by calling them, with the test's clock. The fake keeps
    Telegram's flood limits on the pacer's clock, so what is too fast for Telegram is too fast
    here, at no cost in time when that clock is simulated.
    """
    api = FakeBotApi(flood=FloodLimits(clock=services.limits.clock.now))
    application = build_application(services, request=OfflineRequest(api))
    await application.initialize()
    if background:
        await _post_init(application)
        await application.start()
        return OfflineTelegram(application, api)
    await _prepare(application)
    return OfflineTelegram(application, api, after_update=services.outbox.drain)
