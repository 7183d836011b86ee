"""Eligibility for mass training of modules 2, 3, 4 (000, 1.2), over every combination, as the
default campaign's prerequisites declare it."""

from __future__ import annotations

import itertools

import pytest

from bot.domain.campaign import Task
from bot.domain.eligibility import (
    Eligibility,
    Met,
    Module1Part,
    PendingCoreItem,
    Verdict,
    eligibility,
    module1_unfinished_reasons,
    school_core_met,
)
from bot.domain.people import Level, Person, Role
from bot.domain.tasks import (
    Module1State,
    ReviewState,
    TaskState,
    TemisState,
    done_state,
    initial_state,
)
from bot.knowledge.entries import load_entries
from tests.default_campaign import BP, PLAN_TASKS, REPORT_TASKS, TaskCode

MET, NOT_MET, UNKNOWN = Met.MET, Met.NOT_MET, Met.UNKNOWN
ALL = (MET, NOT_MET, UNKNOWN)


def person(role: Role, *, core: bool = False) -> Person:
    return Person(7, "Trần Thị B", "0987654321", role, 10, Level.TH, is_core=core)


def expected_verdict(states: tuple[Met, ...]) -> Verdict:
    """Written out plainly, apart from the code under test."""
    if any(s == NOT_MET for s in states):
        return Verdict.NOT_ELIGIBLE
    if any(s == UNKNOWN for s in states):
        return Verdict.UNKNOWN
    return Verdict.ELIGIBLE


def task_states(wanted: dict[Task, Met]) -> dict[Task, TaskState]:
    """met → the done state, not met → the initial state, unknown → no record."""
    out: dict[Task, TaskState] = {}
    for task, met in wanted.items():
        if met is MET:
            out[task] = done_state(task)
        elif met is NOT_MET:
            out[task] = initial_state(task)
    return out


def core_items(plans: Met, reports: Met) -> dict[int, dict[Task, TaskState]]:
    """Two GV cốt cán; the second one's items carry the wanted state of each group."""
    finished: dict[Task, TaskState] = {
        t: ReviewState.APPROVED for t in (*PLAN_TASKS, *REPORT_TASKS)
    }
    second: dict[Task, TaskState] = dict(finished)
    for group, met in ((PLAN_TASKS, plans), (REPORT_TASKS, reports)):
        if met is NOT_MET:
            second[group[-1]] = ReviewState.LECTURER_APPROVED
        elif met is UNKNOWN:
            del second[group[0]]
    return {101: finished, 102: second}


def as_list(result: Eligibility) -> list[tuple[str, Met]]:
    return [(r.requirement.key, r.state) for r in result.requirements]


@pytest.mark.parametrize("role", [Role.TEACHER, Role.VICE_PRINCIPAL])
@pytest.mark.parametrize("core", [False, True])
@pytest.mark.parametrize(("module1", "temis_self"), list(itertools.product(ALL, repeat=2)))
def test_teacher_and_vice_principal(role: Role, core: bool, module1: Met, temis_self: Met) -> None:
    states = task_states({TaskCode.MODULE1: module1, TaskCode.TEMIS_SELF: temis_self})
    # A cốt cán's own plans and reports are not requirements of 000, 1.2.
    states |= {t: ReviewState.NOT_SUBMITTED for t in PLAN_TASKS} if core else {}
    result = eligibility(BP, person(role, core=core), states)
    assert as_list(result) == [
        ("module1", module1),
        ("temis_self", temis_self),
    ]
    assert result.verdict is expected_verdict((module1, temis_self))


@pytest.mark.parametrize(
    ("module1", "temis_self", "temis_eval", "plans", "reports"),
    list(itertools.product(ALL, repeat=5)),
)
def test_principal(
    module1: Met, temis_self: Met, temis_eval: Met, plans: Met, reports: Met
) -> None:
    states = task_states(
        {
            TaskCode.MODULE1: module1,
            TaskCode.TEMIS_SELF: temis_self,
            TaskCode.TEMIS_EVAL: temis_eval,
        }
    )
    result = eligibility(BP, person(Role.PRINCIPAL), states, core_items(plans, reports))
    assert as_list(result) == [
        ("module1", module1),
        ("temis_self", temis_self),
        ("temis_eval", temis_eval),
        ("core_plans", plans),
        ("core_reports", reports),
    ]
    assert result.verdict is expected_verdict((module1, temis_self, temis_eval, plans, reports))
    unmet = [r for r, m in as_list(result) if m is not MET]
    assert [r.requirement.key for r in result.next_steps] == unmet


def test_principal_without_school_facts_has_unknown_core_requirements() -> None:
    states: dict[Task, TaskState] = {
        TaskCode.MODULE1: Module1State.PASSED,
        TaskCode.TEMIS_SELF: TemisState.DONE,
        TaskCode.TEMIS_EVAL: TemisState.DONE,
    }
    result = eligibility(BP, person(Role.PRINCIPAL), states)
    assert result.verdict is Verdict.UNKNOWN
    assert [r.requirement.key for r in result.next_steps] == ["core_plans", "core_reports"]


@pytest.mark.parametrize("role", [Role.PHONG_STAFF, Role.SO_STAFF])
def test_phong_and_so_staff_are_not_applicable(role: Role) -> None:
    result = eligibility(BP, person(role), {})
    assert result.verdict is Verdict.NOT_APPLICABLE
    assert result.requirements == () and result.next_steps == []


def test_next_steps_are_knowledge_base_entries() -> None:
    result = eligibility(BP, person(Role.PRINCIPAL), {}, core_items(NOT_MET, UNKNOWN))
    steps = [r.next_step for r in result.requirements]
    assert steps == [
        "bp_md1_unfinished_reasons",
        "bp_temis_self_assessment",
        "bp_eligibility_ht_temis_100",
        "bp_eligibility_ht_approve_cotcan",
        "bp_approval_two_ways",
    ]
    entries = {e.id for e in load_entries()}
    assert set(steps) <= entries
    done = eligibility(BP, person(Role.TEACHER), {TaskCode.MODULE1: Module1State.PASSED})
    assert [r.next_step for r in done.requirements] == [None, "bp_temis_self_assessment"]


def test_a_school_without_core_teachers_has_nothing_to_approve() -> None:
    assert school_core_met({}, PLAN_TASKS) == (MET, ())


def test_pending_lists_each_unfinished_item() -> None:
    items = core_items(NOT_MET, UNKNOWN)
    pending = school_core_met(items, PLAN_TASKS)[1] + school_core_met(items, REPORT_TASKS)[1]
    assert pending == (
        PendingCoreItem(102, TaskCode.PLAN_M9, ReviewState.LECTURER_APPROVED),
        PendingCoreItem(102, TaskCode.REPORT_M2, None),
    )


def test_not_rolled_out_reports_still_wait_for_approval() -> None:
    """001: the "Chưa triển khai" row is part of the report the superior approves."""
    items = core_items(MET, MET)
    items[101][TaskCode.REPORT_M4] = ReviewState.NOT_ROLLED_OUT
    assert (school_core_met(items, PLAN_TASKS)[0],
            school_core_met(items, REPORT_TASKS)[0]) == (MET, NOT_MET)


def test_a_known_failure_outweighs_an_unknown_item_in_the_same_group() -> None:
    items = core_items(NOT_MET, MET)
    del items[101][TaskCode.PLAN_M2]
    assert school_core_met(items, PLAN_TASKS)[0] is NOT_MET


@pytest.mark.parametrize("done", list(itertools.product([False, True], repeat=len(Module1Part))))
def test_module1_unfinished_reasons(done: tuple[bool, ...]) -> None:
    parts = dict(zip(Module1Part, done, strict=True))
    assert module1_unfinished_reasons(parts) == [p for p, ok in parts.items() if not ok]


def test_module1_parts_not_recorded_count_as_unfinished() -> None:
    assert module1_unfinished_reasons({Module1Part.GENERAL_PROGRAMME: True}) == [
        Module1Part.SUBJECT_PROGRAMME,
        Module1Part.END_OF_COURSE_SURVEY,
        Module1Part.BDTX_NEEDS_SURVEY,
    ]
