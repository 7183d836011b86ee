"""The running campaign: which one it is, what loading another would change, and loading it.

Every reader asks ``current(db)``; it costs one indexed query, so a campaign loaded from the
command line or the bot is what the very next message reads, without a restart.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from functools import lru_cache

from bot.campaigns import PROVINCE_FILES, bundled, bundled_text, empty_campaign_text, shipped_file
from bot.domain.campaign import Campaign, Task
from bot.domain.campaign_file import CampaignError, parse_campaign
from bot.domain.people import Level, Person, Role
from bot.domain.provinces import province as find_province
from bot.domain.provinces import region
from bot.storage import Database
from bot.storage import campaigns as campaign_repo

MAX_CAMPAIGN_BYTES = 512 * 1024  # a campaign file is short text, in the bot and the dashboard
_seen_codes: set[str] = set()


@lru_cache(maxsize=8)
def _parsed(text: str) -> Campaign:
    campaign = parse_campaign(text)[0] or bundled()  # a stored file was valid when loaded
    _seen_codes.update(t.code for t in campaign.tasks)
    return campaign


def known_task_codes() -> set[str]:
    """Every task code of the shipped campaigns and of those this process has run: what a
    button may name. The handler still checks the code against the running campaign."""
    if not _seen_codes:
        for name in PROVINCE_FILES.values():
            _seen_codes.update(t.code for t in bundled(name).tasks)
    return _seen_codes


async def current(db: Database) -> Campaign:
    """The loaded campaign, or the shipped default (Bình Phước) before any load."""
    row = await campaign_repo.active_row(db.reader)
    return bundled() if row is None else _parsed(row[1])


@dataclass(frozen=True, slots=True)
class Preview:
    """What loading ``new`` over ``old`` changes, shown before an officer confirms."""

    new: Campaign
    added: tuple[Task, ...]
    changed: tuple[Task, ...]  # same code, other header, label, kind, people or criteria
    retired: tuple[Task, ...]  # archived: their states stay, they are no longer shown
    people_affected: int  # whose task list changes


def _signature(task: Task) -> tuple[object, ...]:
    return (task.header, task.label, task.kind, task.roles, task.levels, task.core_only,
            task.criteria, task.not_rolled_out, task.group)


async def preview(db: Database, new: Campaign) -> Preview:
    old = await current(db)
    old_by_code = {t.code: t for t in old.tasks}
    new_codes = {t.code for t in new.tasks}
    added = tuple(t for t in new.tasks if t.code not in old_by_code)
    changed = tuple(t for t in new.tasks if t.code in old_by_code
                    and _signature(old_by_code[t.code]) != _signature(t))
    retired = tuple(t for t in old.tasks if t.code not in new_codes)
    affected = 0
    if added or changed or retired:
        seen: dict[tuple[str, str | None, bool], bool] = {}
        async with db.reader.execute(
                "SELECT role, level, is_core, COUNT(*) FROM people "
                "WHERE role IN ('gv', 'ht', 'pht') GROUP BY role, level, is_core") as cur:
            for role, level, is_core, n in await cur.fetchall():
                key = (role, level, bool(is_core))
                if key not in seen:
                    person = Person(0, "", "", Role(role), 0, Level(level) if level else None,
                                    bool(is_core))
                    before = [(t.code, _signature(t)) for t in old.tasks_for(person)]
                    after = [(t.code, _signature(t)) for t in new.tasks_for(person)]
                    seen[key] = before != after
                affected += n if seen[key] else 0
    return Preview(new, added, changed, retired, affected)


@dataclass(frozen=True, slots=True)
class LoadResult:
    errors: tuple[CampaignError, ...] = ()
    preview: Preview | None = None
    campaign_id: int | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


async def check(db: Database, text: str) -> LoadResult:
    """Parse (in a worker thread: a 500 KB file nested on purpose takes half a second) and
    compare with the running campaign; nothing is written."""
    campaign, errors = await asyncio.to_thread(parse_campaign, text)
    if campaign is None:
        return LoadResult(tuple(errors))
    return LoadResult(preview=await preview(db, campaign))


async def load(db: Database, text: str, *, actor: str) -> LoadResult:
    """Make the file the running campaign, all or nothing, audited.

    Statuses are keyed by task code, so tasks that keep their code keep their statuses; tasks
    the file drops are archived (docs/campaign.md, "Loading a campaign").
    """
    result = await check(db, text)
    if result.preview is None:
        return result
    async with db.transaction() as tx:
        campaign_id = await campaign_repo.save(
            tx, result.preview.new, actor=actor,
            retired=[t.code for t in result.preview.retired])
    return LoadResult(preview=result.preview, campaign_id=campaign_id)


async def settle_province(db: Database, province: str | None) -> bool:
    """Give a database that never ran a campaign its province's: the shipped file of
    ``TROLY_PROVINCE`` (found by old or new name), or an empty campaign for a province with no
    shipped file (``troly doctor`` says so). Called when a database is created, whichever
    command creates it; once any campaign was loaded, the Sở's choice stands. Audited."""
    found = find_province(province)
    if found is None or await campaign_repo.active_row(db.reader) is not None:
        return False
    name = shipped_file(found.code)
    text = bundled_text(name) if name else empty_campaign_text(found.code, found.name)
    return (await load(db, text, actor=f"province:{found.code}")).ok


async def database_province(db: Database) -> str | None:
    """The province (code today) the database was settled for: its running campaign's."""
    if await campaign_repo.active_row(db.reader) is None:
        return None
    return region((await current(db)).province)
