"""The typed application and context that bot/app.py builds and handlers/ and scheduler/ use.

It sits apart from bot/app.py so the wiring can import the handlers, and the handlers the
types, without an import cycle.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import TYPE_CHECKING

from telegram.ext import Application, CallbackContext, ExtBot, JobQueue

from bot.config import Settings
from bot.domain.campaign import Campaign
from bot.domain.routing import RoutingRules, rules_named
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry, load_entries, load_topics
from bot.pacing import RateLimits
from bot.sending import Outbox
from bot.services.pending_inputs import PendingInputs
from bot.storage import Database
from bot.storage.erasure import load_or_create_key

if TYPE_CHECKING:
    from web.server import Dashboard


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
    limits: RateLimits = field(default_factory=RateLimits)  # every request's pacing
    outbox: Outbox = field(init=False)
    inputs: PendingInputs = field(init=False)

    def __post_init__(self) -> None:
        self.outbox = Outbox(self.db, self.settings.timezone, self.clock)
        self.inputs = PendingInputs(self.db, self.clock)

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

    async def campaign(self) -> Campaign:
        """The running campaign, read afresh: a load takes effect on the next message."""
        from bot.services.campaigns import current

        return await current(self.db)

    def rules_for(self, campaign: Campaign) -> RoutingRules:
        """The approval routing of the campaign's review tasks, unless the deployment set
        TROLY_APPROVAL_ROUTING to another table."""
        name = self.settings.routing
        return rules_named(campaign.routing if name == "default" else name)


class BotData:
    """Application-wide data: the services and the web dashboard, typed (no string-keyed
    look-ups)."""

    services: Services | None = None
    dashboard: Dashboard | None = None  # when TROLY_WEB_PORT is set


class BotContext(CallbackContext[ExtBot[None], dict, dict, BotData]):  # type: ignore[type-arg]
    @property
    def services(self) -> Services:
        services = self.bot_data.services
        if services is None:
            raise RuntimeError("services are not attached to the application")
        return services


BotApplication = Application[  # type: ignore[type-arg]
    ExtBot[None], BotContext, dict, dict, BotData, JobQueue[BotContext]]
