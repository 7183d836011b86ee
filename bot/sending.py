"""The one outbox every bulk message goes through (reminders, alerts, broadcasts, answers).

Telegram's limits (30 messages a second overall, one a second to a chat) are kept by the bot's
rate limiter (:mod:`bot.pacing`), which every request passes through; the outbox marks its own
sends as bulk, so they keep an even pace and leave room for the replies people wait for. The
outbox retries network errors with backoff, marks people who blocked the bot, and records every
outcome.

A message longer than Telegram allows goes as several parts, and each part Telegram accepted is
recorded at once: a retry, or a restart after a crash, sends only the parts not yet accepted.
Rows are claimed a few at a time. If the process dies between Telegram accepting a part and the
outbox recording it, that part is sent again on restart: a late duplicate beats a lost deadline
reminder, and the claim size bounds how many are at stake.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

import aiosqlite
from telegram import (
    Bot,
    ForceReply,
    InlineKeyboardMarkup,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.domain.deadlines import QUIET_UNTIL, may_send_at
from bot.pacing import BulkLane, bulk_lane, retry_seconds
from bot.storage import Database
from bot.storage import outbox as outbox_repo
from bot.storage.accounts import Account, account_of_person, mark_blocked
from bot.storage.outbox import BULK_KINDS, OutboxRow
from bot.telegram_text import split_html

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
CLAIM_SIZE = 30  # about one second of sending: what a crash can leave uncertain


async def send_html(bot: Bot, chat_id: int, text: str, *,
                    reply_markup: ReplyMarkup | None = None, **kwargs: Any) -> Message:
    """Send HTML as one message, or as several when it is longer than Telegram allows: cut
    between paragraphs or lines, never inside a tag (see :func:`split_html`); the buttons go
    with the last part, which is returned."""
    message = await send_html_parts(bot, chat_id, text, reply_markup=reply_markup, **kwargs)
    assert message is not None  # a first part of 0 sends every part
    return message


async def send_html_parts(bot: Bot, chat_id: int, text: str, *, first: int = 0,
                          accepted: Callable[[int], Awaitable[None]] | None = None,
                          reply_markup: ReplyMarkup | None = None,
                          **kwargs: Any) -> Message | None:
    """The parts of ``text`` from ``first`` on (those before were accepted earlier), each
    followed by ``accepted(number of parts accepted so far)``; returns the last one sent."""
    parts = split_html(text) or [text]
    message = None
    for index in range(first, len(parts)):
        message = await bot.send_message(
            chat_id, parts[index], parse_mode="HTML", disable_web_page_preview=True,
            reply_markup=reply_markup if index == len(parts) - 1 else None, **kwargs)
        if accepted is not None:
            await accepted(index + 1)
    return message


@dataclass(frozen=True, slots=True)
class Rendered:
    text: str
    reply_markup: InlineKeyboardMarkup | None = None
    document: tuple[str, bytes | str] | None = None  # (filename, content or Telegram file_id)
    photo: bytes | str | None = None  # content or Telegram file_id
    reply_to: int | None = None  # a message of the same chat this one answers


ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply
Settler = Callable[[aiosqlite.Connection, OutboxRow, str], Awaitable[None]]
Renderer = Callable[[OutboxRow, Account], Awaitable[Rendered | None]]


@dataclass
class DrainReport:
    sent: int = 0
    skipped: int = 0
    failed: int = 0
    blocked: int = 0
    retried: int = 0
    deferred: int = 0
    retry_after: int = 0


@dataclass
class Outbox:
    db: Database
    timezone: ZoneInfo
    clock: Callable[[], dt.datetime]
    bot: Bot | None = None
    renderers: dict[str, Renderer] = field(default_factory=dict)
    settlers: dict[str, Settler] = field(default_factory=dict)
    concurrency: int = 30
    after_drain: list[Callable[[], Awaitable[None]]] = field(default_factory=list)
    _wake: asyncio.Event = field(default_factory=asyncio.Event)
    _task: asyncio.Task[None] | None = None
    _stopping: bool = False
    _claimed: set[int] = field(default_factory=set)  # marked "sending" and not yet recorded

    def register(self, kind: str, renderer: Renderer, settle: Settler | None = None) -> None:
        """``renderer`` writes the message of a row of ``kind`` when it goes out; ``settle``
        (optional) records its outcome for the feature, in the outbox's own transaction: a
        ticket closes only when its answer was delivered."""
        self.renderers[kind] = renderer
        if settle is not None:
            self.settlers[kind] = settle

    async def _finish(self, tx: aiosqlite.Connection, row: OutboxRow, status: str,
                      error: str | None = None) -> None:
        """The row's final status ("sent" only once Telegram accepted the message), and what
        its feature records about it, in one transaction."""
        await outbox_repo.finish(tx, row.id, status, error)
        settle = self.settlers.get(row.kind)
        if settle is not None:
            await settle(tx, row, status)

    def wake(self) -> None:
        self._wake.set()

    async def recover(self) -> int:
        async with self.db.transaction() as tx:
            n = await outbox_repo.recover_in_flight(tx)
        if n:
            log.info("outbox: %d messages in flight at the last stop will be sent again", n)
        return n

    def _next_morning(self, now: dt.datetime) -> dt.datetime:
        local = now.astimezone(self.timezone)
        day = local.date() if local.time() < QUIET_UNTIL else local.date() + dt.timedelta(1)
        return dt.datetime.combine(day, QUIET_UNTIL, self.timezone).astimezone(dt.UTC)

    async def drain(self, *, max_messages: int | None = None) -> DrainReport:
        """Send everything due now; returns when nothing due is left (or after ``max_messages``
        have been handled: a stand-in for a crash in tests and benchmarks).

        Workers pull from a queue that is refilled a claim at a time before it runs dry, so
        the pacer, not the database, sets the rate.
        """
        report = DrainReport()
        queue: asyncio.Queue[OutboxRow] = asyncio.Queue()
        claimed = 0
        refilling = asyncio.Lock()

        async def refill() -> None:
            nonlocal claimed
            async with refilling:
                if self._stopping or queue.qsize() >= CLAIM_SIZE // 2:
                    return
                limit = CLAIM_SIZE if max_messages is None else min(CLAIM_SIZE,
                                                                    max_messages - claimed)
                if limit <= 0:
                    return
                now = self.clock()
                quiet = () if may_send_at(now.astimezone(self.timezone).time()) else BULK_KINDS
                async with self.db.transaction() as tx:
                    rows = await outbox_repo.claim(tx, limit, now, quiet)
                for row in rows:
                    queue.put_nowait(row)
                self._claimed.update(row.id for row in rows)
                claimed += len(rows)

        async def worker() -> None:
            bulk_lane.set(lane)  # in this worker's task only
            while True:
                await refill()
                if queue.empty() or self._stopping:
                    return
                row = queue.get_nowait()
                try:
                    await self._send_one(row, report)
                except Exception as exc:  # one bad row must not stop the others
                    log.exception("outbox row %s failed: %s", row.id, type(exc).__name__)
                    async with self.db.transaction() as tx:
                        await self._finish(tx, row, "failed", type(exc).__name__)
                    report.failed += 1
                self._claimed.discard(row.id)  # not reached when cancelled mid-send

        lane = BulkLane()
        await asyncio.gather(*(worker() for _ in range(self.concurrency)))
        report.retry_after += lane.waited_out_429
        for hook in self.after_drain:  # e.g. a broadcast's progress message
            try:
                await hook()
            except Exception as exc:
                log.error("after-drain hook failed: %s", type(exc).__name__)
        return report

    async def _recipient(self, row: OutboxRow) -> Account | None:
        """The person's account, or for a row addressed to a chat, that chat as an account
        (in the language the row was queued in)."""
        if row.person_id is None:
            assert row.chat_id is not None
            return Account(row.chat_id, None, str(row.payload.get("language", "vi")))
        return await account_of_person(self.db.reader, row.person_id)

    async def _send_one(self, row: OutboxRow, report: DrainReport) -> None:
        account = await self._recipient(row)
        if account is None or account.blocked:  # unlinked since, or blocked the bot
            async with self.db.transaction() as tx:
                await self._finish(tx, row, "skipped",
                                         "blocked" if account else "no account")
            report.skipped += 1
            return
        renderer = self.renderers.get(row.kind)
        rendered = await renderer(row, account) if renderer else None
        if rendered is None:  # nothing to say any more (finished, already approved…)
            async with self.db.transaction() as tx:
                await self._finish(tx, row, "skipped", "nothing to send")
            report.skipped += 1
            return
        if row.kind in BULK_KINDS and not may_send_at(
                self.clock().astimezone(self.timezone).time()):
            async with self.db.transaction() as tx:
                await outbox_repo.postpone(tx, row.id, self._next_morning(self.clock()),
                                           refund_attempt=True)
            report.deferred += 1
            return
        chat_id = account.telegram_user_id
        try:
            await self._deliver(row, chat_id, rendered)
        except RetryAfter as exc:  # still refused after the pacer's own retries
            report.retry_after += 1
            async with self.db.transaction() as tx:
                await outbox_repo.postpone(
                    tx, row.id, self.clock() + dt.timedelta(seconds=retry_seconds(exc)),
                    "RetryAfter", refund_attempt=True)
            return
        except Forbidden:
            async with self.db.transaction() as tx:
                await mark_blocked(tx, account.telegram_user_id)
                await self._finish(tx, row, "blocked", "Forbidden")
            log.info("outbox row %s: the user blocked the bot; marked inactive", row.id)
            report.blocked += 1
            return
        except BadRequest as exc:
            async with self.db.transaction() as tx:
                await self._finish(tx, row, "failed", f"BadRequest: {exc.message}"[:200])
            report.failed += 1
            return
        except (TimedOut, NetworkError) as exc:
            # TimedOut may mean Telegram got it: sending that part again risks a duplicate,
            # which beats losing the message.
            async with self.db.transaction() as tx:
                if row.attempts >= MAX_ATTEMPTS:
                    await self._finish(tx, row, "failed", type(exc).__name__)
                    report.failed += 1
                else:
                    backoff = dt.timedelta(seconds=2 ** row.attempts)
                    await outbox_repo.postpone(tx, row.id, self.clock() + backoff,
                                               type(exc).__name__)
                    report.retried += 1
            log.warning("outbox row %s: %s (attempt %d)", row.id, type(exc).__name__,
                        row.attempts)
            return
        async with self.db.transaction() as tx:
            await self._finish(tx, row, "sent")
        report.sent += 1

    async def _deliver(self, row: OutboxRow, chat_id: int, rendered: Rendered) -> None:
        """The row's message, from its first part not yet accepted; each part Telegram
        accepts is recorded in its own transaction before the next goes."""
        if self.bot is None:
            raise RuntimeError("the outbox has no bot to send with")

        async def accepted(parts: int) -> None:
            async with self.db.transaction() as tx:
                await outbox_repo.record_parts_sent(tx, row.id, parts)

        if rendered.document is not None and not row.parts_sent:
            filename, content = rendered.document
            await self.bot.send_document(chat_id, content, filename=filename,
                                         caption=rendered.text or None, parse_mode="HTML",
                                         reply_markup=rendered.reply_markup)
            await accepted(1)
        elif rendered.photo is not None and not row.parts_sent:
            await self.bot.send_photo(chat_id, rendered.photo, caption=rendered.text or None,
                                      parse_mode="HTML", reply_markup=rendered.reply_markup)
            await accepted(1)
        if rendered.document is not None or rendered.photo is not None:
            return
        replying = ({"reply_to_message_id": rendered.reply_to,
                     "allow_sending_without_reply": True} if rendered.reply_to else {})
        await send_html_parts(self.bot, chat_id, rendered.text, first=row.parts_sent,
                              accepted=accepted, reply_markup=rendered.reply_markup, **replying)

    async def run_forever(self, idle_seconds: float = 30.0) -> None:
        """The background sender: drains whenever woken, or every ``idle_seconds``."""
        await self.recover()
        while True:
            try:
                await self.drain()
            except Exception as exc:  # e.g. the database locked for longer than its timeout
                log.error("outbox drain failed: %s", type(exc).__name__)
            if self._stopping:
                return
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=idle_seconds)

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self.run_forever(), name="outbox")

    async def stop(self, grace: float = 0.0) -> None:
        """Stop the background sender: claim nothing more, give the sends in flight ``grace``
        seconds to finish, cancel the rest, and put every row still claimed back to pending,
        so nothing stays "sending" (a send cut off after Telegram took it goes again later).
        """
        task, self._task = self._task, None
        if task is None:
            return
        self._stopping = True
        self._wake.set()
        if grace > 0:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(task), timeout=grace)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        self._stopping = False
        if self._claimed and self.db.is_open:
            try:
                async with self.db.transaction() as tx:
                    returned = await outbox_repo.release(tx, self._claimed)
            except Exception as exc:  # the next start's recover() returns them instead
                log.error("outbox: could not return claimed rows: %s", type(exc).__name__)
                return
            finally:
                self._claimed.clear()
            log.info("outbox: stopped; %d claimed messages back to pending", returned)
