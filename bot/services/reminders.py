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

from bot.domain.campaign import Campaign, Task
from bot.domain.deadlines import (
    MANDATORY_MAX_OFFSET,
    QUIET_FROM,
    SEND_AT,
    Audience,
    Deadline,
)
from bot.domain.errors import NotApplicable
from bot.domain.people import Level, Person, Role, UnitKind, profile_from_chain, unit_chain
from bot.domain.routing import (
    APPROVER_ROLE,
    ApproverKind,
    RoutingRules,
    approver_for,
    officers_for_level,
    routed_level,
)
from bot.domain.tasks import ReviewState, TaskState, done_state
from bot.services.campaigns import current
from bot.services.tasks import pending_for
from bot.storage import Database
from bot.storage import deadlines as deadline_repo
from bot.storage import people as people_repo
from bot.storage import tasks as task_repo
from bot.storage.database import audit
from bot.storage.outbox import Queued, enqueue
from bot.storage.recipients import StaffRow, reachable_by_unit, school_staff


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
    items: tuple[Task, ...] = ()
    count: int = 0

    @property
    def dedup_key(self) -> str:
        return (f"reminder:{self.deadline_id}:{self.occurrence.isoformat()}:{self.offset}:"
                f"{self.kind.value}")

    def queued(self) -> Queued:
        return Queued("reminder", self.dedup_key, self.person_id, {
            "deadline_id": self.deadline_id, "occurrence": self.occurrence.isoformat(),
            "offset": self.offset, "kind": self.kind.value})


def missing_for(campaign: Campaign, person: Person, states: dict[Task, TaskState],
                deadline: Deadline) -> list[Task]:
    """The deadline's tasks this person has and has not finished."""
    return _missing([(t, done_state(t)) for t in campaign.tasks_of(deadline.tasks)], person,
                    states)


def _missing(done: Sequence[tuple[Task, TaskState]], person: Person,
                  states: dict[Task, TaskState]) -> list[Task]:
    """Each task's done state is looked up once per deadline, not once per person."""
    return [t for t, finished in done if t.applies_to(person) and states.get(t) != finished]


def planning_window(moment: dt.time) -> bool:
    """Reminders go out from 07:30, and never in the quiet hours (21:00–07:00)."""
    return SEND_AT <= moment < QUIET_FROM


def _reachable(row: StaffRow, offset: int) -> bool:
    """Has an account, and either wants early reminders or this one is the last days'."""
    return row.account and (not row.muted or offset <= MANDATORY_MAX_OFFSET)


async def plan_deadline(db: Database, campaign: Campaign, deadline: Deadline, today: dt.date,
                        rules: RoutingRules) -> AsyncIterator[PlannedReminder]:
    """The deadline's reminders due today, streamed: a province is a million people."""
    offset = deadline.due_offset(today)
    occurrence = deadline.occurrence(today)
    tasks = campaign.tasks_of(deadline.tasks)
    if offset is None or occurrence is None or not tasks:
        return
    done = [(t, done_state(t)) for t in tasks]
    conn = db.reader
    units = await people_repo.all_units(conn)

    def reminder(person_id: int, kind: ReminderKind, items: Sequence[Task] = (),
                 count: int = 0) -> PlannedReminder:
        return PlannedReminder(person_id, deadline.id, occurrence, offset, kind, tuple(items),
                               count)

    if deadline.audience is Audience.CORE:
        waiting: Counter[int] = Counter()
        waiting_items: dict[int, set[Task]] = {}
        approvers_cache: dict[tuple[ApproverKind, int, Level | None], list[int]] = {}
        staff = {role: await reachable_by_unit(conn, role) for role in APPROVER_ROLE.values()}
        muted = {r.person_id: r.muted for by_unit in staff.values()
                 for people in by_unit.values() for r in people}
        async for row in school_staff(conn, tasks, core_only=True):
            missing = _missing(done, row.person, row.states)
            if missing and _reachable(row, offset):
                yield reminder(row.person.id, ReminderKind.OWN, missing)
            lecturer_approved = [t for t in missing
                                 if row.states.get(t) is ReviewState.LECTURER_APPROVED]
            if not lecturer_approved:
                continue
            profile = profile_from_chain(row.person, unit_chain(row.person.unit_id, units))
            try:
                target = approver_for(profile, rules)
            except NotApplicable:
                continue
            level = routed_level(profile)
            key = (target.kind, target.unit_id, level)
            if key not in approvers_cache:
                people = staff[APPROVER_ROLE[target.kind]].get(target.unit_id, [])
                approvers_cache[key] = [r.person_id for r in officers_for_level(
                    target.kind, people, level, lambda r: r.level)]
            for approver_id in approvers_cache[key]:
                waiting[approver_id] += len(lecturer_approved)
                waiting_items.setdefault(approver_id, set()).update(lecturer_approved)
        for approver_id, n in waiting.items():
            if not muted.get(approver_id) or offset <= MANDATORY_MAX_OFFSET:
                items = campaign.order(list(waiting_items[approver_id]))
                yield reminder(approver_id, ReminderKind.APPROVER, items, n)
        return

    school_open: Counter[int] = Counter()
    core_only = all(t.core_only for t in tasks)
    async for row in school_staff(conn, tasks, core_only=core_only):
        missing = _missing(done, row.person, row.states)
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
        for unit_id, people in (await reachable_by_unit(conn, role)).items():
            if counts.get(unit_id):
                for r in people:
                    if not r.muted or offset <= MANDATORY_MAX_OFFSET:
                        yield reminder(r.person_id, kind, count=counts[unit_id])


async def iter_plan(db: Database, now_local: dt.datetime,
                    rules: RoutingRules) -> AsyncIterator[PlannedReminder]:
    """Everything due at ``now_local`` (the deployment's local time); none outside 07:30–21:00."""
    if not planning_window(now_local.time()):
        return
    campaign = await current(db)
    for deadline in await deadline_repo.all_deadlines(db.reader, active_only=True):
        async for planned in plan_deadline(db, campaign, deadline, now_local.date(), rules):
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
    async with db.transaction() as tx:  # every run, so `troly doctor` can show the last one
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


@dataclass(frozen=True, slots=True)
class ReminderContent:
    """What a queued reminder says when it goes out, read from the state at that moment."""

    kind: ReminderKind
    deadline: Deadline
    date: dt.date
    missing: tuple[Task, ...] = ()  # OWN: the person's tasks still open
    states: dict[Task, TaskState] | None = None  # OWN: their states
    pending: int = 0  # APPROVER: items waiting for them
    unit_name: str = ""  # SCHOOL, DISTRICT: the unit reminded about
    open_counts: dict[str, int] | None = None  # school name → people still missing a task


async def reminder_content(db: Database, campaign: Campaign, rules: RoutingRules,
                           person_id: int, deadline_id: int, occurrence: str,
                           kind: ReminderKind) -> ReminderContent | None:
    """None when there is nothing left to remind (done, approved, deadline changed)."""
    person = await people_repo.person_by_id(db.reader, person_id)
    due = await still_due(db, person, deadline_id, occurrence) if person else None
    if person is None or due is None:
        return None
    deadline, date = due
    if kind is ReminderKind.OWN:
        states = await task_repo.states_of(db.reader, campaign, person.id)
        missing = tuple(missing_for(campaign, person, states, deadline))
        return ReminderContent(kind, deadline, date, missing, states) if missing else None
    if kind is ReminderKind.APPROVER:
        profile = await people_repo.profile_of(db.reader, person)
        pending = [p for p in await pending_for(db, campaign, profile, rules)
                   if p.task.code in deadline.tasks]
        return ReminderContent(kind, deadline, date, pending=len(pending)) if pending else None
    counts = await _open_counts(db, campaign, person.unit_id, deadline,
                                district=kind is ReminderKind.DISTRICT)
    if not counts:
        return None
    unit = await people_repo.unit_by_id(db.reader, person.unit_id)
    return ReminderContent(kind, deadline, date, unit_name=unit.name if unit else "",
                           open_counts=counts)


async def _open_counts(db: Database, campaign: Campaign, unit_id: int, deadline: Deadline, *,
                       district: bool) -> dict[str, int]:
    """School name → people who still miss one of the deadline's tasks."""
    schools = ([u for u in await people_repo.units_of_kind(db.reader, UnitKind.SCHOOL)
                if u.parent_id == unit_id] if district else
               [u for u in [await people_repo.unit_by_id(db.reader, unit_id)] if u])
    counts: dict[str, int] = {}
    for school in schools:
        staff = await people_repo.people_in_unit(db.reader, school.id)
        states = await task_repo.states_of_many(db.reader, campaign, [p.id for p in staff])
        n = sum(1 for p in staff if missing_for(campaign, p, states[p.id], deadline))
        if n:
            counts[school.name] = n
    return counts
