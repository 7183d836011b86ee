"""What the bot waits for from each user, kept in the database and mirrored in memory.

Every private message asks "is this user in the middle of something?", so reads come from
memory; each change is written through, so a restart finds the same waits (and their
deadlines) in the table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from bot.storage import Database
from bot.storage import pending_inputs as repo
from bot.storage.pending_inputs import PendingInput

__all__ = ["TIMEOUT", "PendingInput", "PendingInputs"]

TIMEOUT = dt.timedelta(minutes=10)


class PendingInputs:
    def __init__(self, db: Database, clock: Callable[[], dt.datetime]) -> None:
        self._db = db
        self._clock = clock
        self._pending: dict[int, PendingInput] = {}

    async def load(self) -> None:
        self._pending = {p.telegram_user_id: p for p in await repo.all_pending(self._db.reader)}

    def of(self, telegram_user_id: int) -> PendingInput | None:
        return self._pending.get(telegram_user_id)

    def expired(self, pending: PendingInput) -> bool:
        return self._clock() >= pending.expires_at

    async def wait_for(self, telegram_user_id: int, chat_id: int, flow: str, step: str,
                       data: dict[str, Any], language: str) -> PendingInput:
        """Wait for this user's next input (replacing any earlier wait), for ``TIMEOUT``."""
        pending = PendingInput(telegram_user_id, chat_id, flow, step, data, language,
                               self._clock() + TIMEOUT)
        async with self._db.transaction() as tx:
            await repo.save(tx, pending)
        self._pending[telegram_user_id] = pending
        return pending

    async def take(self, telegram_user_id: int) -> PendingInput | None:
        """Stop waiting for this user; returns what was awaited (None: nothing)."""
        pending = self._pending.pop(telegram_user_id, None)
        if pending is not None:
            async with self._db.transaction() as tx:
                await repo.delete(tx, telegram_user_id)
        return pending

    async def take_expired(self) -> list[PendingInput]:
        """The waits past their deadline, forgotten (the caller tells each user)."""
        expired = [p for p in self._pending.values() if self.expired(p)]
        for pending in expired:
            await self.take(pending.telegram_user_id)
        return expired
