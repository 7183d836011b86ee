"""/hanchot and letters: the Sở's deadlines as use cases, each change one audited transaction.

Only the running campaign's deadlines and the Sở's own are this deployment's: another
campaign's (a province loaded before, say) are neither listed nor turned back on.
"""

from __future__ import annotations

from bot.domain.campaign import Campaign
from bot.domain.deadlines import Deadline, DeadlineDraft
from bot.storage import Database
from bot.storage import deadlines as repo


async def all_deadlines(db: Database, campaign: Campaign) -> list[Deadline]:
    return [d for d in await repo.all_deadlines(db.reader) if not d.of_another_campaign(campaign)]


async def add_deadline(db: Database, draft: DeadlineDraft, *, actor: str) -> int:
    async with db.transaction() as tx:
        return await repo.add_deadline(tx, draft, actor=actor)


async def change_deadline(db: Database, campaign: Campaign, deadline_id: int, *, actor: str,
                          date: tuple[int, int, int | None] | None = None,
                          offsets: tuple[int, ...] | None = None,
                          active: bool | None = None) -> bool:
    """False when there is no such deadline in this campaign, or nothing to change."""
    async with db.transaction() as tx:
        found = await repo.deadline_by_id(tx, deadline_id)
        if found is None or found.of_another_campaign(campaign):
            return False
        return await repo.update_deadline(tx, deadline_id, actor=actor, date=date,
                                          offsets=offsets, active=active)
