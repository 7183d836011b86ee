"""The dashboard's views of progress: the same report as /baocao, kept for a moment, and its
drill-down from a unit to a school to the people still missing each task.

Ten officers refreshing a province of 20,000 people every second must not slow a teacher's
answer, so a scope's report is built once and shared until the data changes (SQLite's
``data_version``), and at most once every ``min_age`` seconds while it keeps changing; one
build runs at a time per scope and the others wait for it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass

from bot.domain.campaign import Campaign, Task
from bot.domain.errors import DomainError
from bot.domain.people import Person
from bot.i18n import N_
from bot.reports.scope import Scope
from bot.reports.stats import Report, build_report, counted_tasks
from bot.services.reports import report_for
from bot.storage import Database
from bot.storage.reports import data_version
from bot.textnorm import fold

UNDER_SO = 0  # the "unit" of the schools the Sở manages itself (THPT, GDTX) in URLs


class NotInScope(DomainError):
    """An id in the URL that is not within the viewer's scope (or does not exist)."""

    def __init__(self) -> None:
        super().__init__(N_("This page is not within your scope."))


class ReportCache:
    """Each scope's overview, shared by everyone looking at that scope.

    While the data is unchanged the same overview is served. Once it changed, the overview
    still shown is rebuilt in the background (at most every ``min_age`` seconds), so a page
    never waits for a province's count except the very first time, and a burst of refreshes
    costs one build. The count itself runs off the event loop.
    """

    def __init__(self, db: Database, *, min_age: float = 5.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.db = db
        self.min_age = min_age
        self.clock = clock
        self._entries: dict[tuple[str, int | None], tuple[Overview, int, float]] = {}
        self._locks: dict[tuple[str, int | None], asyncio.Lock] = {}
        self._refreshing: dict[tuple[str, int | None], asyncio.Task[Overview]] = {}
        self.builds = 0

    async def overview(self, scope: Scope) -> Overview:
        # A province is one count, whether the Sở's unit id or none names it.
        key = (scope.kind, None if scope.kind == "province" else scope.unit_id)
        version = await data_version(self.db.reader)
        cached = self._entries.get(key)
        if cached is None or (self.min_age <= 0 and cached[1] != version):
            return await self._build(key, scope, version)
        if cached[1] != version and self.clock() - cached[2] >= self.min_age \
                and key not in self._refreshing:
            task = asyncio.create_task(self._build(key, scope, version))
            self._refreshing[key] = task
            task.add_done_callback(lambda _t: self._refreshing.pop(key, None))
        return cached[0]

    async def _build(self, key: tuple[str, int | None], scope: Scope, version: int) -> Overview:
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:  # one build at a time per scope; the others take its result
            cached = self._entries.get(key)
            if cached is not None and cached[1] == version:
                return cached[0]
            report = await report_for(self.db, scope)
            built = Overview(report, *await asyncio.to_thread(groups, report))
            self.builds += 1
            self._entries[key] = (built, version, self.clock())
            return built

    def forget(self) -> None:
        """After a change made through the dashboard itself: the next view starts a rebuild
        whatever ``min_age`` says (and shows it as soon as it is done)."""
        self._entries = {k: (o, v, -float("inf")) for k, (o, v, _t) in self._entries.items()}


@dataclass(frozen=True, slots=True)
class Overview:
    report: Report
    units: list[Group]  # a province's units
    schools: list[Group]  # a province's or a unit's schools


@dataclass(frozen=True, slots=True)
class Group:
    """A row of the overview table that can be opened: a unit or a school, with its id."""

    id: int
    name: str
    people: int
    finished: int

    @property
    def percent(self) -> float:
        return 100 * self.finished / self.people if self.people else 0.0


def groups(report: Report) -> tuple[list[Group], list[Group]]:
    """What the overview lists and links to: (units, schools). A province has both, a unit
    its schools, a school neither."""
    if report.scope.kind == "school":
        return [], []
    units: dict[int, Group] = {}
    schools: dict[int, Group] = {}
    for m in report.staff:
        finished = not m.missing(report.tasks)
        if report.scope.kind == "province":
            unit_id = m.district_id or UNDER_SO
            _count(units, unit_id, m.district or "", finished)
        _count(schools, m.school_id, m.school, finished)
    return _ordered(units), _ordered(schools)


def _count(found: dict[int, Group], key: int, name: str, finished: bool) -> None:
    old = found.get(key) or Group(key, name, 0, 0)
    found[key] = Group(key, name, old.people + 1, old.finished + finished)


def _ordered(found: dict[int, Group]) -> list[Group]:
    return sorted(found.values(), key=lambda g: (g.id == UNDER_SO, fold(g.name), g.id))


def unit_report(report: Report, campaign: Campaign, unit_id: int) -> Report:
    """A unit of the viewer's province, counted as its Phòng's /baocao counts it.

    Raises:
        NotInScope: the viewer's report holds no school of that unit.
    """
    if report.scope.kind != "province":
        raise NotInScope()
    members = [m for m in report.staff if (m.district_id or UNDER_SO) == unit_id]
    if not members:
        raise NotInScope()
    return build_report(Scope("district", unit_id, members[0].district or ""), members, campaign)


def school_report(report: Report, campaign: Campaign, school_id: int) -> Report:
    """A school of the viewer's scope.

    Raises:
        NotInScope: the viewer's report holds nobody of that school.
    """
    members = [m for m in report.staff if m.school_id == school_id]
    if not members:
        raise NotInScope()
    return build_report(Scope("school", school_id, members[0].school), members, campaign)


def missing_by_task(report: Report, campaign: Campaign) -> list[tuple[Task, list[Person]]]:
    """Per task (finishing tasks, then cốt cán reviews), the people of the report still missing
    it, by given name as Vietnamese lists are ordered."""
    tasks = counted_tasks(campaign)
    found: dict[Task, list[Person]] = {t: [] for t in tasks}
    for m in report.staff:
        for task in m.missing(tasks):
            found[task].append(m.person)
    return [(t, sorted(people, key=_by_given_name)) for t, people in found.items() if people]


def _by_given_name(person: Person) -> tuple[str, str, int]:
    folded = fold(person.full_name)
    return folded.rsplit(" ", 1)[-1], folded, person.id
