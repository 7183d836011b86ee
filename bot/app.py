"""The one place where objects are built and wired: storage, engine, Application, handlers."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from telegram import BotCommand
from telegram.ext import Application, ApplicationBuilder, CallbackContext, ContextTypes, ExtBot
from telegram.request import BaseRequest

from bot.config import Settings
from bot.i18n import LANGUAGES, translator
from bot.offline import OFFLINE_TOKEN, FakeBotApi, OfflineRequest, OfflineTelegram
from bot.storage import Database

log = logging.getLogger(__name__)


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class Services:
    """Everything a handler may use, built once at start-up."""

    settings: Settings
    db: Database
    clock: Callable[[], dt.datetime] = field(default=_utcnow)

    @property
    def so_name(self) -> str:
        return self.settings.so_name


class BotData:
    """Application-wide data: only the services, typed (no string-keyed look-ups)."""

    services: Services | None = None


class BotContext(CallbackContext[ExtBot[None], dict, dict, BotData]):  # type: ignore[type-arg]
    @property
    def services(self) -> Services:
        services = self.bot_data.services
        if services is None:
            raise RuntimeError("services are not attached to the application")
        return services


BotApplication = Application[ExtBot[None], BotContext, dict, dict, BotData, object]  # type: ignore[type-arg]


def build_application(services: Services, *, request: BaseRequest | None = None,
                      token: str | None = None) -> BotApplication:
    """The bot as it runs in production; tests and the console pass an offline ``request``."""
    from handlers import register_all

    builder = (
        ApplicationBuilder()
        .token(token or services.settings.token or OFFLINE_TOKEN)
        .context_types(ContextTypes(context=BotContext, bot_data=BotData))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
    )
    if services.settings.api_base_url:
        base = services.settings.api_base_url.rstrip("/")
        builder = builder.base_url(base).base_file_url(base.replace("/bot", "/file/bot"))
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    application: BotApplication = builder.build()  # type: ignore[assignment]
    application.bot_data.services = services
    register_all(application)
    return application


async def _post_init(application: BotApplication) -> None:
    services = application.bot_data.services
    assert services is not None
    if not services.db.is_open:
        await services.db.connect()
    await register_commands(application)


async def _post_shutdown(application: BotApplication) -> None:
    services = application.bot_data.services
    if services is not None and services.db.is_open:
        await services.db.close()


def command_menu(language: str) -> list[BotCommand]:
    from handlers import MENU

    _ = translator(language).gettext
    return [BotCommand(name, _(description)) for name, description in MENU]


async def register_commands(application: BotApplication) -> None:
    """The command menu in Vietnamese (default) and English."""
    for language in LANGUAGES:
        await application.bot.set_my_commands(
            command_menu(language), language_code=None if language == "vi" else language)


async def open_services(settings: Settings) -> Services:
    return Services(settings=settings, db=await Database.open(settings.db_path))


async def offline_telegram(services: Services) -> OfflineTelegram:
    """The bot wired to an in-process Bot API, initialised and ready for updates."""
    api = FakeBotApi()
    application = build_application(services, request=OfflineRequest(api))
    await application.initialize()
    await _post_init(application)
    return OfflineTelegram(application, api)
