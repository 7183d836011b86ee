"""Who is reminded of what, and when: planning the day's reminders from the database.

Planning reads the state at that moment and yields keys (person, deadline, day, offset, kind).
The outbox stores only those keys; the text is rendered when the message goes out, from the
state at *that* moment, so someone who finished at 07:29 is not reminded at 07:30.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

import aiosqlite

from bot.domain.deadlines import (
    MANDATORY_MAX_OFFSET,
    QUIET_FROM,
    SEND_AT,
    Audience,
    Deadline,
)
from bot.domain.errors import NotApplicable
from bot.domain.people import Level, Person, Profile, Role, Unit, UnitKind
from bot.domain.routing import RoutingRules, approver_for
from bot.domain.tasks import ReviewState, TaskCode, TaskState, is_done, tasks_for
from bot.storage import Database
from bot.storage import deadlines as deadline_repo
from bot.storage import people as people_repo
from bot.storage.database import audit
from bot.storage.outbox import Queued, enqueue
from bot.storage.tasks import state_joins, states_from_columns


class ReminderKind(StrEnum):
    OWN = "own"  # my own open items
    APPROVER = "approver"  # items waiting for my approval
    SCHOOL = "school"  # principal: how many in my school still miss something
    DISTRICT = "district"  # Phòng: the same for the schools of my district


@dataclass(frozen=True, slots=True)
class PlannedReminder:
    person_id: int
    deadline_id: int
    occurrence: dt.date
    offset: int
    kind: ReminderKind
    items: tuple[TaskCode, ...] = ()
    count: int = 0

    @property
    def dedup_key(self) -> str:
        return (f"reminder:{self.deadline_id}:{self.occurrence.isoformat()}:{self.offset}:"
                f"{self.kind.value}")

    def queued(self) -> Queued:
        return Queued("reminder", self.dedup_key, self.person_id, {
            "deadline_id": self.deadline_id, "occurrence": self.occurrence.isoformat(),
            "offset": self.offset, "kind": self.kind.value})


def missing_for(person: Person, states: dict[TaskCode, TaskState],
                deadline: Deadline) -> list[TaskCode]:
    """The deadline's tasks this person has and has not finished."""
    own = tasks_for(person)
    return [t for t in deadline.tasks if t in own and not is_done(t, states.get(t))]


def planning_window(moment: dt.time) -> bool:
    """Reminders go out from 07:30, and never in the quiet hours (21:00–07:00)."""
    return SEND_AT <= moment < QUIET_FROM


@dataclass(frozen=True, slots=True)
class _Row:
    person: Person
    account: bool  # a linked, unblocked Telegram account
    muted: bool
    states: dict[TaskCode, TaskState]


async def _units(conn: aiosqlite.Connection) -> dict[int, Unit]:
    async with conn.execute("SELECT id, kind, name, level, parent_id FROM units") as cur:
        return {r[0]: Unit(r[0], UnitKind(r[1]), r[2], r[4], Level(r[3]) if r[3] else None)
                for r in await cur.fetchall()}


def _profile(person: Person, units: dict[int, Unit]) -> Profile:
    unit = units[person.unit_id]
    managing = units.get(unit.parent_id) if unit.parent_id else None
    so = managing if managing and managing.kind is UnitKind.SO else (
        units.get(managing.parent_id) if managing and managing.parent_id else None)
    if unit.kind is UnitKind.SO:
        so = unit
    return Profile(person, unit, managing, so)


async def _stream(conn: aiosqlite.Connection, tasks: Sequence[TaskCode], where: str,
                  batch: int = 20_000) -> AsyncIterator[_Row]:
    """People of the roster with their account flags and the states of ``tasks``."""
    joins, columns, params = state_joins(tasks)
    sql = (f"SELECT p.id, p.role, p.unit_id, p.level, p.is_core, "
           f"a.telegram_user_id IS NOT NULL AND a.blocked_at IS NULL, "
           f"COALESCE(a.reminders_muted, 0){columns} FROM people p "
           f"LEFT JOIN accounts a ON a.person_id = p.id{joins} WHERE {where}")
    async with conn.execute(sql, params) as cur:
        while rows := await cur.fetchmany(batch):
            for r in rows:
                person = Person(r[0], "", "", Role(r[1]), r[2],
                                Level(r[3]) if r[3] else None, bool(r[4]))
                states = states_from_columns(tasks, r[7:])
                yield _Row(person, bool(r[5]), bool(r[6]), states)


def _reachable(row: _Row, offset: int) -> bool:
    """Has an account, and either wants optional reminders or this one is the last days'."""
    return row.account and (not row.muted or offset <= MANDATORY_MAX_OFFSET)


async def _people_with_account(conn: aiosqlite.Connection, role: Role,
                               ) -> dict[int, list[tuple[int, Level | None, bool]]]:
    """unit id → [(person id, level, muted)] of people with this role and a usable account."""
    found: dict[int, list[tuple[int, Level | None, bool]]] = {}
    async with conn.execute(
            "SELECT p.id, p.unit_id, p.level, a.reminders_muted FROM people p JOIN accounts a "
            "ON a.person_id = p.id AND a.blocked_at IS NULL WHERE p.role = ?",
            (role.value,)) as cur:
        for pid, unit_id, level, muted in await cur.fetchall():
            found.setdefault(unit_id, []).append((pid, Level(level) if level else None,
                                                  bool(muted)))
    return found


async def plan_deadline(db: Database, deadline: Deadline, today: dt.date,
                        rules: RoutingRules) -> AsyncIterator[PlannedReminder]:
    """The deadline's reminders due today, streamed: a province is a million people."""
    offset = deadline.due_offset(today)
    occurrence = deadline.occurrence(today)
    if offset is None or occurrence is None:
        return
    conn = db.reader
    units = await _units(conn)

    def reminder(person_id: int, kind: ReminderKind, items: Sequence[TaskCode] = (),
                 count: int = 0) -> PlannedReminder:
        return PlannedReminder(person_id, deadline.id, occurrence, offset, kind, tuple(items),
                               count)

    if deadline.audience is Audience.CORE:
        waiting: Counter[int] = Counter()
        waiting_items: dict[int, set[TaskCode]] = {}
        approvers_cache: dict[tuple[str, int, Level | None], list[int]] = {}
        staff = {Role.PRINCIPAL: await _people_with_account(conn, Role.PRINCIPAL),
                 Role.PHONG_STAFF: await _people_with_account(conn, Role.PHONG_STAFF),
                 Role.SO_STAFF: await _people_with_account(conn, Role.SO_STAFF)}
        muted: dict[int, bool] = {pid: m for by_unit in staff.values()
                                  for people in by_unit.values() for pid, _l, m in people}
        async for row in _stream(conn, deadline.tasks,
                                 "p.is_core = 1 AND p.role IN ('gv', 'ht', 'pht')"):
            missing = missing_for(row.person, row.states, deadline)
            if missing and _reachable(row, offset):
                yield reminder(row.person.id, ReminderKind.OWN, missing)
            lecturer_approved = [t for t in missing
                                 if row.states.get(t) is ReviewState.LECTURER_APPROVED]
            if not lecturer_approved:
                continue
            profile = _profile(row.person, units)
            try:
                target = approver_for(profile, rules)
            except NotApplicable:
                continue
            level = (profile.school.level if profile.school else None) or row.person.level
            key = (target.kind.value, target.unit_id, level)
            if key not in approvers_cache:
                role = {"principal": Role.PRINCIPAL, "phong": Role.PHONG_STAFF,
                        "so": Role.SO_STAFF}[target.kind.value]
                people = staff[role].get(target.unit_id, [])
                if role is not Role.PRINCIPAL:
                    people = ([p for p in people if p[1] == level]
                              or [p for p in people if p[1] is None] or people)
                approvers_cache[key] = [p[0] for p in people]
            for approver_id in approvers_cache[key]:
                waiting[approver_id] += len(lecturer_approved)
                waiting_items.setdefault(approver_id, set()).update(lecturer_approved)
        for approver_id, n in waiting.items():
            if not muted.get(approver_id) or offset <= MANDATORY_MAX_OFFSET:
                items = sorted(waiting_items[approver_id], key=list(TaskCode).index)
                yield reminder(approver_id, ReminderKind.APPROVER, items, n)
        return

    school_open: Counter[int] = Counter()
    async for row in _stream(conn, deadline.tasks, "p.role IN ('gv', 'ht', 'pht')"):
        missing = missing_for(row.person, row.states, deadline)
        if not missing:
            continue
        school_open[row.person.unit_id] += 1
        if _reachable(row, offset):
            yield reminder(row.person.id, ReminderKind.OWN, missing)
    district_open: Counter[int] = Counter()
    for school_id, n in school_open.items():
        parent = units[school_id].parent_id
        if parent is not None and units[parent].kind is UnitKind.PHONG:
            district_open[parent] += n
    for kind, role, counts in ((ReminderKind.SCHOOL, Role.PRINCIPAL, school_open),
                               (ReminderKind.DISTRICT, Role.PHONG_STAFF, district_open)):
        for unit_id, people in (await _people_with_account(conn, role)).items():
            if counts.get(unit_id):
                for pid, _level, muted_ in people:
                    if not muted_ or offset <= MANDATORY_MAX_OFFSET:
                        yield reminder(pid, kind, count=counts[unit_id])


async def iter_plan(db: Database, now_local: dt.datetime,
                    rules: RoutingRules) -> AsyncIterator[PlannedReminder]:
    """Everything due at ``now_local`` (the deployment's local time); none outside 07:30–21:00."""
    if not planning_window(now_local.time()):
        return
    for deadline in await deadline_repo.all_deadlines(db.reader, active_only=True):
        async for planned in plan_deadline(db, deadline, now_local.date(), rules):
            yield planned


async def plan(db: Database, now_local: dt.datetime, rules: RoutingRules,
               ) -> list[PlannedReminder]:
    return [p async for p in iter_plan(db, now_local, rules)]


ENQUEUE_BATCH = 10_000


async def enqueue_due(db: Database, now_local: dt.datetime, rules: RoutingRules) -> int:
    """Plan what is due now and queue it in batches; what was queued before is not queued
    again, so a run cut short is finished by the next one."""
    planned = queued = 0
    batch: list[Queued] = []

    async def flush() -> None:
        nonlocal queued
        async with db.transaction() as tx:
            queued += await enqueue(tx, batch)
        batch.clear()

    async for reminder in iter_plan(db, now_local, rules):
        planned += 1
        batch.append(reminder.queued())
        if len(batch) >= ENQUEUE_BATCH:
            await flush()
    if batch:
        await flush()
    if planned:
        async with db.transaction() as tx:
            await audit(tx, actor="scheduler", action="reminders.plan", planned=planned,
                        queued=queued, at=now_local.isoformat(timespec="minutes"))
    return queued


async def still_due(db: Database, person: Person, deadline_id: int, occurrence: str,
                    ) -> tuple[Deadline, dt.date] | None:
    """The deadline of a queued reminder, if it still stands as planned (not edited or off)."""
    deadline = await deadline_repo.deadline_by_id(db.reader, deadline_id)
    if deadline is None or not deadline.active:
        return None
    date = dt.date.fromisoformat(occurrence)
    if deadline.occurrence(date) != date:  # edited since: this reminder would be wrong
        return None
    return deadline, date


async def describe_plan(db: Database, planned: Sequence[PlannedReminder]) -> list[str]:
    """One line per reminder for an officer checking tomorrow's batch (names, no phones)."""
    lines = []
    for p in planned:
        person = await people_repo.person_by_id(db.reader, p.person_id)
        name = person.full_name if person else f"#{p.person_id}"
        what = ", ".join(t.header for t in p.items) if p.items else ""
        count = f" ({p.count})" if p.count else ""
        lines.append(f"{p.occurrence:%d/%m/%Y} −{p.offset}d  {p.kind.value:<8} {name}: "
                     f"{what}{count}")
    return lines
