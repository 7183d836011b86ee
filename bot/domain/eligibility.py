"""May a GV or CBQL enter mass training of modules 2, 3, 4? (000, 1.2)

Every requirement comes back with its state, so the bot can say what is missing and link each
gap to a knowledge-base topic (``next_step``). A missing state is *unknown*, never assumed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from bot.domain.people import Person, Role
from bot.domain.tasks import PLAN_TASKS, REPORT_TASKS, TaskCode, TaskState, is_done


class Met(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"


class Verdict(StrEnum):
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not_applicable"  # Phòng and Sở staff


class Requirement(StrEnum):
    """A requirement of 000, 1.2; its value is the knowledge-base topic that explains it."""

    MODULE1 = "module1"  # module 1 graded đạt
    TEMIS_SELF = "temis_self"  # self-assessment recorded, evidence uploaded
    TEMIS_EVAL = "temis_eval"  # principal: 100% of the school's teachers evaluated on TEMIS
    CORE_PLANS = "core_plans"  # principal: the school's GV cốt cán plans approved
    CORE_REPORTS = "core_reports"  # principal: their reports approved


@dataclass(frozen=True, slots=True)
class RequirementStatus:
    requirement: Requirement
    state: Met

    @property
    def next_step(self) -> str | None:
        """The topic to show while the requirement is not known to be met."""
        return None if self.state is Met.MET else self.requirement.value


@dataclass(frozen=True, slots=True)
class Eligibility:
    verdict: Verdict
    requirements: tuple[RequirementStatus, ...] = ()

    @property
    def next_steps(self) -> list[str]:
        return [r.requirement.value for r in self.requirements if r.state is not Met.MET]


@dataclass(frozen=True, slots=True)
class PendingCoreItem:
    person_id: int
    task: TaskCode
    state: TaskState | None  # None: not recorded


@dataclass(frozen=True, slots=True)
class SchoolCoreStatus:
    """The school's GV cốt cán plans and reports, derived from their items (never stored)."""

    plans_approved: Met
    reports_approved: Met
    pending: tuple[PendingCoreItem, ...] = ()


def school_core_status(
    core_teachers: Mapping[int, Mapping[TaskCode, TaskState]],
) -> SchoolCoreStatus:
    """Summarise the items of the school's GV cốt cán, keyed by person id.

    The caller passes exactly the school's GV cốt cán (000: "giáo viên cốt cán của trường").
    A school without any has nothing to approve, so both requirements are met. An item with no
    recorded state makes its requirement unknown, unless another item is known unfinished.
    """
    pending = tuple(
        PendingCoreItem(person_id, task, states.get(task))
        for person_id, states in core_teachers.items()
        for task in (*PLAN_TASKS, *REPORT_TASKS)
        if not is_done(task, states.get(task))
    )
    return SchoolCoreStatus(
        plans_approved=_combine(_item_met(p) for p in pending if p.task in PLAN_TASKS),
        reports_approved=_combine(_item_met(p) for p in pending if p.task in REPORT_TASKS),
        pending=pending,
    )


def eligibility(
    person: Person,
    states: Mapping[TaskCode, TaskState],
    school_facts: SchoolCoreStatus | None = None,
) -> Eligibility:
    """The verdict and each requirement for ``person`` (000, 1.2 a for GV, b for CBQL).

    ``school_facts`` matters for a principal only; ``None`` leaves the cốt cán requirements
    unknown. Vice principals have the GV requirements: the rest is the principal's duty.
    """
    if not person.role.is_school_staff:
        return Eligibility(Verdict.NOT_APPLICABLE)
    reqs = [
        RequirementStatus(Requirement.MODULE1, _task_met(TaskCode.MODULE1, states)),
        RequirementStatus(Requirement.TEMIS_SELF, _task_met(TaskCode.TEMIS_SELF, states)),
    ]
    if person.role is Role.PRINCIPAL:
        reqs += [
            RequirementStatus(Requirement.TEMIS_EVAL, _task_met(TaskCode.TEMIS_EVAL, states)),
            RequirementStatus(
                Requirement.CORE_PLANS, school_facts.plans_approved if school_facts else Met.UNKNOWN
            ),
            RequirementStatus(
                Requirement.CORE_REPORTS,
                school_facts.reports_approved if school_facts else Met.UNKNOWN,
            ),
        ]
    return Eligibility(_verdict(r.state for r in reqs), tuple(reqs))


def _task_met(task: TaskCode, states: Mapping[TaskCode, TaskState]) -> Met:
    state = states.get(task)
    if state is None:
        return Met.UNKNOWN
    return Met.MET if is_done(task, state) else Met.NOT_MET


def _item_met(item: PendingCoreItem) -> Met:
    return Met.UNKNOWN if item.state is None else Met.NOT_MET


def _combine(parts: Iterable[Met]) -> Met:
    """All met → met; any known failure → not met; otherwise unknown."""
    seen = set(parts)
    if Met.NOT_MET in seen:
        return Met.NOT_MET
    return Met.UNKNOWN if Met.UNKNOWN in seen else Met.MET


def _verdict(parts: Iterable[Met]) -> Verdict:
    """A requirement known to be unmet settles it; an unknown one leaves the verdict open."""
    return {
        Met.MET: Verdict.ELIGIBLE,
        Met.NOT_MET: Verdict.NOT_ELIGIBLE,
        Met.UNKNOWN: Verdict.UNKNOWN,
    }[_combine(parts)]


class Module1Part(StrEnum):
    """The parts whose absence leaves module 1 unfinished (000, 1.1a)."""

    GENERAL_PROGRAMME = "general_programme"  # chương trình tổng thể
    SUBJECT_PROGRAMME = "subject_programme"  # chương trình môn học
    END_OF_COURSE_SURVEY = "end_of_course_survey"  # khảo sát cuối khoá
    BDTX_NEEDS_SURVEY = "bdtx_needs_survey"  # khảo sát nhu cầu BDTX


def module1_unfinished_reasons(done_parts: Mapping[Module1Part, bool]) -> list[Module1Part]:
    """The parts not known to be done, in 000's order: what to finish before module 1 is đạt."""
    return [part for part in Module1Part if not done_parts.get(part, False)]
