"""Updates from different chats are handled concurrently; one chat's updates stay in order.

python-telegram-bot either handles updates one at a time or all concurrently. One at a time
leaves the bot idle while it waits on the database; fully concurrent could answer a teacher's
two quick messages out of order (a reason typed right after pressing "go back"). This keeps
per-chat order and overlaps everything else.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.logs import logged_update


class PerChatUpdateProcessor(BaseUpdateProcessor):
    def __init__(self, max_concurrent_updates: int = 64) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        logged = logged_update(update.update_id if isinstance(update, Update) else None,
                               coroutine)
        if chat is None:
            await logged
            return
        if len(self._locks) > 10_000:  # forget chats that are idle now
            self._locks = {c: lock for c, lock in self._locks.items() if lock.locked()}
        async with self._locks.setdefault(chat.id, asyncio.Lock()):
            await logged

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None
