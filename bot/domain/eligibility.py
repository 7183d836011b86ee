"""May a GV or CBQL go on to the next modules? The campaign's prerequisites (000, 1.2 by default).

Every requirement comes back with its state, so the bot can say what is missing and link each
gap to a knowledge-base topic (``next_step``). A missing state is *unknown*, never assumed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.domain.campaign import Campaign, Requirement, Task
from bot.domain.people import Person
from bot.domain.tasks import TaskState, is_done


class Met(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"


class Verdict(StrEnum):
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not_applicable"  # Phòng and Sở staff, or a campaign without a gate


@dataclass(frozen=True, slots=True)
class RequirementStatus:
    requirement: Requirement
    state: Met
    task: Task | None = None  # the person's own task, when the requirement is one
    task_state: TaskState | None = None  # its recorded state (None: not recorded)

    @property
    def next_step(self) -> str | None:
        """The knowledge-base entry to show while the requirement is not known to be met."""
        return None if self.state is Met.MET else self.requirement.help


@dataclass(frozen=True, slots=True)
class Eligibility:
    verdict: Verdict
    requirements: tuple[RequirementStatus, ...] = ()

    @property
    def next_steps(self) -> list[RequirementStatus]:
        return [r for r in self.requirements if r.state is not Met.MET]


@dataclass(frozen=True, slots=True)
class PendingCoreItem:
    person_id: int
    task: Task
    state: TaskState | None  # None: not recorded


def school_core_met(core_teachers: Mapping[int, Mapping[Task, TaskState]],
                    tasks: Sequence[Task]) -> tuple[Met, tuple[PendingCoreItem, ...]]:
    """Whether every one of ``tasks`` of the school's GV cốt cán is approved, keyed by person id.

    The caller passes exactly the school's GV cốt cán (000: "giáo viên cốt cán của trường").
    A school without any has nothing to approve, so the requirement is met. An item with no
    recorded state makes it unknown, unless another item is known unfinished.
    """
    pending = tuple(
        PendingCoreItem(person_id, task, states.get(task))
        for person_id, states in core_teachers.items()
        for task in tasks
        if not is_done(task, states.get(task))
    )
    return _combine(Met.UNKNOWN if p.state is None else Met.NOT_MET for p in pending), pending


def eligibility(
    campaign: Campaign,
    person: Person,
    states: Mapping[Task, TaskState],
    core_teachers: Mapping[int, Mapping[Task, TaskState]] | None = None,
) -> Eligibility:
    """The verdict and each requirement of the campaign's gate that applies to ``person``.

    ``core_teachers`` (the states of the school's GV cốt cán) matters for requirements on them
    only (a principal's, 000, 1.2b); ``None`` leaves those unknown.
    """
    gate = campaign.prerequisites
    if not person.role.is_school_staff or gate is None:
        return Eligibility(Verdict.NOT_APPLICABLE)
    reqs = []
    for req in gate.requires:
        if person.role not in req.roles:
            continue
        if req.task is not None:
            task = campaign.task(req.task)
            if task is None or not task.applies_to(person):
                continue
            reqs.append(RequirementStatus(req, _task_met(task, states), task, states.get(task)))
        else:
            met = (school_core_met(core_teachers, campaign.tasks_of(req.school_core))[0]
                   if core_teachers is not None else Met.UNKNOWN)
            reqs.append(RequirementStatus(req, met))
    if not reqs:
        return Eligibility(Verdict.NOT_APPLICABLE)
    return Eligibility(_verdict(r.state for r in reqs), tuple(reqs))


def _task_met(task: Task, states: Mapping[Task, TaskState]) -> Met:
    state = states.get(task)
    if state is None:
        return Met.UNKNOWN
    return Met.MET if is_done(task, state) else Met.NOT_MET


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
