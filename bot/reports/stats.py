"""Completion figures of a scope, counted from the stored states (docs/campaign.md, "Reports").

A person *has finished* when every one of their campaign tasks that is not a cốt cán review is
done (Bình Phước: module 1, the TEMIS self-assessment and, for principals, the TEMIS evaluation
of the school's teachers, as 000, 1.2 asks before modules 2, 3, 4). A state never recorded
counts as not finished, and says so in Phụ lục 5. Cốt cán review items are counted once, under
``core``, not again against the principal who approves them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from bot.domain.campaign import Campaign, Task
from bot.domain.people import Level, Person, Role
from bot.domain.tasks import TaskState, is_done
from bot.reports.scope import Scope
from bot.textnorm import fold


def finish_tasks(campaign: Campaign) -> tuple[Task, ...]:
    """The tasks whose completion a report counts: every task but the cốt cán reviews."""
    return tuple(t for t in campaign.tasks if not t.is_review)


def counted_tasks(campaign: Campaign) -> tuple[Task, ...]:
    """Every task a report reads: the finishing tasks, then the reviews."""
    return (*finish_tasks(campaign), *campaign.review_tasks)


ROLE_NAMES = {Role.TEACHER: "Giáo viên", Role.PRINCIPAL: "Hiệu trưởng",
              Role.VICE_PRINCIPAL: "Phó hiệu trưởng"}


def reason(task: Task, state: TaskState | None) -> str:
    """Phụ lục 5's "Lý do" for one unfinished task: recorded as not done, or never recorded."""
    not_done, not_recorded = task.reasons
    if state is None:
        return not_recorded or f"Chưa ghi nhận: {task.label}"
    return not_done or f"{task.label}: {state.label}"


@dataclass(frozen=True, slots=True)
class StaffMember:
    """A GV or CBQL of the scope with their school, its managing Phòng and their states."""

    person: Person  # ``level``: the person's cấp học, else the school's
    school_id: int
    school: str
    district_id: int | None  # the Phòng (or xã/phường); None for a school under the Sở
    district: str | None
    states: Mapping[Task, TaskState] = field(default_factory=dict)

    def finish_tasks(self, tasks: Iterable[Task]) -> list[Task]:
        """Those of ``tasks`` that are this person's (role, level, cốt cán)."""
        return [t for t in tasks if t.applies_to(self.person)]

    def missing(self, tasks: Iterable[Task]) -> list[Task]:
        return [t for t in self.finish_tasks(tasks) if not is_done(t, self.states.get(t))]


class InfoField(StrEnum):
    FULL_NAME = "full_name"
    BIRTH_DATE = "birth_date"
    BIRTH_PLACE = "birth_place"


@dataclass(frozen=True, slots=True)
class InfoCorrection:
    """An open report of wrong personal info on LMS (000, 1.1b; Phụ lục 4)."""

    person_id: int
    full_name: str
    school_id: int
    school: str
    field: InfoField
    wrong_value: str
    correct_value: str


@dataclass(frozen=True, slots=True)
class Completion:
    """How many of a group have finished; ``name`` None is the schools under the Sở itself."""

    name: str | None
    people: int
    finished: int

    @property
    def percent(self) -> float:
        return 100 * self.finished / self.people if self.people else 0.0


@dataclass(frozen=True, slots=True)
class CoreItems:
    """The cốt cán plans and reports of the scope: approved by the superior, out of all."""

    people: int
    items: int
    approved: int


@dataclass(frozen=True, slots=True)
class UnfinishedRow:
    """One row of Phụ lục 5, its cells already in the letter's words."""

    person_id: int
    full_name: str
    school: str
    role: str
    level: str
    reason: str


@dataclass(frozen=True, slots=True)
class Report:
    scope: Scope
    total: Completion
    by_level: tuple[Completion, ...]
    by_district: tuple[Completion, ...]  # province scope only
    by_school: tuple[Completion, ...]
    by_task: tuple[Completion, ...]  # people who have the task, and have done it
    core: CoreItems
    staff: tuple[StaffMember, ...] = field(repr=False)
    tasks: tuple[Task, ...] = ()  # the finishing tasks counted, in the campaign's order
    gate: str = ""  # what finishing them opens, in the campaign's words ("học mô đun 2, 3, 4")

    @property
    def groups(self) -> tuple[Completion, ...]:
        """What the table and chart list: districts of a province, schools of a district,
        tasks of a school (one bar per school would say nothing)."""
        if self.scope.kind == "province":
            return self.by_district
        return self.by_task if self.scope.kind == "school" else self.by_school

    def unfinished_rows(self) -> list[UnfinishedRow]:
        """Phụ lục 5: everyone not finished, by school, then by given name as Vietnamese lists
        are ordered."""
        rows = []
        for member in self.staff:
            missing = member.missing(self.tasks)
            if missing:
                p = member.person
                why = "; ".join(reason(t, member.states.get(t)) for t in missing)
                rows.append((name_sort_key(member.school, member.school_id, p.full_name, p.id),
                             UnfinishedRow(p.id, p.full_name, member.school, ROLE_NAMES[p.role],
                                           p.level.value if p.level else "", why)))
        rows.sort(key=lambda pair: pair[0])
        return [row for _key, row in rows]


def name_sort_key(school: str, school_id: int, full_name: str,
                  person_id: int) -> tuple[str, int, str, str, int]:
    """By school, then by given name (the last word) as Vietnamese lists are ordered."""
    folded = fold(full_name)
    return _fold_school(school), school_id, folded.rsplit(" ", 1)[-1], folded, person_id


_fold_school = lru_cache(maxsize=4096)(fold)  # a province's thousands of rows share a few schools


class _Tally:
    __slots__ = ("finished", "people")

    def __init__(self) -> None:
        self.people = self.finished = 0

    def add(self, finished: bool) -> None:
        self.people += 1
        self.finished += finished


def build_report(scope: Scope, staff: Iterable[StaffMember], campaign: Campaign) -> Report:
    """Count everything in one pass over the scope's staff."""
    members = tuple(staff)
    counted = finish_tasks(campaign)
    reviews = campaign.review_tasks
    total = _Tally()
    levels: dict[Level | None, _Tally] = {}
    districts: dict[int | None, tuple[str | None, _Tally]] = {}
    schools: dict[int, tuple[str, _Tally]] = {}
    tasks = {t: _Tally() for t in counted}
    core_people = core_items = core_approved = 0
    for member in members:
        p = member.person
        missing = member.missing(counted)
        for task in member.finish_tasks(counted):
            tasks[task].add(task not in missing)
        finished = not missing
        total.add(finished)
        levels.setdefault(p.level, _Tally()).add(finished)
        schools.setdefault(member.school_id, (member.school, _Tally()))[1].add(finished)
        if scope.kind == "province":
            districts.setdefault(member.district_id, (member.district, _Tally()))[1].add(finished)
        own_reviews = [t for t in reviews if t.applies_to(p)]
        if own_reviews:
            core_people += 1
            core_items += len(own_reviews)
            core_approved += sum(is_done(t, member.states.get(t)) for t in own_reviews)
    level_order: dict[Level | None, int] = {level: n for n, level in enumerate(Level)}
    return Report(
        scope=scope,
        total=_completion(scope.title, total),
        by_level=tuple(_completion(level.value if level else "—", t) for level, t in
                       sorted(levels.items(), key=lambda kv: level_order.get(kv[0], len(Level)))),
        by_district=_by_name(districts.values()),
        by_school=_by_name(schools.values()),
        by_task=tuple(_completion(t.header, tally) for t, tally in tasks.items()
                      if tally.people),
        core=CoreItems(core_people, core_items, core_approved),
        staff=members,
        tasks=counted,
        gate=campaign.prerequisites.gate if campaign.prerequisites else campaign.name,
    )


def _completion(name: str | None, tally: _Tally) -> Completion:
    return Completion(name, tally.people, tally.finished)


def _by_name(groups: Iterable[tuple[str | None, _Tally]]) -> tuple[Completion, ...]:
    """Alphabetical, the schools under the Sở (name None) last."""
    ordered = sorted(groups, key=lambda g: (g[0] is None, fold(g[0] or ""), g[0] or ""))
    return tuple(_completion(name, tally) for name, tally in ordered)
