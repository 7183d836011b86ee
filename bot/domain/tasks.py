"""The states of a campaign's tasks, and who may move them (docs/campaign.md, "Kinds of task").

Which tasks exist comes from the campaign file (``bot.domain.campaign``); their kind decides
their states: đạt / chưa đạt, đã hoàn thành / chưa, every criterion đạt, or 001's review steps.
States are stored by their ASCII value and shown by their Vietnamese ``label``.

Plans (KH) and reports (BC) of cốt cán follow 001's three steps: the cốt cán submits on LMS
(Bước 1), the GVSP/GVQLGD chủ chốt approves (Bước 2), the superior approves (Bước 3). Only the
superior's approval finishes the item: a certificate needs plan and report approved (001).

"Chưa triển khai" (review tasks the campaign marks ``not_rolled_out``: in 001, the reports of
modules 4 and 5) is how a cốt cán *submits* the report of a module the province has not rolled out
yet: 001, Bước 1 has them add the row with "+" and write "Chưa triển khai" in every cell, and Bước
2–3 then approve the report like any other ("nếu đã được GVSP/GVQLGD duyệt mà chưa được Hiệu
trưởng/PGD/SGD duyệt thì cần thông báo ngay"). So "chưa triển khai" ranks with "đã nộp": it still
needs both approvals, and the item is done only at "đã duyệt". Once approved the cell reads "đã
duyệt" like every other report.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from bot.domain.campaign import Campaign, Task, TaskKind
from bot.domain.errors import (
    AlreadyDone,
    InvalidTransition,
    InvalidValue,
    PermissionDenied,
    ReasonRequired,
)
from bot.domain.people import Person
from bot.i18n import N_
from bot.textnorm import header_key


class Module1State(StrEnum):
    NOT_PASSED = "not_passed"
    PASSED = "passed"

    @property
    def label(self) -> str:
        return "đạt" if self is Module1State.PASSED else "chưa đạt"


class TemisState(StrEnum):
    NOT_DONE = "not_done"
    DONE = "done"

    @property
    def label(self) -> str:
        return "đã hoàn thành" if self is TemisState.DONE else "chưa"


class ReviewState(StrEnum):
    """A cốt cán plan or report along 001's steps."""

    NOT_SUBMITTED = "not_submitted"
    SUBMITTED = "submitted"  # Bước 1, on LMS
    NOT_ROLLED_OUT = "not_rolled_out"  # Bước 1 for BC MĐ4/MĐ5: "Chưa triển khai"
    LECTURER_APPROVED = "lecturer_approved"  # Bước 2: GVSP/GVQLGD chủ chốt
    APPROVED = "approved"  # Bước 3: principal / Phòng / Sở

    @property
    def label(self) -> str:
        return _REVIEW_LABELS[self]

    @property
    def rank(self) -> int:
        """How far along 001's steps; "chưa triển khai" is a way of submitting."""
        return _REVIEW_RANKS[self]


_REVIEW_LABELS = {
    ReviewState.NOT_SUBMITTED: "chưa nộp",
    ReviewState.SUBMITTED: "đã nộp",
    ReviewState.NOT_ROLLED_OUT: "chưa triển khai",
    ReviewState.LECTURER_APPROVED: "GVSP đã duyệt",
    ReviewState.APPROVED: "đã duyệt",
}
_REVIEW_RANKS = {
    ReviewState.NOT_SUBMITTED: 0,
    ReviewState.SUBMITTED: 1,
    ReviewState.NOT_ROLLED_OUT: 1,
    ReviewState.LECTURER_APPROVED: 2,
    ReviewState.APPROVED: 3,
}

@dataclass(frozen=True, slots=True)
class CriteriaState:
    """The recorded criteria of a task of kind criteria: code → đạt (True) or not (False).

    A criterion missing from ``marks`` is not recorded yet. The stored value is canonical
    ("core-0.online-1": criterion codes in order, each with 1 for đạt), so comparing values
    compares states, and it fits a button's data.
    """

    marks: tuple[tuple[str, bool], ...]

    @classmethod
    def of(cls, marks: dict[str, bool]) -> CriteriaState:
        return cls(tuple(sorted(marks.items())))

    @classmethod
    def parse(cls, value: str) -> CriteriaState | None:
        marks = {}
        for part in value.split(".") if value else []:
            code, _sep, mark = part.partition("-")
            if not code or mark not in ("0", "1"):
                return None
            marks[code] = mark == "1"
        return cls.of(marks)

    @property
    def value(self) -> str:
        return ".".join(f"{code}-{int(passed)}" for code, passed in self.marks)

    @property
    def passed(self) -> frozenset[str]:
        return frozenset(code for code, ok in self.marks if ok)

    def mark(self, code: str) -> bool | None:
        return dict(self.marks).get(code)

    def with_mark(self, code: str, passed: bool) -> CriteriaState:
        return CriteriaState.of({**dict(self.marks), code: passed})

    @property
    def label(self) -> str:
        return f"{len(self.passed)} tiêu chí đạt"

    @property
    def rank(self) -> int:
        return len(self.passed)


TaskState = Module1State | TemisState | ReviewState | CriteriaState


class Actor(StrEnum):
    """Who asks for a change of state; the caller establishes it (routing.may_approve)."""

    OWNER = "owner"  # the person the task belongs to, reporting their own progress
    APPROVER = "approver"  # the routed superior of a cốt cán (001, Bước 3)
    ADMIN = "admin"  # Phòng/Sở administrator correcting records
    IMPORT = "import"  # a status spreadsheet import: mirrors LMS/TEMIS as it stands


def tasks_for(campaign: Campaign, person: Person) -> list[Task]:
    """What a person must finish under the running campaign (000, 1.2 and 001 by default)."""
    return campaign.tasks_for(person)


def states_for(task: Task) -> tuple[TaskState, ...]:
    """The states a task can be in, from the start to done."""
    return _states(task.kind, task.allows_not_rolled_out, tuple(c.code for c in task.criteria))


@lru_cache(maxsize=1024)
def _states(kind: TaskKind, not_rolled_out: bool,
            criteria: tuple[str, ...]) -> tuple[TaskState, ...]:
    """Cached by what decides them: planning asks a million times for a handful of kinds."""
    if kind is TaskKind.PASS:
        return (Module1State.NOT_PASSED, Module1State.PASSED)
    if kind is TaskKind.DONE:
        return (TemisState.NOT_DONE, TemisState.DONE)
    if kind is TaskKind.CRITERIA:
        return (CriteriaState.of(dict.fromkeys(criteria, False)),
                CriteriaState.of(dict.fromkeys(criteria, True)))
    if not_rolled_out:
        return tuple(ReviewState)
    return tuple(s for s in ReviewState if s is not ReviewState.NOT_ROLLED_OUT)


def state_from_value(task: Task, value: str) -> TaskState | None:
    """A stored value as a state of ``task``; None when it is not one (e.g. the kind changed)."""
    return _state_from_value(task.kind, task.allows_not_rolled_out,
                             tuple(c.code for c in task.criteria), value)


@lru_cache(maxsize=65_536)
def _state_from_value(kind: TaskKind, not_rolled_out: bool, criteria: tuple[str, ...],
                      value: str) -> TaskState | None:
    if kind is TaskKind.CRITERIA:
        state = CriteriaState.parse(value)
        if state is None:
            return None
        return CriteriaState(tuple((c, ok) for c, ok in state.marks if c in criteria))
    return next((s for s in _states(kind, not_rolled_out, criteria) if s.value == value), None)


def initial_state(task: Task) -> TaskState:
    return states_for(task)[0]


def done_state(task: Task) -> TaskState:
    """đạt, đã hoàn thành, or the superior's đã duyệt ("chưa triển khai" still needs it)."""
    return states_for(task)[-1]


def is_done(task: Task, state: TaskState | None) -> bool:
    """Only the task's own last state; equal to it means it is one of the task's states."""
    return state is not None and state == done_state(task)


def rank(task: Task, state: TaskState) -> int:
    if isinstance(state, ReviewState | CriteriaState):
        return state.rank
    return states_for(task).index(state)


def _belongs(task: Task, state: object) -> bool:
    states = states_for(task)
    if isinstance(state, CriteriaState):
        codes = {c.code for c in task.criteria}
        return task.kind is TaskKind.CRITERIA and all(c in codes for c, _ok in state.marks)
    return isinstance(state, type(states[0])) and state in states


# Spellings accepted for each state, label first; compared by header_key (no case, diacritics
# or spaces).
_ALIASES: dict[TaskState, tuple[str, ...]] = {
    Module1State.PASSED: ("đạt",),
    Module1State.NOT_PASSED: ("chưa đạt", "không đạt"),
    TemisState.DONE: ("đã hoàn thành", "hoàn thành"),
    TemisState.NOT_DONE: ("chưa", "chưa hoàn thành"),
    ReviewState.NOT_SUBMITTED: ("chưa nộp",),
    ReviewState.SUBMITTED: ("đã nộp",),
    ReviewState.NOT_ROLLED_OUT: ("chưa triển khai",),
    ReviewState.LECTURER_APPROVED: (
        "GVSP đã duyệt",
        "GVQLGD đã duyệt",
        "GVSP/GVQLGD đã duyệt",
        "giảng viên đã duyệt",
    ),
    ReviewState.APPROVED: ("đã duyệt", "cấp trên đã duyệt"),
}
_ALIAS_KEYS = {state: {header_key(a) for a in names} for state, names in _ALIASES.items()}
_NOT_ROLLED_OUT_ONLY = N_("“Chưa triển khai” does not apply to “{task}”: the campaign allows it "
                          "only for reports of modules not yet rolled out.")


def value_labels(task: Task) -> list[str]:
    """What a spreadsheet cell of the task may say."""
    if task.kind is TaskKind.CRITERIA:
        return [Module1State.PASSED.label, Module1State.NOT_PASSED.label]
    return [s.label for s in states_for(task)]


def parse_value(task: Task, cell_text: str | None) -> TaskState | None:
    """A status-spreadsheet cell as a state; ``None`` for an empty cell (leave unchanged).

    Raises:
        InvalidValue: the text is not one of the task's values.
    """
    key = header_key(cell_text or "")
    if not key:
        return None
    if task.kind is TaskKind.CRITERIA:  # the task's own column: every criterion at once
        for plain, state in zip((Module1State.NOT_PASSED, Module1State.PASSED),
                                states_for(task), strict=True):
            if key in _ALIAS_KEYS[plain]:
                return state
    for state in states_for(task):
        if isinstance(state, CriteriaState):
            break
        if key in _ALIAS_KEYS[state]:
            return state
    if key == header_key(ReviewState.NOT_ROLLED_OUT.label):
        raise InvalidValue(_NOT_ROLLED_OUT_ONLY, {"task": task.header})
    raise InvalidValue(
        N_("“{value}” is not a value of “{task}”. Use one of: {allowed}."),
        {
            "value": (cell_text or "").strip(),
            "task": task.header,
            "allowed": " / ".join(value_labels(task)),
        },
    )


def check_transition(
    task: Task,
    from_state: TaskState,
    to_state: TaskState,
    *,
    actor_kind: Actor,
    reason: str | None = None,
) -> None:
    """Refuse a change of state that the rules do not allow; return quietly otherwise.

    - The owner moves forward one step or more, or between "đã nộp" and "chưa triển khai",
      but never sets or undoes the superior's "đã duyệt" (001, Bước 3).
    - The approver only approves something submitted (Bước 3 comes after Bước 1), or sends an
      item back. The caller checks with ``routing.may_approve`` that they are *the* approver.
    - Admins and status imports may set any state: an import mirrors LMS as it stands.
    - Any move back to an earlier step needs a non-empty reason, whoever makes it.

    Raises:
        InvalidTransition: a state not of this task, or the same state (AlreadyDone),
            or a backward move without a reason (ReasonRequired).
        PermissionDenied: the actor may not make this move.
    """
    for state in (from_state, to_state):
        if not _belongs(task, state):
            if state is ReviewState.NOT_ROLLED_OUT:
                raise InvalidTransition(_NOT_ROLLED_OUT_ONLY, {"task": task.header})
            raise InvalidTransition(
                N_("“{state}” is not a state of “{task}”."),
                {"state": getattr(state, "label", state), "task": task.header},
            )
    params = {"task": task.header, "state": to_state.label}
    if from_state == to_state:
        raise AlreadyDone(N_("“{task}” is already “{state}”."), params)
    step = rank(task, to_state) - rank(task, from_state)
    approving = task.is_review and to_state is ReviewState.APPROVED
    unapproving = task.is_review and from_state is ReviewState.APPROVED
    if actor_kind is Actor.OWNER:
        if approving:
            raise PermissionDenied(
                N_("Only the superior who approves “{task}” can mark it “{state}”."), params
            )
        if unapproving:
            raise PermissionDenied(
                N_("“{task}” is approved; only its approver or an administrator can reopen it."),
                params,
            )
    elif actor_kind is Actor.APPROVER:
        if not task.is_review or not (approving or step < 0):
            raise PermissionDenied(
                N_("Only the owner or an administrator can set “{task}” to “{state}”."), params
            )
        if approving and rank(task, from_state) == 0:
            raise InvalidTransition(
                N_("“{task}” has not been submitted yet, so there is nothing to approve."), params
            )
    if step < 0 and not (reason and reason.strip()):
        raise ReasonRequired(N_("Going back to “{state}” needs a reason."), params)
