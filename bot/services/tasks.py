"""Use cases around tasks: my checklist, changing my items, approving, what waits for whom.

Each change is one transaction with its audit row. Approval is compare-and-set on the state
the approver was shown, so a second press (a colleague at the same moment, or a replayed
button) finds the item already moved and is told so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.domain.campaign import Campaign, Task
from bot.domain.eligibility import Eligibility, eligibility
from bot.domain.errors import AlreadyDone, NotApplicable, PermissionDenied
from bot.domain.people import Person, Profile, Role, UnitKind
from bot.domain.routing import (
    APPROVER_ROLE,
    RoutingRules,
    approver_for,
    may_approve,
    officers_for_level,
    routed_level,
)
from bot.domain.tasks import (
    Actor,
    ReviewState,
    TaskState,
    check_transition,
    initial_state,
    is_done,
    state_from_value,
)
from bot.i18n import N_
from bot.services import notices
from bot.services.authority import current_profile, refuse
from bot.storage import Database
from bot.storage import people as people_repo
from bot.storage import tasks as task_repo
from bot.storage.accounts import account_of_person
from bot.storage.outbox import enqueue


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    task: Task
    state: TaskState | None  # None: nothing recorded yet

    @property
    def done(self) -> bool:
        return is_done(self.task, self.state)

    @property
    def shown_state(self) -> TaskState:
        return self.state if self.state is not None else initial_state(self.task)


@dataclass(frozen=True, slots=True)
class Change:
    owner: Profile
    task: Task
    from_state: TaskState | None
    to_state: TaskState
    approvers: tuple[Person, ...] = ()  # the item now waits for them
    alerted: int = 0  # how many of them use the assistant and were sent the alert


@dataclass(frozen=True, slots=True)
class PendingItem:
    owner: Profile
    task: Task


async def checklist(db: Database, campaign: Campaign, person: Person) -> list[ChecklistItem]:
    """The person's tasks of the running campaign, each with its recorded state."""
    states = await task_repo.states_of(db.reader, campaign, person.id)
    return [ChecklistItem(task, states.get(task)) for task in campaign.tasks_for(person)]


async def approvers_of(db: Database, owner: Profile, rules: RoutingRules) -> list[Person]:
    """The people who approve the owner's plans and reports (001, Bước 3).

    Phòng and Sở officers are narrowed to those following the owner's level
    (``routing.officers_for_level``).
    """
    try:
        target = approver_for(owner, rules)
    except NotApplicable:
        return []
    staff = await people_repo.people_in_unit(db.reader, target.unit_id,
                                             [APPROVER_ROLE[target.kind]])
    return officers_for_level(target.kind, staff, routed_level(owner), lambda p: p.level)


async def change_own(db: Database, campaign: Campaign, owner: Profile, task: Task,
                     to_state: TaskState, *, rules: RoutingRules, actor: str,
                     reason: str | None = None) -> Change:
    """The owner reports progress on their own item.

    Raises:
        PermissionDenied: not one of the owner's tasks, or a move only the approver makes.
        InvalidTransition: the rules refuse the move (AlreadyDone, ReasonRequired…).
    """
    if task not in campaign.tasks_for(owner.person):
        raise PermissionDenied(N_("This task is not on your list."))
    current = await task_repo.states_of(db.reader, campaign, owner.person.id)
    from_state = current.get(task)
    check_transition(task, from_state or initial_state(task), to_state, actor_kind=Actor.OWNER,
                     reason=reason)
    approvers: tuple[Person, ...] = ()
    reachable: list[int] = []
    if to_state is ReviewState.LECTURER_APPROVED:
        approvers = tuple(await approvers_of(db, owner, rules))
        reachable = [p.id for p in approvers if await _reachable(db, p.id)]
    async with db.transaction() as tx:
        if not await task_repo.set_state(tx, owner.person.id, task, from_state, to_state,
                                         actor=actor, reason=reason):
            raise AlreadyDone(N_("This item was changed in the meantime. Please open /tiendo "
                                 "again."))
        if reachable:
            await enqueue(tx, notices.approver_alerts(await notices.last_change_id(tx),
                                                      owner.person.id, task.code, reachable))
    return Change(owner, task, from_state, to_state, approvers, len(reachable))


async def _reachable(db: Database, person_id: int) -> bool:
    """The person uses the assistant and has not blocked it."""
    account = await account_of_person(db.reader, person_id)
    return account is not None and not account.blocked


UNDO_WINDOW = dt.timedelta(minutes=10)
UNDO_REASON = "approval undone by the approver"


async def _routed(db: Database, campaign: Campaign, approver: Profile, owner_id: int, task: Task,
                  *, rules: RoutingRules, actor: str, action: str) -> tuple[Profile, Profile]:
    """(the owner, the approver as the roster says now), once the approver is checked to be the
    owner's routed superior; refused with an audit row otherwise."""
    owner_person = await people_repo.person_by_id(db.reader, owner_id)
    if owner_person is None or not task.is_review or task not in campaign.tasks:
        raise PermissionDenied(N_("This button is not valid for you."))
    owner = await people_repo.profile_of(db.reader, owner_person)
    current = await current_profile(db, approver.person.id)  # the role as it is now
    if current is None or not may_approve(current.person, current, owner, rules):
        await refuse(db, actor=actor, action=action,
                     subject=task_repo.subject(owner_id, task), reason="not_routed_approver",
                     message=N_("Only the approver of this cốt cán can confirm this approval."))
    return owner, current


async def preview_approval(db: Database, campaign: Campaign, approver: Profile, owner_id: int,
                           task: Task, *, rules: RoutingRules, actor: str) -> Change:
    """What confirming would change, checked as :func:`approve` checks it; writes nothing."""
    owner, _current = await _routed(db, campaign, approver, owner_id, task, rules=rules,
                                    actor=actor, action="task.approve")
    from_state = (await task_repo.states_of(db.reader, campaign, owner_id)).get(task)
    if from_state is ReviewState.APPROVED:
        raise AlreadyDone(N_("“{task}” is already “{state}”."),
                          {"task": task.header, "state": ReviewState.APPROVED.label})
    check_transition(task, from_state or initial_state(task), ReviewState.APPROVED,
                     actor_kind=Actor.APPROVER)
    return Change(owner, task, from_state, ReviewState.APPROVED)


async def approve(db: Database, campaign: Campaign, approver: Profile, owner_id: int,
                  task: Task, *, rules: RoutingRules, actor: str) -> Change:
    """The routed superior confirms they approved the item on LMS (001, Bước 3).

    Raises:
        PermissionDenied: the presser is not the owner's routed approver.
        AlreadyDone: the item is approved already (or no longer waits for approval).
    """
    owner, current = await _routed(db, campaign, approver, owner_id, task, rules=rules,
                                   actor=actor, action="task.approve")
    states = await task_repo.states_of(db.reader, campaign, owner_id)
    from_state = states.get(task)
    if from_state is ReviewState.APPROVED:
        raise AlreadyDone(N_("“{task}” is already “{state}”."),
                          {"task": task.header, "state": ReviewState.APPROVED.label})
    check_transition(task, from_state or initial_state(task), ReviewState.APPROVED,
                     actor_kind=Actor.APPROVER)
    async with db.transaction() as tx:
        if not await task_repo.set_state(tx, owner_id, task, from_state, ReviewState.APPROVED,
                                         actor=actor):
            raise AlreadyDone(N_("“{task}” is already “{state}”."),
                              {"task": task.header, "state": ReviewState.APPROVED.label})
        await enqueue(tx, [notices.approval_notice(await notices.last_change_id(tx), owner_id,
                                                   task.code, current.person)])
    return Change(owner, task, from_state, ReviewState.APPROVED)


async def undo_approval(db: Database, campaign: Campaign, approver: Profile, owner_id: int,
                        task: Task, *, rules: RoutingRules, actor: str,
                        now: dt.datetime | None = None) -> Change:
    """Within ten minutes the approver takes their confirmation back (a press by mistake): the
    item returns to the state it had, with its audit row, and the cốt cán is told.

    Raises:
        PermissionDenied: not the owner's routed approver (any more).
        AlreadyDone: the last change of the item is not this approver's approval, or the ten
            minutes have passed.
    """
    owner, current = await _routed(db, campaign, approver, owner_id, task, rules=rules,
                                   actor=actor, action="task.approve.undo")
    history = await task_repo.history(db.reader, owner_id, task)
    last = history[-1] if history else None
    if last is None or last.to_state != ReviewState.APPROVED.value or last.actor != actor:
        raise AlreadyDone(N_("There is no approval of yours to undo on this item any more."))
    if (now or dt.datetime.now(dt.UTC)) - dt.datetime.fromisoformat(last.at) > UNDO_WINDOW:
        raise AlreadyDone(N_("An approval can be undone within 10 minutes only. If it was a "
                             "mistake, please contact the Sở to correct it."))
    back = (state_from_value(task, last.from_state) if last.from_state else None) \
        or initial_state(task)
    async with db.transaction() as tx:
        if not await task_repo.set_state(tx, owner_id, task, ReviewState.APPROVED, back,
                                         actor=actor, reason=UNDO_REASON):
            raise AlreadyDone(N_("There is no approval of yours to undo on this item any more."))
        await enqueue(tx, [notices.undo_notice(await notices.last_change_id(tx), owner_id,
                                               task.code, current.person)])
    return Change(owner, task, ReviewState.APPROVED, back)


async def pending_for(db: Database, campaign: Campaign, approver: Profile,
                      rules: RoutingRules) -> list[PendingItem]:
    """Items approved by the lecturer and waiting for this person's approval."""
    waiting = await task_repo.people_with_state(db.reader, campaign.review_tasks,
                                                ReviewState.LECTURER_APPROVED)
    profiles: dict[int, Profile | None] = {}
    pending = []
    for person_id, task in waiting:
        if person_id not in profiles:
            person = await people_repo.person_by_id(db.reader, person_id)
            profiles[person_id] = (await people_repo.profile_of(db.reader, person)
                                   if person else None)
        owner = profiles[person_id]
        if (owner is not None and task.applies_to(owner.person)
                and may_approve(approver.person, approver, owner, rules)):
            pending.append(PendingItem(owner, task))
    return pending


async def school_core_teachers(db: Database, school_id: int) -> list[Person]:
    staff = await people_repo.people_in_unit(db.reader, school_id, [Role.TEACHER])
    return [p for p in staff if p.is_core]


async def eligibility_of(db: Database, campaign: Campaign, profile: Profile) -> Eligibility:
    """The campaign's gate for this person; a principal's also reads the school's GV cốt cán."""
    person = profile.person
    states = await task_repo.states_of(db.reader, campaign, person.id)
    core_states = None
    gate = campaign.prerequisites
    if (gate is not None and profile.school is not None
            and any(r.school_core and person.role in r.roles for r in gate.requires)):
        core = await school_core_teachers(db, profile.school.id)
        core_states = await task_repo.states_of_many(db.reader, campaign, [p.id for p in core])
    return eligibility(campaign, person, states, core_states)


@dataclass(frozen=True, slots=True)
class SchoolOverview:
    """Open tasks of a school: per task, the people who have not finished it."""

    people: int
    open_by_task: dict[Task, list[Person]]


async def school_overview(db: Database, campaign: Campaign, school_id: int) -> SchoolOverview:
    school = await people_repo.unit_by_id(db.reader, school_id)
    if school is None or school.kind is not UnitKind.SCHOOL:
        raise PermissionDenied(N_("This is only for a school's principal."))
    staff = await people_repo.people_in_unit(db.reader, school_id)
    states = await task_repo.states_of_many(db.reader, campaign, [p.id for p in staff])
    open_by_task: dict[Task, list[Person]] = {}
    for person in staff:
        for task in campaign.tasks_for(person):
            if not is_done(task, states[person.id].get(task)):
                open_by_task.setdefault(task, []).append(person)
    ordered = {t: open_by_task[t] for t in campaign.tasks if t in open_by_task}
    return SchoolOverview(len(staff), ordered)


async def still_waiting(db: Database, campaign: Campaign, owner_id: int,
                        task_code: str) -> Change | None:
    """The item an alert is about, if it still waits for approval when the alert goes out."""
    owner_person = await people_repo.person_by_id(db.reader, owner_id)
    task = campaign.task(task_code)
    if owner_person is None or task is None:
        return None
    states = await task_repo.states_of(db.reader, campaign, owner_id)
    if states.get(task) is not ReviewState.LECTURER_APPROVED:
        return None
    owner = await people_repo.profile_of(db.reader, owner_person)
    return Change(owner, task, None, ReviewState.LECTURER_APPROVED)
