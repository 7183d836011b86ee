"""/hanchot and letters: the Sở's deadlines as use cases, each change one audited transaction."""

from __future__ import annotations

from bot.domain.deadlines import Deadline, DeadlineDraft
from bot.storage import Database
from bot.storage import deadlines as repo


async def all_deadlines(db: Database) -> list[Deadline]:
    return await repo.all_deadlines(db.reader)


async def add_deadline(db: Database, draft: DeadlineDraft, *, actor: str) -> int:
    async with db.transaction() as tx:
        return await repo.add_deadline(tx, draft, actor=actor)


async def change_deadline(db: Database, deadline_id: int, *, actor: str,
                          date: tuple[int, int, int | None] | None = None,
                          offsets: tuple[int, ...] | None = None,
                          active: bool | None = None) -> bool:
    """False when there is no such deadline."""
    async with db.transaction() as tx:
        return await repo.update_deadline(tx, deadline_id, actor=actor, date=date,
                                          offsets=offsets, active=active)
