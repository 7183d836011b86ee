"""Tasks, their spreadsheet vocabulary and the transition rules (DOMAIN.md; 000, 1.2; 001)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.errors import (
    AlreadyDone,
    DomainError,
    InvalidTransition,
    InvalidValue,
    PermissionDenied,
    ReasonRequired,
)
from bot.domain.people import Level, Person, Role
from bot.domain.tasks import (
    Actor,
    Module1State,
    ReviewState,
    TemisState,
    check_transition,
    done_state,
    initial_state,
    is_done,
    parse_value,
    rank,
    states_for,
)
from tests.default_campaign import (
    PLAN_TASKS,
    REPORT_TASKS,
    TaskCode,
    task_for_header,
    tasks_for,
)

M1, TS, TE = TaskCode.MODULE1, TaskCode.TEMIS_SELF, TaskCode.TEMIS_EVAL
NS, SUB, NRO, LEC, APP = (
    ReviewState.NOT_SUBMITTED,
    ReviewState.SUBMITTED,
    ReviewState.NOT_ROLLED_OUT,
    ReviewState.LECTURER_APPROVED,
    ReviewState.APPROVED,
)
OWNER, APPROVER, ADMIN, IMPORT = Actor.OWNER, Actor.APPROVER, Actor.ADMIN, Actor.IMPORT
CORE_ITEMS = [*PLAN_TASKS, *REPORT_TASKS]


def person(role: Role, *, core: bool = False) -> Person:
    return Person(1, "Nguyễn Văn A", "0912345678", role, 10, Level.THCS, is_core=core)


# --- vocabulary -------------------------------------------------------------------------


def test_headers_are_the_vocabulary_of_domain_md() -> None:
    assert [t.header for t in TaskCode] == [
        "Mô đun 1",
        "TEMIS tự đánh giá",
        "TEMIS đánh giá GV",
        "KH MĐ2",
        "KH MĐ3",
        "KH MĐ4",
        "KH MĐ5",
        "KH MĐ9",
        "BC MĐ2",
        "BC MĐ3",
        "BC MĐ4",
        "BC MĐ5",
    ]


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("Mô đun 1", M1),
        ("mo dun 1", M1),
        ("MÔ ĐUN 1", M1),
        ("temis tu danh gia", TS),
        ("TEMIS  đánh giá  GV", TE),
        ("kh md2", TaskCode.PLAN_M2),
        ("KH-MĐ9", TaskCode.PLAN_M9),
        ("bc mđ 4", TaskCode.REPORT_M4),
        ("Số điện thoại", None),
        ("", None),
    ],
)
def test_task_for_header_ignores_case_diacritics_spacing(text: str, task: TaskCode | None) -> None:
    assert task_for_header(text) == task


def test_state_labels_are_the_vocabulary() -> None:
    assert [s.label for s in states_for(M1)] == ["chưa đạt", "đạt"]
    assert [s.label for s in states_for(TS)] == ["chưa", "đã hoàn thành"]
    assert [s.label for s in states_for(TaskCode.PLAN_M2)] == [
        "chưa nộp",
        "đã nộp",
        "GVSP đã duyệt",
        "đã duyệt",
    ]
    assert NRO in states_for(TaskCode.REPORT_M4)
    assert NRO.label == "chưa triển khai"


@pytest.mark.parametrize("task", list(TaskCode))
def test_only_reports_of_modules_4_and_5_may_be_not_rolled_out(task: TaskCode) -> None:
    expected = task in (TaskCode.REPORT_M4, TaskCode.REPORT_M5)
    assert task.allows_not_rolled_out is expected
    assert (NRO in states_for(task)) is expected


# --- who has which task -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "core", "expected"),
    [
        (Role.TEACHER, False, [M1, TS]),
        (Role.VICE_PRINCIPAL, False, [M1, TS]),
        (Role.PRINCIPAL, False, [M1, TS, TE]),
        (Role.TEACHER, True, [M1, TS, *CORE_ITEMS]),
        (Role.VICE_PRINCIPAL, True, [M1, TS, *CORE_ITEMS]),
        (Role.PRINCIPAL, True, [M1, TS, TE, *CORE_ITEMS]),
        (Role.PHONG_STAFF, False, []),
        (Role.SO_STAFF, False, []),
        (Role.SO_STAFF, True, []),
    ],
)
def test_tasks_for(role: Role, core: bool, expected: list[TaskCode]) -> None:
    assert tasks_for(person(role, core=core)) == expected


def test_core_items_are_five_plans_and_four_reports() -> None:
    assert [t.header for t in PLAN_TASKS] == ["KH MĐ2", "KH MĐ3", "KH MĐ4", "KH MĐ5", "KH MĐ9"]
    assert [t.header for t in REPORT_TASKS] == ["BC MĐ2", "BC MĐ3", "BC MĐ4", "BC MĐ5"]
    assert all(t.is_review for t in CORE_ITEMS)
    assert not any(t.is_review for t in (M1, TS, TE))


# --- parsing cells ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "text", "state"),
    [
        (M1, "đạt", Module1State.PASSED),
        (M1, "Đạt", Module1State.PASSED),
        (M1, "dat", Module1State.PASSED),
        (M1, " DAT ", Module1State.PASSED),
        (M1, "chưa đạt", Module1State.NOT_PASSED),
        (M1, "chua dat", Module1State.NOT_PASSED),
        (M1, "CHƯA  ĐẠT", Module1State.NOT_PASSED),
        (TS, "đã hoàn thành", TemisState.DONE),
        (TS, "da hoan thanh", TemisState.DONE),
        (TS, "chưa", TemisState.NOT_DONE),
        (TE, "Chua", TemisState.NOT_DONE),
        (TaskCode.PLAN_M2, "chưa nộp", NS),
        (TaskCode.PLAN_M2, "da nop", SUB),
        (TaskCode.PLAN_M9, "GVSP da duyet", LEC),
        (TaskCode.PLAN_M9, "gvsp đã duyệt", LEC),
        (TaskCode.PLAN_M9, "GVQLGD đã duyệt", LEC),
        (TaskCode.REPORT_M3, "da duyet", APP),
        (TaskCode.REPORT_M3, "Đã duyệt", APP),
        (TaskCode.REPORT_M4, "chưa triển khai", NRO),
        (TaskCode.REPORT_M5, "Chua trien khai", NRO),
        (TaskCode.REPORT_M5, "CHƯA TRIỂN KHAI", NRO),
    ],
)
def test_parse_value_accepts_the_vocabulary(task: TaskCode, text: str, state: object) -> None:
    assert parse_value(task, text) is state
    assert parse_value(task, unicodedata.normalize("NFD", text)) is state


@pytest.mark.parametrize("task", list(TaskCode))
def test_every_label_parses_back_to_its_state(task: TaskCode) -> None:
    for state in states_for(task):
        assert parse_value(task, state.label) is state


@pytest.mark.parametrize("text", [None, "", "   "])
def test_empty_cell_leaves_the_task_unchanged(text: str | None) -> None:
    assert parse_value(M1, text) is None


@pytest.mark.parametrize(
    "task", [TaskCode.REPORT_M2, TaskCode.REPORT_M3, TaskCode.PLAN_M4, TaskCode.PLAN_M5, M1, TS]
)
def test_not_rolled_out_is_refused_outside_reports_4_and_5(task: TaskCode) -> None:
    with pytest.raises(InvalidValue) as err:
        parse_value(task, "Chưa triển khai")
    told = err.value.message.format(**err.value.params)
    assert f"does not apply to “{task.header}”" in told and "not yet rolled out" in told


@pytest.mark.parametrize(
    ("task", "text"),
    [(M1, "chua"), (M1, "xong"), (TS, "dat"), (TaskCode.PLAN_M2, "đạt"), (TE, "100%")],
)
def test_unknown_value_says_what_is_allowed(task: TaskCode, text: str) -> None:
    with pytest.raises(InvalidValue) as err:
        parse_value(task, text)
    shown = err.value.message.format(**err.value.params)
    assert text in shown and task.header in shown
    assert all(s.label in shown for s in states_for(task))


# --- done -------------------------------------------------------------------------------


@pytest.mark.parametrize("task", list(TaskCode))
def test_done_is_the_last_state_only(task: TaskCode) -> None:
    assert [is_done(task, s) for s in states_for(task)] == [
        s is done_state(task) for s in states_for(task)
    ]
    assert not is_done(task, None)
    assert not is_done(task, initial_state(task))


def test_what_counts_as_done() -> None:
    assert is_done(M1, Module1State.PASSED)
    assert is_done(TS, TemisState.DONE) and is_done(TE, TemisState.DONE)
    assert is_done(TaskCode.PLAN_M2, APP)
    assert not is_done(TaskCode.PLAN_M2, LEC)
    # 001: "Chưa triển khai" is a way of submitting; it still needs both approvals.
    assert not is_done(TaskCode.REPORT_M4, NRO)
    assert is_done(TaskCode.REPORT_M4, APP)
    # A state of another task never counts.
    assert not is_done(M1, TemisState.DONE)


# --- transitions ------------------------------------------------------------------------

OK = None


@pytest.mark.parametrize(
    ("task", "src", "dst", "actor", "reason", "error"),
    [
        # the owner moves forward, one step or more
        (M1, Module1State.NOT_PASSED, Module1State.PASSED, OWNER, None, OK),
        (TS, TemisState.NOT_DONE, TemisState.DONE, OWNER, None, OK),
        (TE, TemisState.NOT_DONE, TemisState.DONE, OWNER, None, OK),
        (TaskCode.PLAN_M2, NS, SUB, OWNER, None, OK),
        (TaskCode.PLAN_M2, NS, LEC, OWNER, None, OK),
        (TaskCode.PLAN_M2, SUB, LEC, OWNER, None, OK),
        (TaskCode.REPORT_M4, NS, NRO, OWNER, None, OK),
        (TaskCode.REPORT_M4, NRO, LEC, OWNER, None, OK),
        # same rank: "đã nộp" and "chưa triển khai" are two ways of submitting
        (TaskCode.REPORT_M5, SUB, NRO, OWNER, None, OK),
        (TaskCode.REPORT_M5, NRO, SUB, OWNER, None, OK),
        # but never the superior's approval, nor undo it
        (TaskCode.PLAN_M2, LEC, APP, OWNER, None, PermissionDenied),
        (TaskCode.PLAN_M2, NS, APP, OWNER, None, PermissionDenied),
        (TaskCode.PLAN_M2, APP, LEC, OWNER, "nhầm", PermissionDenied),
        # the approver approves what was submitted, from any submitted step
        (TaskCode.PLAN_M3, LEC, APP, APPROVER, None, OK),
        (TaskCode.PLAN_M3, SUB, APP, APPROVER, None, OK),
        (TaskCode.REPORT_M4, NRO, APP, APPROVER, None, OK),
        (TaskCode.PLAN_M3, NS, APP, APPROVER, None, InvalidTransition),
        # … sends back with a reason, and does nothing else
        (TaskCode.PLAN_M3, APP, LEC, APPROVER, "ký nhầm", OK),
        (TaskCode.PLAN_M3, LEC, SUB, APPROVER, "thiếu số liệu", OK),
        (TaskCode.PLAN_M3, APP, LEC, APPROVER, None, ReasonRequired),
        (TaskCode.PLAN_M3, SUB, LEC, APPROVER, None, PermissionDenied),
        (TaskCode.REPORT_M4, SUB, NRO, APPROVER, None, PermissionDenied),
        (M1, Module1State.NOT_PASSED, Module1State.PASSED, APPROVER, None, PermissionDenied),
        (M1, Module1State.PASSED, Module1State.NOT_PASSED, APPROVER, "x", PermissionDenied),
        # admins and imports set anything, including the superior's approval
        (TaskCode.PLAN_M9, NS, APP, IMPORT, None, OK),
        (TaskCode.PLAN_M9, LEC, APP, ADMIN, None, OK),
        (TaskCode.PLAN_M9, APP, SUB, IMPORT, "LMS trả lại", OK),
        (TaskCode.PLAN_M9, APP, NS, ADMIN, "sai người", OK),
        # going back needs a non-empty reason, whoever asks
        (M1, Module1State.PASSED, Module1State.NOT_PASSED, OWNER, None, ReasonRequired),
        (M1, Module1State.PASSED, Module1State.NOT_PASSED, OWNER, "   ", ReasonRequired),
        (M1, Module1State.PASSED, Module1State.NOT_PASSED, OWNER, "bị chấm lại", OK),
        (TaskCode.PLAN_M2, LEC, SUB, OWNER, None, ReasonRequired),
        (TaskCode.PLAN_M2, LEC, NS, OWNER, "gửi nhầm", OK),
        (TaskCode.REPORT_M4, LEC, NRO, OWNER, "", ReasonRequired),
        (TaskCode.PLAN_M2, APP, LEC, IMPORT, "", ReasonRequired),
        (TS, TemisState.DONE, TemisState.NOT_DONE, ADMIN, None, ReasonRequired),
        # the same state again is a no-op error
        (M1, Module1State.PASSED, Module1State.PASSED, OWNER, None, AlreadyDone),
        (TaskCode.PLAN_M2, APP, APP, APPROVER, None, AlreadyDone),
        (TaskCode.REPORT_M4, NRO, NRO, IMPORT, None, AlreadyDone),
        # "chưa triển khai" only for BC MĐ4/MĐ5; states must belong to the task
        (TaskCode.REPORT_M3, SUB, NRO, OWNER, None, InvalidTransition),
        (TaskCode.PLAN_M4, NRO, SUB, ADMIN, None, InvalidTransition),
        (M1, TemisState.NOT_DONE, TemisState.DONE, OWNER, None, InvalidTransition),
        (TS, NS, SUB, OWNER, None, InvalidTransition),
    ],
)
def test_check_transition(
    task: TaskCode,
    src: object,
    dst: object,
    actor: Actor,
    reason: str | None,
    error: type[DomainError] | None,
) -> None:
    if error is None:
        check_transition(task, src, dst, actor_kind=actor, reason=reason)  # type: ignore[arg-type]
        return
    with pytest.raises(error) as err:
        check_transition(task, src, dst, actor_kind=actor, reason=reason)  # type: ignore[arg-type]
    assert type(err.value) is error
    err.value.message.format(**err.value.params)  # renders without missing params


def test_not_rolled_out_message_names_the_task_it_does_not_apply_to() -> None:
    with pytest.raises(InvalidTransition) as err:
        check_transition(TaskCode.REPORT_M2, SUB, NRO, actor_kind=OWNER)
    told = err.value.message.format(**err.value.params)
    assert f"does not apply to “{TaskCode.REPORT_M2.header}”" in told


def test_already_message_names_the_task_and_state() -> None:
    with pytest.raises(AlreadyDone) as err:
        check_transition(TaskCode.PLAN_M2, APP, APP, actor_kind=IMPORT)
    assert err.value.message.format(**err.value.params) == "“KH MĐ2” is already “đã duyệt”."


# --- properties -------------------------------------------------------------------------

ANY_STATE = st.sampled_from([*Module1State, *TemisState, *ReviewState])
REASONS = st.one_of(st.none(), st.just(""), st.just("  "), st.text(min_size=1, max_size=5))


@given(
    task=st.sampled_from(list(TaskCode)),
    src=ANY_STATE,
    dst=ANY_STATE,
    actor=st.sampled_from(list(Actor)),
    reason=REASONS,
)
def test_check_transition_accepts_only_sound_moves(
    task: TaskCode, src: object, dst: object, actor: Actor, reason: str | None
) -> None:
    try:
        check_transition(task, src, dst, actor_kind=actor, reason=reason)  # type: ignore[arg-type]
    except DomainError as err:
        err.message.format(**err.params)
        return
    assert src in states_for(task) and dst in states_for(task) and src != dst
    backward = rank(task, dst) < rank(task, src)  # type: ignore[arg-type]
    assert not backward or (reason and reason.strip())
    if task.is_review and APP in (src, dst):
        assert actor is not OWNER


@given(
    task=st.sampled_from(list(TaskCode)),
    moves=st.lists(
        st.tuples(ANY_STATE, st.sampled_from(list(Actor)), REASONS), min_size=1, max_size=30
    ),
)
def test_any_sequence_of_valid_transitions_stays_valid(
    task: TaskCode, moves: list[tuple[object, Actor, str | None]]
) -> None:
    state = initial_state(task)
    for dst, actor, reason in moves:
        try:
            check_transition(task, state, dst, actor_kind=actor, reason=reason)  # type: ignore[arg-type]
        except DomainError:
            continue
        if task.is_review and dst is APP:
            assert actor is not OWNER, "only the approver, an admin or an import approves"
        state = dst  # type: ignore[assignment]
        assert state in states_for(task)


@given(
    task=st.sampled_from(CORE_ITEMS),
    moves=st.lists(st.tuples(ANY_STATE, REASONS), max_size=30),
)
def test_owner_alone_never_finishes_a_plan_or_report(
    task: TaskCode, moves: list[tuple[object, str | None]]
) -> None:
    state = initial_state(task)
    for dst, reason in moves:
        try:
            check_transition(task, state, dst, actor_kind=OWNER, reason=reason)  # type: ignore[arg-type]
        except DomainError:
            continue
        state = dst  # type: ignore[assignment]
    assert not is_done(task, state)
