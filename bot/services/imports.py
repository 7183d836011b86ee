"""Importing spreadsheets (the roster, task statuses): parse everything, then write everything
in one transaction, or nothing. One import at a time per database."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from bot.domain.errors import DomainError
from bot.domain.roster import ParsedRoster, RowError, parse_roster
from bot.domain.status_sheet import parse_status
from bot.domain.tasks import CriteriaState
from bot.i18n import N_
from bot.services.campaigns import current
from bot.spreadsheets import Row
from bot.storage import Database
from bot.storage import tasks as task_repo
from bot.storage.database import audit
from bot.storage.people import apply_roster, person_by_phone

log = logging.getLogger(__name__)
DEFAULT_SO_NAME = "Sở GD&ĐT"

_locks: dict[int, asyncio.Lock] = {}


class ImportInProgress(DomainError):
    def __init__(self) -> None:
        super().__init__(N_("Another import is running. Please try again in a minute."))


@dataclass(frozen=True, slots=True)
class ImportReport:
    created: int = 0  # roster: people added; status: items changed
    updated: int = 0  # roster: people updated; status: items already in that state
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def error_lines(errors: list[RowError], gettext: Callable[[str], str]) -> list[str]:
    """Each bad row as one translated line: "Dòng 3: thiếu số điện thoại"."""
    lines = []
    for error in errors:
        text = gettext(error.message).format(**error.params)
        lines.append(gettext("Row {row}: {error}").format(row=error.row, error=text)
                     if error.row else text)
    return lines


@asynccontextmanager
async def _one_import_at_a_time(db: Database) -> AsyncIterator[None]:
    """A second import into the same database is told to wait rather than queued behind."""
    lock = _locks.setdefault(id(db), asyncio.Lock())
    if lock.locked():
        raise ImportInProgress()
    async with lock:
        yield


async def import_roster(db: Database, rows: list[Row], *, actor: str,
                        so_name: str = DEFAULT_SO_NAME) -> ImportReport:
    """Upsert the roster keyed by phone. Any bad row: nothing is written, every error returned.

    Raises:
        ImportInProgress: another import into the same database has not finished.
    """
    async with _one_import_at_a_time(db):
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


IMPORT_REASON = "status import"


async def import_status(db: Database, rows: list[Row], *, actor: str) -> ImportReport:
    """Set task states from a status sheet keyed by phone; any bad row: nothing is written.

    An import mirrors LMS/TEMIS as it stands, so it may set any state of the task (the rule of
    ``tasks.Actor.IMPORT``), backward moves included, recorded with the reason "status import".

    Raises:
        ImportInProgress: another import into the same database has not finished.
    """
    async with _one_import_at_a_time(db):
        campaign = await current(db)
        parsed = await asyncio.to_thread(parse_status, rows, campaign)
        errors = list(parsed.errors)
        changes = []
        for status in parsed.rows:
            person = await person_by_phone(db.reader, status.phone)
            if person is None:
                errors.append(RowError(status.row, N_("phone number is not in the roster")))
                continue
            own = campaign.tasks_for(person)
            recorded = await task_repo.states_of(db.reader, campaign, person.id)
            wanted = dict(status.states)
            for task, marks in status.marks.items():
                base = wanted.get(task) or recorded.get(task) or CriteriaState(())
                if isinstance(base, CriteriaState):
                    for code, passed in marks.items():
                        base = base.with_mark(code, passed)
                    wanted[task] = base
            for task, state in wanted.items():
                if task not in own:
                    errors.append(RowError(status.row, N_("“{task}” is not a task of this "
                                                          "person"), {"task": task.header}))
                    continue
                before = recorded.get(task)
                if before != state:
                    changes.append((person.id, task, before, state))
        if errors:
            errors.sort(key=lambda e: e.row)
            return ImportReport(errors=errors)
        unchanged = sum(len(s.states.keys() | s.marks.keys()) for s in parsed.rows) - len(changes)
        async with db.transaction() as tx:
            for person_id, task, before, state in changes:
                if not await task_repo.set_state(tx, person_id, task, before, state,
                                                 actor=actor, reason=IMPORT_REASON):
                    raise ImportInProgress()  # changed under us: roll back, ask to retry
            await audit(tx, actor=actor, action="status.import", changed=len(changes),
                        unchanged=unchanged)
        log.info("status imported: %d items changed", len(changes))
        return ImportReport(created=len(changes), updated=unchanged)
