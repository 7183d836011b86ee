"""Importing a roster: parse everything, then write everything in one transaction, or nothing."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

from bot.domain.errors import DomainError
from bot.domain.roster import ParsedRoster, RowError, parse_roster
from bot.i18n import N_
from bot.spreadsheets import Row
from bot.storage import Database
from bot.storage.database import audit
from bot.storage.people import apply_roster

log = logging.getLogger(__name__)
DEFAULT_SO_NAME = "Sở GD&ĐT"

_locks: dict[int, asyncio.Lock] = {}


class ImportInProgress(DomainError):
    def __init__(self) -> None:
        super().__init__(N_("Another import is running. Please try again in a minute."))


@dataclass(frozen=True, slots=True)
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _lock_for(db: Database) -> asyncio.Lock:
    return _locks.setdefault(id(db), asyncio.Lock())


async def import_roster(db: Database, rows: list[Row], *, actor: str,
                        so_name: str = DEFAULT_SO_NAME) -> ImportReport:
    """Upsert the roster keyed by phone. Any bad row: nothing is written, every error returned.

    Raises:
        ImportInProgress: another import into the same database has not finished.
    """
    lock = _lock_for(db)
    if lock.locked():
        raise ImportInProgress()
    async with lock:
        parsed: ParsedRoster = await asyncio.to_thread(parse_roster, rows)
        if parsed.errors:
            log.info("roster import refused: %d bad rows", len(parsed.errors))
            return ImportReport(errors=parsed.errors)
        async with db.transaction() as tx:
            created, updated = await apply_roster(tx, parsed.entries, so_name)
            await audit(tx, actor=actor, action="roster.import", created=created,
                        updated=updated)
        log.info("roster imported: %d created, %d updated", created, updated)
        return ImportReport(created=created, updated=updated)
