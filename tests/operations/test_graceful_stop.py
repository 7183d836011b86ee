"""Stopping the outbox (SIGTERM): sends in flight finish, the rest go back to pending, nothing
stays "sending", and the next start sends each remaining message once."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from bot.app import Services
from bot.domain.audience import Audience, SenderScope
from bot.domain.people import UnitKind
from bot.offline import OfflineTelegram
from bot.services import broadcasts
from bot.storage.outbox import counts

CHATS = 600_000


async def queue_announcement(services: Services) -> int:
    async with services.db.transaction() as tx:
        await tx.execute("INSERT INTO accounts (telegram_user_id, person_id, created_at) "
                         "SELECT ? + id, id, 'x' FROM people", (CHATS,))
    sender = broadcasts.Sender("cli", None, SenderScope(UnitKind.SO, None))
    draft = await broadcasts.start_draft(services.db, sender, "Thông báo: nộp hồ sơ trước 28/2.")
    await broadcasts.choose_audience(services.db, draft, sender, Audience())
    return await broadcasts.queue(services.db, draft, sender)


def hold_sends(telegram: OfflineTelegram) -> tuple[asyncio.Event, list[int]]:
    """Every sendMessage waits for the gate, as a slow Telegram would; returns the gate and
    the chats whose sends have started."""
    gate, started = asyncio.Event(), []
    send: Callable[..., Awaitable[Any]] = telegram.api._m_sendmessage

    async def slow(params: dict[str, Any], files: Any) -> Any:
        started.append(int(params["chat_id"]))
        await gate.wait()
        return await send(params, files)

    telegram.api._m_sendmessage = slow  # type: ignore[method-assign]
    return gate, started


async def wait_for(condition: Callable[[], bool]) -> None:
    for _ in range(500):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("timed out")


async def test_sends_in_flight_finish_and_the_rest_return_to_pending(
        services: Services, telegram: OfflineTelegram) -> None:
    total = await queue_announcement(services)
    gate, started = hold_sends(telegram)
    services.outbox.concurrency = 3
    services.outbox.start()
    await wait_for(lambda: len(started) == 3)

    stopping = asyncio.create_task(services.outbox.stop(grace=5))
    await asyncio.sleep(0.05)
    gate.set()  # Telegram answers the three in flight
    await stopping

    assert await counts(services.db.reader) == {"sent": 3, "pending": total - 3}
    assert sorted(m.chat_id for m in telegram.api.sent) == sorted(started)


async def test_after_the_grace_the_sends_are_cut_and_resent_once_on_restart(
        services: Services, telegram: OfflineTelegram) -> None:
    total = await queue_announcement(services)
    gate, started = hold_sends(telegram)
    services.outbox.concurrency = 3
    services.outbox.start()
    await wait_for(lambda: len(started) == 3)

    await services.outbox.stop(grace=0.1)  # Telegram never answered
    assert await counts(services.db.reader) == {"pending": total}

    gate.set()
    services.outbox.start()
    await wait_for(lambda: len(telegram.api.sent) == total)
    await services.outbox.stop(grace=5)
    assert await counts(services.db.reader) == {"sent": total}
    chats = [m.chat_id for m in telegram.api.sent]
    assert len(chats) == len(set(chats)) == total
