"""The one place where objects are built and wired: storage, engine, Application, handlers."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property

from telegram import BotCommand
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackContext,
    ContextTypes,
    ExtBot,
    JobQueue,
)
from telegram.request import BaseRequest

from bot.config import Settings
from bot.domain.routing import RoutingRules, rules_named
from bot.i18n import LANGUAGES, translator
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry, load_entries, load_topics
from bot.logs import trace_handlers
from bot.offline import OFFLINE_TOKEN, FakeBotApi, OfflineRequest, OfflineTelegram
from bot.sending import Outbox, RateLimits
from bot.storage import Database
from bot.storage.erasure import load_or_create_key
from bot.updates import PerChatUpdateProcessor

log = logging.getLogger(__name__)


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@cache
def _knowledge() -> tuple[tuple[Entry, ...], dict[str, str]]:
    return tuple(load_entries()), load_topics()


def default_engine() -> AnsweringEngine:
    """A fresh engine over the shipped knowledge base (the files are parsed once a process)."""
    return AnsweringEngine.from_entries(_knowledge()[0])


@dataclass
class Services:
    """Everything a handler may use, built once at start-up."""

    settings: Settings
    db: Database
    engine: AnsweringEngine = field(default_factory=default_engine)
    topics: dict[str, str] = field(default_factory=lambda: dict(_knowledge()[1]))
    clock: Callable[[], dt.datetime] = field(default=_utcnow)
    limits: RateLimits = field(default_factory=RateLimits)
    outbox: Outbox = field(init=False)

    def __post_init__(self) -> None:
        self.outbox = Outbox(self.db, self.settings.timezone, self.clock, self.limits)

    @cached_property
    def erasure_key(self) -> bytes:
        """The key of erased accounts' pseudonyms: TROLY_ERASURE_KEY, else a key file kept
        beside the database (made on first use)."""
        if self.settings.erasure_key:
            return self.settings.erasure_key.encode()
        return load_or_create_key(self.settings.db_path)

    def local_now(self) -> dt.datetime:
        return self.clock().astimezone(self.settings.timezone)

    @property
    def so_name(self) -> str:
        return self.settings.so_name

    @property
    def rules(self) -> RoutingRules:
        return rules_named(self.settings.routing)


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


BotApplication = Application[  # type: ignore[type-arg]
    ExtBot[None], BotContext, dict, dict, BotData, JobQueue[BotContext]]


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
        .concurrent_updates(PerChatUpdateProcessor())
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
    """Database open, approved FAQ answers in the engine, command menus registered."""
    from handlers.support import load_approved_faq

    services = application.bot_data.services
    assert services is not None
    if not services.db.is_open:
        await services.db.connect()
    await load_approved_faq(services)
    await register_commands(application)


async def _post_init(application: BotApplication) -> None:
    from scheduler import schedule_jobs

    await _prepare(application)
    schedule_jobs(application)
    services = application.bot_data.services
    assert services is not None
    services.outbox.start()


async def _post_shutdown(application: BotApplication) -> None:
    services = application.bot_data.services
    if services is None:
        return
    await services.outbox.stop()
    if services.db.is_open:
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


async def offline_telegram(services: Services, *, background: bool = False) -> OfflineTelegram:
    """The bot wired to an in-process Bot API, initialised and ready for updates.

    Without ``background`` (tests), nothing runs on its own: the outbox is drained after each
    update, and scheduled jobs are run by calling them, with the test's clock.
    """
    api = FakeBotApi()
    application = build_application(services, request=OfflineRequest(api))
    await application.initialize()
    if background:
        await _post_init(application)
        await application.start()
        return OfflineTelegram(application, api)
    await _prepare(application)
    return OfflineTelegram(application, api, after_update=services.outbox.drain)
