"""Telegram's flood limits, kept on the bot's side for every request it makes.

Telegram allows a bot about 30 messages a second overall and one a second to the same chat, and
answers more with 429 and ``retry_after``. python-telegram-bot's AIORateLimiter limits groups
but not private chats and retries nothing unless told, so a teacher who typed four questions
in a second lost two answers (issue 19). :class:`TelegramPacing` is the bot's rate limiter
(``ApplicationBuilder.rate_limiter``): replies, flow prompts, confirmations and the outbox's
bulk messages all wait for their chat's turn and a free slot, and a 429 is waited out and the
same request sent again, so each reply arrives once and in order.

Time is read from a :class:`Clock`. The offline Bot API reads the same clock to decide what is
too fast, so tests run on a :class:`SimulatedClock`: pacing and 429s are exercised exactly,
and nobody waits for them.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import datetime as dt
import heapq
import itertools
import logging
from collections import deque
from collections.abc import AsyncIterator, Callable, Coroutine
from dataclasses import dataclass
from typing import Any, Protocol

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

PER_SECOND = 29.0  # under Telegram's 30/s, leaving a little room for interactive replies
PER_CHAT_INTERVAL = 1.05  # seconds between two messages to the same chat
MAX_RETRIES = 5  # 429s in a row before a request is given up
MAX_RETRY_WAIT = 60.0  # seconds: a longer retry_after is a flood ban, not a busy chat
SENDING_METHODS = frozenset({
    "sendmessage", "senddocument", "sendphoto", "sendvideo", "sendaudio", "sendvoice",
    "sendanimation", "sendsticker", "sendlocation", "sendcontact", "sendpoll", "senddice",
    "sendmediagroup", "copymessage", "copymessages", "forwardmessage", "forwardmessages"})

@dataclass
class BulkLane:
    """Set (in :data:`bulk_lane`) by the outbox around its sends: bulk messages keep to an even
    pace under the overall limit and leave room for the replies people are waiting for; the
    429s waited out on the way are counted here."""

    waited_out_429: int = 0


bulk_lane: contextvars.ContextVar[BulkLane | None] = contextvars.ContextVar("bulk_lane",
                                                                           default=None)


class Clock(Protocol):
    """Seconds on a monotonic scale, and a way to wait for them."""

    def now(self) -> float: ...

    async def sleep(self, seconds: float) -> None: ...


class LoopClock:
    """The event loop's own clock: production, the console, benchmarks."""

    def now(self) -> float:
        return asyncio.get_running_loop().time()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(seconds, 0.0))


class SimulatedClock:
    """Time that passes only when somebody waits for it.

    A sleeper is woken at once, in order of wake-up time, and the clock jumps to that time;
    between two wake-ups the woken task runs a step. What a minute of pacing and 429s does is
    thus exact in order and in what the offline Bot API sees, and takes no real time.
    """

    def __init__(self, start: float = 1_000.0) -> None:
        self._now = start
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()
        self._waking = False

    def now(self) -> float:
        return self._now

    async def sleep(self, seconds: float) -> None:
        loop = asyncio.get_running_loop()
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        woken: asyncio.Future[None] = loop.create_future()
        heapq.heappush(self._sleepers, (self._now + seconds, next(self._order), woken))
        if not self._waking:
            self._waking = True
            loop.call_soon(self._wake_next)
        await woken

    def _wake_next(self) -> None:
        while self._sleepers and self._sleepers[0][2].done():  # cancelled meanwhile
            heapq.heappop(self._sleepers)
        if not self._sleepers:
            self._waking = False
            return
        at, _, woken = heapq.heappop(self._sleepers)
        self._now = max(self._now, at)
        woken.set_result(None)
        asyncio.get_running_loop().call_soon(self._wake_next)


class RateLimits:
    """At most ``per_second`` overall, and one message per chat every ``per_chat_interval``
    seconds after the previous one left. ``per_second=0`` or ``per_chat_interval=0`` turns that
    limit off.

    Bulk slots are booked on an evenly spaced timeline, so late wake-ups do not lower the
    average rate; every departure also goes through a sliding one-second window, so senders
    woken together after a pause never bunch into a burst Telegram would answer with 429.
    Replies skip the bulk timeline and only need a place in the window, which bulk leaves one
    short of Telegram's 30.
    """

    def __init__(self, per_second: float = PER_SECOND,
                 per_chat_interval: float = PER_CHAT_INTERVAL, *,
                 clock: Clock | None = None) -> None:
        self.clock: Clock = clock or LoopClock()
        self._interval = 1 / per_second if per_second else 0.0
        self._window = int(per_second)
        self._recent: deque[float] = deque()
        self.chat_interval = per_chat_interval
        self._next_slot = 0.0
        self._chat_next: dict[int, float] = {}
        self._chat_turns: dict[int, asyncio.Lock] = {}

    @contextlib.asynccontextmanager
    async def chat_turn(self, chat_id: int) -> AsyncIterator[None]:
        """Hold the chat: its other messages wait, in the order they came, until this one (and
        any retry of it) is done."""
        if len(self._chat_turns) > 10_000:  # forget idle chats
            self._chat_turns = {c: t for c, t in self._chat_turns.items() if t.locked()}
            now = self.clock.now()
            self._chat_next = {c: t for c, t in self._chat_next.items() if t > now}
        turn = self._chat_turns.setdefault(chat_id, asyncio.Lock())
        async with turn:
            yield

    def hold_chat(self, chat_id: int, seconds: float) -> None:
        """Telegram asked to wait: this chat's next message goes no earlier."""
        self._chat_next[chat_id] = max(self._chat_next.get(chat_id, 0.0),
                                       self.clock.now() + seconds)

    async def acquire(self, chat_id: int, *, bulk: bool = True) -> float:
        """Wait until the chat's previous message is an interval old and a slot is free; books
        the chat's next turn from this departure, which it returns (the clock's time)."""
        clock = self.clock
        wait = self._chat_next.get(chat_id, 0.0) - clock.now()
        if wait > 0:
            await clock.sleep(wait)
        departure = await self._overall(bulk)
        if self.chat_interval:
            self._chat_next[chat_id] = departure + self.chat_interval
        return departure

    async def _overall(self, bulk: bool) -> float:
        clock = self.clock
        if not self._interval:
            return clock.now()
        if bulk:
            now = clock.now()
            slot = max(now, self._next_slot)
            self._next_slot = slot + self._interval
            if slot > now:
                await clock.sleep(slot - now)
        room = self._window if bulk else self._window + 1
        while True:  # the sliding one-second window, on actual departure times
            now = clock.now()
            while self._recent and now - self._recent[0] >= 1.0:
                self._recent.popleft()
            if len(self._recent) < room:
                self._recent.append(now)
                return now
            await clock.sleep(1.0 - (now - self._recent[-room]) + 0.001)


def retry_seconds(exc: RetryAfter) -> float:
    delay = exc.retry_after
    return delay.total_seconds() if isinstance(delay, dt.timedelta) else float(delay)


class TelegramPacing(BaseRateLimiter[None]):
    """The one sender every Bot API request goes through: paced per chat and overall, and a
    429 waited out (``retry_after``, as Telegram asks) before the same request goes again.

    One chat's messages keep their order: the chat is held while a message waits for its turn
    or for a retry, so a reply never overtakes the one before it.
    """

    def __init__(self, limits: RateLimits, max_retries: int = MAX_RETRIES) -> None:
        self.limits = limits
        self.max_retries = max_retries

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        chat_id = _private_or_group_id(data.get("chat_id"))
        if endpoint.lower() not in SENDING_METHODS or chat_id is None:
            return await self._with_retries(callback, args, kwargs, None)
        async with self.limits.chat_turn(chat_id):
            return await self._with_retries(callback, args, kwargs, chat_id)

    async def _with_retries(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any, kwargs: dict[str, Any], chat_id: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        lane = bulk_lane.get()
        for attempt in itertools.count():
            if chat_id is not None:
                await self.limits.acquire(chat_id, bulk=lane is not None)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                wait = retry_seconds(exc)
                if chat_id is not None:
                    self.limits.hold_chat(chat_id, wait)
                if attempt >= self.max_retries or wait > MAX_RETRY_WAIT:
                    raise
                log.info("429 from Telegram: waiting %.1f s as asked, then sending again", wait)
                if lane is not None:
                    lane.waited_out_429 += 1
                if chat_id is None:
                    await self.limits.clock.sleep(wait)
            finally:
                if chat_id is not None:  # Telegram counts from when it got it: no earlier
                    self.limits.hold_chat(chat_id, self.limits.chat_interval)
        raise AssertionError("unreachable")


def _private_or_group_id(chat_id: object) -> int | None:
    """The chat a request writes to, when it is one the per-chat limit applies to (an @name
    of a channel is not paced)."""
    if isinstance(chat_id, int):
        return chat_id
    if isinstance(chat_id, str) and chat_id.lstrip("-").isdigit():
        return int(chat_id)
    return None
