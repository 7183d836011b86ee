"""A campaign: the year's tasks, what gates the next modules, and the deadlines (docs/campaign.md).

Every school year a Sở issues a letter with its own tasks and dates. The bot reads them from a
campaign file instead of code, so a new year is a file the Sở loads. Tasks are compared by their
short ASCII ``code``: it keys stored states, so a task that keeps its code keeps its history.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from bot.domain.people import Level, Person, Role
from bot.i18n import DEFAULT_LANGUAGE, translator
from bot.knowledge.citation import dated
from bot.textnorm import header_key

CODE = re.compile(r"^[a-z][a-z0-9_]{0,11}$")
"""Task and criterion codes: short ASCII, so a code fits in a button's 64-byte data."""

SCHOOL_ROLES = (Role.TEACHER, Role.PRINCIPAL, Role.VICE_PRINCIPAL)


class TaskKind(StrEnum):
    """How a task is recorded (docs/campaign.md, "Kinds of task")."""

    PASS = "pass"  # đạt / chưa đạt
    DONE = "done"  # đã hoàn thành / chưa
    CRITERIA = "criteria"  # đạt when every one of its criteria is đạt (002, 4)
    REVIEW = "review"  # a cốt cán plan or report along 001's three steps


@dataclass(frozen=True, slots=True)
class Criterion:
    code: str
    label: str
    label_en: str
    header: str = ""  # its own column in status spreadsheets, if the Sở's lists have one


@dataclass(frozen=True, slots=True)
class Letter:
    """A letter the campaign comes from, cited as printed: issuer, number, date."""

    key: str
    issuer: str
    date: str  # as printed, e.g. "04/12/2020" or "02/2022"
    number: str | None = None  # None: the copy has no number filled in
    title: str = ""

    def citation(self, _: Callable[[str], str] | None = None) -> str:
        """"Kế hoạch số 4082/KH-GDĐT-TC ngày 04/12/2020 của Sở GD&ĐT TP. Hồ Chí Minh", or,
        without a number, "Công văn của Sở GD&ĐT Bình Phước, tháng 02/2022" (in the reader's
        language: ``_`` translates, Vietnamese by default)."""
        _ = _ or translator(DEFAULT_LANGUAGE).gettext
        when = dated(self.date, _)
        if self.number:
            return _("{number} {when} by {issuer}").format(number=self.number, when=when,
                                                           issuer=self.issuer)
        return _("Letter by {issuer}, {when}").format(issuer=self.issuer, when=when)


@dataclass(frozen=True, slots=True, eq=False)
class Task:
    """One task of the campaign; equal to another with the same code."""

    code: str
    header: str  # its column in status spreadsheets and exports
    label: str  # what people read (Vietnamese)
    label_en: str
    kind: TaskKind
    roles: frozenset[Role] = frozenset(SCHOOL_ROLES)
    levels: frozenset[Level] = frozenset()  # empty: every level
    core_only: bool = False
    criteria: tuple[Criterion, ...] = ()
    not_rolled_out: bool = False  # review only: may be reported "Chưa triển khai" (001)
    group: str = ""  # review only: "plan" or "report", summed separately for principals
    source: str = ""  # the letter and place it comes from, as one line
    reasons: tuple[str, str] = ("", "")  # Phụ lục 5's words: (not done, not recorded)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Task) and other.code == self.code

    def __hash__(self) -> int:
        return hash(self.code)

    def __repr__(self) -> str:
        return f"Task({self.code!r})"

    @property
    def is_review(self) -> bool:
        return self.kind is TaskKind.REVIEW

    @property
    def allows_not_rolled_out(self) -> bool:
        return self.is_review and self.not_rolled_out

    def applies_to(self, person: Person) -> bool:
        """Whether ``person`` must do this task (role, level and cốt cán as the file says)."""
        if person.role not in self.roles:
            return False
        if self.core_only and not person.is_core:
            return False
        return not self.levels or person.level is None or person.level in self.levels

    def name(self, language: str) -> str:
        return self.label_en if language == "en" and self.label_en else self.label


@dataclass(frozen=True, slots=True)
class Requirement:
    """One condition of the gate /dieukien reports (docs/campaign.md, "Prerequisites").

    Either one of the person's own ``task`` (met when done), or, for ``roles`` only (principals),
    every ``school_core`` item of the school's GV cốt cán approved (000, 1.2b).
    """

    key: str
    label: str
    label_en: str
    task: str | None = None
    school_core: tuple[str, ...] = ()
    roles: frozenset[Role] = frozenset(SCHOOL_ROLES)
    help: str | None = None  # a knowledge-base entry explaining how to meet it

    def name(self, language: str) -> str:
        return self.label_en if language == "en" and self.label_en else self.label


@dataclass(frozen=True, slots=True)
class Prerequisites:
    gate: str  # what the requirements open, e.g. "học mô đun 2, 3, 4"
    gate_en: str
    requires: tuple[Requirement, ...]
    source: str = ""

    def gate_name(self, language: str) -> str:
        return self.gate_en if language == "en" and self.gate_en else self.gate


class Reminds(StrEnum):
    """Who a deadline reminds, and how (bot.domain.deadlines.Audience has the same values)."""

    CORE = "core"  # each cốt cán of their items, each approver of what waits for them
    STAFF = "staff"  # people of their open tasks; summaries to principals and Phòng


@dataclass(frozen=True, slots=True)
class DeadlineSpec:
    key: str
    title: str
    day: int
    month: int
    year: int | None  # None: every year
    tasks: tuple[str, ...]
    reminds: Reminds
    offsets: tuple[int, ...]
    source: str = ""


@dataclass(frozen=True, slots=True)
class Campaign:
    key: str
    name: str
    province: str
    routing: str  # the approval routing table of review tasks (bot.domain.routing)
    letters: tuple[Letter, ...]
    tasks: tuple[Task, ...]
    prerequisites: Prerequisites | None
    deadlines: tuple[DeadlineSpec, ...]
    text: str = field(default="", repr=False)  # the file as loaded
    _by_code: dict[str, Task] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_code.update({t.code: t for t in self.tasks})

    def task(self, code: str) -> Task | None:
        return self._by_code.get(code)

    def tasks_for(self, person: Person) -> list[Task]:
        """What ``person`` must finish, in the file's order; Phòng and Sở staff have none."""
        if not person.role.is_school_staff:
            return []
        return [t for t in self.tasks if t.applies_to(person)]

    @property
    def review_tasks(self) -> tuple[Task, ...]:
        return tuple(t for t in self.tasks if t.is_review)

    def tasks_of(self, codes: Iterable[str]) -> tuple[Task, ...]:
        """The tasks of ``codes`` still in the campaign, unknown codes left out."""
        return tuple(t for c in codes if (t := self._by_code.get(c)) is not None)

    def columns(self) -> dict[str, tuple[Task, str | None]]:
        """Spreadsheet header (folded by ``textnorm.header_key``) → task, and criterion code
        when the column is one criterion of a task of kind criteria."""
        out: dict[str, tuple[Task, str | None]] = {}
        for task in self.tasks:
            out[header_key(task.header)] = (task, None)
            for criterion in task.criteria:
                if criterion.header:
                    out[header_key(criterion.header)] = (task, criterion.code)
        return out

    def letter(self, key: str) -> Letter | None:
        return next((lt for lt in self.letters if lt.key == key), None)

    def cite(self, source: str, _: Callable[[str], str] | None = None) -> str:
        """A task's or gate's ``source`` ("letter: where") as people read it: the letter as
        printed, then the place in it."""
        key, _sep, where = source.partition(": ")
        letter = self.letter(key)
        if letter is None:
            return where or key
        return f"{letter.citation(_)}, {where}" if where else letter.citation(_)

    def order(self, tasks: Sequence[Task]) -> list[Task]:
        """``tasks`` in the campaign's order."""
        index = {t.code: n for n, t in enumerate(self.tasks)}
        return sorted(tasks, key=lambda t: index.get(t.code, len(index)))


def next_occurrence(day: int, month: int, year: int | None, today: dt.date) -> dt.date | None:
    """The date a deadline next falls on, today included (29/2 falls on 28/2 in other years)."""
    if year is not None:
        date = dt.date(year, month, day)
        return date if date >= today else None
    for candidate in (today.year, today.year + 1):
        try:
            date = dt.date(candidate, month, day)
        except ValueError:
            date = dt.date(candidate, 2, 28)
        if date >= today:
            return date
    return None  # pragma: no cover - next year's date is always ahead
