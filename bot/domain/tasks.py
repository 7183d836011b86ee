"""The tasks each person must finish, their states, and who may move them (000, 1.2; 001).

Each task has one column in a status spreadsheet; its header and cell values are the
vocabulary of DOMAIN.md ("Task vocabulary"). States are stored by their ASCII enum value and
shown by their Vietnamese ``label``.

Plans (KH) and reports (BC) of cốt cán follow 001's three steps: the cốt cán submits on LMS
(Bước 1), the GVSP/GVQLGD chủ chốt approves (Bước 2), the superior approves (Bước 3). Only the
superior's approval finishes the item: a certificate needs plan and report approved (001).

"Chưa triển khai" (reports of modules 4 and 5 only) is how a cốt cán *submits* the report of a
module the province has not rolled out yet: 001, Bước 1 has them add the row with "+" and write
"Chưa triển khai" in every cell, and Bước 2–3 then approve the report like any other ("nếu đã
được GVSP/GVQLGD duyệt mà chưa được Hiệu trưởng/PGD/SGD duyệt thì cần thông báo ngay"). So
"chưa triển khai" ranks with "đã nộp": it still needs both approvals, and the item is done
only at "đã duyệt". Once approved the cell reads "đã duyệt" like every other report.
"""

from __future__ import annotations

from enum import StrEnum

from bot.domain.errors import (
    AlreadyDone,
    InvalidTransition,
    InvalidValue,
    PermissionDenied,
    ReasonRequired,
)
from bot.domain.people import Person, Role
from bot.i18n import N_
from bot.textnorm import header_key


class TaskCode(StrEnum):
    """One task; ``header`` is its column in status spreadsheets and exports."""

    MODULE1 = "module1"
    TEMIS_SELF = "temis_self"
    TEMIS_EVAL = "temis_eval"
    PLAN_M2 = "plan_m2"
    PLAN_M3 = "plan_m3"
    PLAN_M4 = "plan_m4"
    PLAN_M5 = "plan_m5"
    PLAN_M9 = "plan_m9"
    REPORT_M2 = "report_m2"
    REPORT_M3 = "report_m3"
    REPORT_M4 = "report_m4"
    REPORT_M5 = "report_m5"

    @property
    def header(self) -> str:
        return _HEADERS[self]

    @property
    def is_plan(self) -> bool:
        return self in PLAN_TASKS

    @property
    def is_report(self) -> bool:
        return self in REPORT_TASKS

    @property
    def is_review(self) -> bool:
        """A cốt cán plan or report, approved in 001's three steps."""
        return self.is_plan or self.is_report

    @property
    def allows_not_rolled_out(self) -> bool:
        """Only the reports of modules 4 and 5 may say "Chưa triển khai" (001, Bước 1)."""
        return self in (TaskCode.REPORT_M4, TaskCode.REPORT_M5)


_HEADERS: dict[TaskCode, str] = {
    TaskCode.MODULE1: "Mô đun 1",
    TaskCode.TEMIS_SELF: "TEMIS tự đánh giá",
    TaskCode.TEMIS_EVAL: "TEMIS đánh giá GV",
    TaskCode.PLAN_M2: "KH MĐ2",
    TaskCode.PLAN_M3: "KH MĐ3",
    TaskCode.PLAN_M4: "KH MĐ4",
    TaskCode.PLAN_M5: "KH MĐ5",
    TaskCode.PLAN_M9: "KH MĐ9",
    TaskCode.REPORT_M2: "BC MĐ2",
    TaskCode.REPORT_M3: "BC MĐ3",
    TaskCode.REPORT_M4: "BC MĐ4",
    TaskCode.REPORT_M5: "BC MĐ5",
}
PLAN_TASKS: tuple[TaskCode, ...] = (
    TaskCode.PLAN_M2,
    TaskCode.PLAN_M3,
    TaskCode.PLAN_M4,
    TaskCode.PLAN_M5,
    TaskCode.PLAN_M9,
)
REPORT_TASKS: tuple[TaskCode, ...] = (
    TaskCode.REPORT_M2,
    TaskCode.REPORT_M3,
    TaskCode.REPORT_M4,
    TaskCode.REPORT_M5,
)
_BY_HEADER = {header_key(h): t for t, h in _HEADERS.items()}


def task_for_header(text: str) -> TaskCode | None:
    """The task a spreadsheet column stands for, ignoring case, diacritics and spacing."""
    return _BY_HEADER.get(header_key(text))


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

TaskState = Module1State | TemisState | ReviewState


class Actor(StrEnum):
    """Who asks for a change of state; the caller establishes it (routing.may_approve)."""

    OWNER = "owner"  # the person the task belongs to, reporting their own progress
    APPROVER = "approver"  # the routed superior of a cốt cán (001, Bước 3)
    ADMIN = "admin"  # Phòng/Sở administrator correcting records
    IMPORT = "import"  # a status spreadsheet import: mirrors LMS/TEMIS as it stands


def tasks_for(person: Person) -> list[TaskCode]:
    """What a person must finish: 000, 1.2 for GV and CBQL, 001 for cốt cán.

    Vice principals have the two GV/CBQL tasks; the TEMIS evaluation of the school's teachers is
    the principal's alone ("Hiệu trưởng ghi kết quả…"). Phòng and Sở staff have none.
    """
    if not person.role.is_school_staff:
        return []
    tasks = [TaskCode.MODULE1, TaskCode.TEMIS_SELF]
    if person.role is Role.PRINCIPAL:
        tasks.append(TaskCode.TEMIS_EVAL)
    if person.is_core:
        tasks += [*PLAN_TASKS, *REPORT_TASKS]
    return tasks


def states_for(task: TaskCode) -> tuple[TaskState, ...]:
    """The states a task can be in, from the start to done."""
    if task is TaskCode.MODULE1:
        return (Module1State.NOT_PASSED, Module1State.PASSED)
    if not task.is_review:
        return (TemisState.NOT_DONE, TemisState.DONE)
    if task.allows_not_rolled_out:
        return tuple(ReviewState)
    return tuple(s for s in ReviewState if s is not ReviewState.NOT_ROLLED_OUT)


def initial_state(task: TaskCode) -> TaskState:
    return states_for(task)[0]


def done_state(task: TaskCode) -> TaskState:
    """đạt, đã hoàn thành, or the superior's đã duyệt ("chưa triển khai" still needs it)."""
    return states_for(task)[-1]


def is_done(task: TaskCode, state: TaskState | None) -> bool:
    return state is not None and _belongs(task, state) and state == done_state(task)


def rank(task: TaskCode, state: TaskState) -> int:
    return state.rank if isinstance(state, ReviewState) else states_for(task).index(state)


def _belongs(task: TaskCode, state: object) -> bool:
    states = states_for(task)
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
_NOT_ROLLED_OUT_ONLY = N_("“Chưa triển khai” is only for the reports of modules 4 and 5.")


def parse_value(task: TaskCode, cell_text: str | None) -> TaskState | None:
    """A status-spreadsheet cell as a state; ``None`` for an empty cell (leave unchanged).

    Raises:
        InvalidValue: the text is not one of the task's values.
    """
    key = header_key(cell_text or "")
    if not key:
        return None
    for state in states_for(task):
        if key in _ALIAS_KEYS[state]:
            return state
    if key == header_key(ReviewState.NOT_ROLLED_OUT.label):
        raise InvalidValue(_NOT_ROLLED_OUT_ONLY)
    raise InvalidValue(
        N_("“{value}” is not a value of “{task}”. Use one of: {allowed}."),
        {
            "value": (cell_text or "").strip(),
            "task": task.header,
            "allowed": " / ".join(s.label for s in states_for(task)),
        },
    )


def check_transition(
    task: TaskCode,
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
                raise InvalidTransition(_NOT_ROLLED_OUT_ONLY)
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
