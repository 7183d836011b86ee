"""/tiendo, /dieukien, /choduyet, /truong, and the approval alert with its button."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import partial
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    filters,
)

from bot.context import BotApplication, BotContext, Services
from bot.domain.campaign import Campaign, Task, TaskKind
from bot.domain.eligibility import Met, Verdict
from bot.domain.errors import DomainError, ReasonRequired
from bot.domain.people import Profile, Role
from bot.domain.tasks import (
    Actor,
    CriteriaState,
    ReviewState,
    TaskState,
    check_transition,
    initial_state,
    is_done,
    state_from_value,
    states_for,
)
from bot.i18n import N_, Translator, translator
from bot.sending import Account, OutboxRow, Rendered
from bot.services import notices
from bot.services import tasks as task_service
from handlers.account import ROLE_NAMES
from handlers.buttons import (
    ApprovePress,
    AskApprovePress,
    EntryPress,
    GoPress,
    ItemPress,
    StatePress,
    UndoApprovePress,
    button,
)
from handlers.common import (
    esc,
    guard,
    incoming_text,
    reply,
    tr,
    visitor_of,
)
from handlers.flows import Flow

log = logging.getLogger(__name__)
MAX_REASON_CHARS = 300

STATE_NAMES = {
    "passed": N_("passed"), "not_passed": N_("not passed"),
    "done": N_("done"), "not_done": N_("not done"),
    "not_submitted": N_("not submitted"), "submitted": N_("submitted on LMS"),
    "not_rolled_out": N_("“Chưa triển khai” reported"),
    "lecturer_approved": N_("approved by the GVSP/GVQLGD"),
    "approved": N_("approved by the superior"),
}
NOT_RECORDED = N_("not recorded yet")


def task_name(task: Task, _: Translator) -> str:
    return esc(task.name(_.language))


def state_name(state: TaskState | None, _: Translator, task: Task | None = None) -> str:
    """The words every view uses for a state; ``None`` is "not recorded yet"."""
    if state is None:
        return _(NOT_RECORDED)
    if isinstance(state, CriteriaState):
        total = len(task.criteria) if task else len(state.marks)
        return _("{passed}/{total} criteria passed").format(passed=len(state.passed),
                                                          total=total)
    return _(STATE_NAMES[state.value])


def state_mark(task: Task, state: TaskState | None) -> str:
    """✅ done, ⏳ on the way, ❌ recorded as not done, ❔ not recorded: the same in every view."""
    if state is None:
        return "❔"
    if is_done(task, state):
        return "✅"
    if isinstance(state, ReviewState | CriteriaState) and state.rank > 0:
        return "⏳"
    return "❌"


def mark(item: task_service.ChecklistItem) -> str:
    return state_mark(item.task, item.state)


def item_line(task: Task, state: TaskState | None, _: Translator) -> str:
    """One task as /tiendo, /dieukien and reminders show it, criteria on lines below."""
    lines = [f"{state_mark(task, state)} {task_name(task, _)}: {state_name(state, _, task)}"]
    for criterion in task.criteria:
        passed = state.mark(criterion.code) if isinstance(state, CriteriaState) else None
        icon, word = ("❔", _(NOT_RECORDED)) if passed is None else (
            ("✅", _("passed")) if passed else ("❌", _("not passed")))
        label = criterion.label_en if _.language == "en" and criterion.label_en else \
            criterion.label
        lines.append(f"    {icon} {esc(label)}: {word}")
    return "\n".join(lines)


def owner_options(task: Task, current: TaskState | None) -> list[tuple[TaskState, bool]]:
    """States the owner may move to, each with whether a reason is needed."""
    if task.kind is TaskKind.CRITERIA:
        base = current if isinstance(current, CriteriaState) else CriteriaState(())
        candidates: list[TaskState] = [
            base.with_mark(c.code, passed) for c in task.criteria for passed in (True, False)
            if base.mark(c.code) is not passed]
        start: TaskState = base
    else:
        candidates = list(states_for(task))
        start = current if current is not None else initial_state(task)
    options = []
    for state in candidates:
        try:
            check_transition(task, start, state, actor_kind=Actor.OWNER, reason=None)
        except ReasonRequired:
            options.append((state, True))
        except DomainError:
            continue
        else:
            options.append((state, False))
    return options


def option_text(task: Task, current: TaskState | None, state: TaskState,
                _: Translator) -> str:
    """A choice as a button says it: the state, or for criteria the one criterion changed."""
    if isinstance(state, CriteriaState):
        before = current if isinstance(current, CriteriaState) else CriteriaState(())
        for criterion in task.criteria:
            if state.mark(criterion.code) != before.mark(criterion.code):
                word = _("passed") if state.mark(criterion.code) else _("not passed")
                label = criterion.label_en if _.language == "en" and criterion.label_en \
                    else criterion.label
                return f"{label}: {word}"
    return state_name(state, _, task)


async def _profile(update: Update, context: BotContext) -> Profile:
    visitor = await visitor_of(update, context)
    assert visitor.profile is not None  # guaranteed by the "linked" permissions
    return visitor.profile


@guard("progress")
async def progress(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    profile = await _profile(update, context)
    campaign = await context.services.campaign()
    items = await task_service.checklist(context.services.db, campaign, profile.person)
    if not items:
        await reply(update, _("You have no training tasks of your own. Type /help to see what "
                              "you can do."))
        return
    lines = [_("<b>Your tasks</b> (✅ done, ⏳ in progress, ❌ not yet, ❔ not recorded):")]
    lines += [item_line(i.task, i.state, _) for i in items]
    buttons = [button(i.task.header, ItemPress(i.task.code))
               for i in items if i.state is not ReviewState.APPROVED]
    rows = [buttons[n:n + 3] for n in range(0, len(buttons), 3)]
    if buttons:
        lines.append(_("Press an item to update it."))
    if campaign.prerequisites is not None:
        lines.append(_("/dieukien shows whether you may go on to {gate}.").format(
            gate=esc(campaign.prerequisites.gate_name(_.language))))
    await reply(update, "\n".join(lines), reply_markup=InlineKeyboardMarkup(rows) if rows
                else None)


@guard("progress")
async def item_pressed(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    _ = await tr(update, context)
    profile = await _profile(update, context)
    campaign = await context.services.campaign()
    task = campaign.task(ItemPress.unpack(query.data).task)
    items = {i.task: i for i in await task_service.checklist(context.services.db, campaign,
                                                              profile.person)}
    if task is None or task not in items:
        await reply(update, _("This button is not valid for you. Type /tiendo again."))
        return
    current = items[task].state
    options = owner_options(task, current)
    if not options:
        await reply(update, _("“{task}” cannot be changed by you now.").format(
            task=task_name(task, _)))
        return
    keyboard = [[button(("↩ " if needs_reason else "") + option_text(task, current, s, _),
                        StatePress(task.code, s.value))] for s, needs_reason in options]
    await reply(update, _("<b>{task}</b>: now “{state}”. Choose the new state:").format(
        task=task_name(task, _), state=state_name(current, _, task)),
        reply_markup=InlineKeyboardMarkup(keyboard))


@guard("progress")
async def state_pressed(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    _ = await tr(update, context)
    campaign = await context.services.campaign()
    press = StatePress.unpack(query.data)
    task = campaign.task(press.task)
    state = state_from_value(task, press.state) if task else None
    if task is None or state is None:
        await reply(update, _(StatePress.invalid_message))
        return
    await _apply(update, context, task, state, reason=None)


async def _apply(update: Update, context: BotContext, task: Task, state: TaskState,
                 reason: str | None) -> None:
    _ = await tr(update, context)
    profile = await _profile(update, context)
    services = context.services
    campaign = await services.campaign()
    try:
        change = await task_service.change_own(services.db, campaign, profile, task, state,
                                               rules=services.rules_for(campaign),
                                               actor=f"person:{profile.person.id}",
                                               reason=reason)
    except ReasonRequired:
        await REASON.ask(update, context, "reason", task=task.code, state=state.value)
        await reply(update, _("Going back to “{state}” needs a reason. Please type the reason "
                              "in one message (or /huy to cancel).").format(
            state=option_text(task, None, state, _)))
        return
    text = _("Updated: {task} — {state}.").format(task=task_name(task, _),
                                                   state=state_name(state, _, task))
    if state is ReviewState.LECTURER_APPROVED:
        services.outbox.wake()
        told = change.alerted
        text += "\n" + (_("I have told {n} approver(s); they will confirm here once they approve "
                          "on LMS.").format(n=told) if told else
                        _("Your approver does not use the assistant yet: please tell them "
                          "directly so they approve on LMS."))
    await reply(update, text + "\n" + _("Type /tiendo to see all your tasks."))


REASON = Flow("task_reason", timeout=N_(
    "⌛ Ten minutes passed without the reason, so I stopped waiting for it. Nothing was "
    "changed; type /tiendo to start again."))


@REASON.step("reason")
async def reason_typed(update: Update, context: BotContext, data: dict[str, Any]) -> None:
    """The reason a backward move asked for."""
    campaign = await context.services.campaign()
    task = campaign.task(str(data["task"]))
    state = state_from_value(task, str(data["state"])) if task else None
    reason = incoming_text(update).strip()[:MAX_REASON_CHARS]
    if task is not None and state is not None and reason:
        await _apply(update, context, task, state, reason)
    else:
        _ = await tr(update, context)
        await reply(update, _("Cancelled. Nothing was changed."))


def alert_text(campaign: Campaign, change: task_service.Change, _: Translator) -> str:
    owner = change.owner
    role = _(ROLE_NAMES[owner.person.role])
    school = esc(owner.school.name) if owner.school else ""
    return "\n".join([
        _("🔔 <b>Waiting for your approval</b>"),
        "• " + _("Cốt cán: {name} ({role}, {school})").format(
            name=esc(owner.person.full_name), role=role, school=school),
        "• " + _("Item: {task} — approved by the GVSP/GVQLGD").format(
            task=task_name(change.task, _)),
        _("How to approve ({source}), either:").format(
            source=esc(campaign.cite(change.task.source, _))),
        _("1) print, sign, stamp, scan and upload it to LMS; or"),
        _("2) log in to LMS with your own account and approve online."),
        _("When it is approved on LMS, press the button below."),
    ])


def approve_button(change: task_service.Change, _: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[button(
        _("✅ Approved on LMS"), AskApprovePress(change.owner.person.id, change.task.code))]])


async def render_alert(services: Services, row: OutboxRow, account: Account) -> Rendered | None:
    """The approval alert, if the item still waits for approval when it goes out."""
    campaign = await services.campaign()
    change = await task_service.still_waiting(services.db, campaign, int(row.payload["owner_id"]),
                                              str(row.payload["task"]))
    if change is None:
        return None
    _ = translator(account.language)
    return Rendered(alert_text(campaign, change, _), approve_button(change, _))


async def render_notice(services: Services, row: OutboxRow, account: Account) -> Rendered | None:
    _ = translator(account.language)
    task = (await services.campaign()).task(str(row.payload["task"]))
    if task is None:  # retired since: nothing left to tell
        return None
    text = _("✅ Your {task} has been approved by {role} {name}.").format(
        task=task_name(task, _),
        role=_(ROLE_NAMES[Role(row.payload["approver_role"])]),
        name=esc(str(row.payload["approver_name"])))
    return Rendered(text + "\n" + _("Type /tiendo to see all your tasks."))


def _who(owner: Profile, _: Translator) -> str:
    person = owner.person
    role = _(ROLE_NAMES[person.role]) + (" (" + _("core") + ")" if person.is_core else "")
    unit = owner.school or owner.unit
    return f"<b>{esc(person.full_name)}</b> — {role}, {esc(unit.name)}"


@dataclass(frozen=True, slots=True)
class _ApprovalPress:
    """What the three approval buttons share: who pressed, on which owner's task, in words."""

    _: Translator
    approver: Profile
    campaign: Campaign
    owner_id: int
    task: Task


async def _approval_press(update: Update, context: BotContext,
                          kind: type[ApprovePress | AskApprovePress | UndoApprovePress],
                          ) -> _ApprovalPress | None:
    """The press decoded against the running campaign; a task it no longer has is answered."""
    query = update.callback_query
    assert query is not None
    _ = await tr(update, context)
    campaign = await context.services.campaign()
    press = kind.unpack(query.data)
    task = campaign.task(press.task)
    if task is None:
        await reply(update, _("This button is not valid for you."))
        return None
    return _ApprovalPress(_, await _profile(update, context), campaign, press.owner_id, task)


@guard("approve")
async def approve_asked(update: Update, context: BotContext) -> None:
    """Step 1: who, what, and what confirming does; nothing is recorded yet."""
    pressed = await _approval_press(update, context, AskApprovePress)
    if pressed is None:
        return
    _, approver, campaign, task = pressed._, pressed.approver, pressed.campaign, pressed.task
    services = context.services
    change = await task_service.preview_approval(
        services.db, campaign, approver, pressed.owner_id, task,
        rules=services.rules_for(campaign), actor=f"person:{approver.person.id}")
    text = "\n".join([
        _("Confirm that you approved this on LMS:"),
        "• " + _("Who: {who}").format(who=_who(change.owner, _)),
        "• " + _("What: {task} (now: {state})").format(
            task=task_name(task, _), state=state_name(change.from_state, _, task)),
        _("When you confirm, it is recorded as approved by you and {name} is told at once. "
          "You can undo it within 10 minutes.").format(
            name=esc(change.owner.person.full_name))])
    await reply(update, text, reply_markup=InlineKeyboardMarkup([
        [button(_("✅ Confirm: approved"), ApprovePress(pressed.owner_id, task.code))],
        [button(_("Not now"), GoPress("choduyet"))]]))


@guard("approve")
async def approve_pressed(update: Update, context: BotContext) -> None:
    """Step 2: the approval is recorded and the cốt cán told; a 10-minute undo is offered."""
    pressed = await _approval_press(update, context, ApprovePress)
    if pressed is None:
        return
    _, approver, campaign, task = pressed._, pressed.approver, pressed.campaign, pressed.task
    services = context.services
    change = await task_service.approve(services.db, campaign, approver, pressed.owner_id, task,
                                        rules=services.rules_for(campaign),
                                        actor=f"person:{approver.person.id}")
    services.outbox.wake()  # the owner's notice was queued with the approval
    await reply(update, _("Recorded: {task} of {name} is approved.").format(
        task=task_name(task, _), name=esc(change.owner.person.full_name)) + "\n"
        + _("Pressed by mistake? You can undo it within 10 minutes."),
        reply_markup=InlineKeyboardMarkup([[button(
            _("↩️ Undo"), UndoApprovePress(pressed.owner_id, task.code))]]))


@guard("approve")
async def undo_pressed(update: Update, context: BotContext) -> None:
    pressed = await _approval_press(update, context, UndoApprovePress)
    if pressed is None:
        return
    _, approver, campaign, task = pressed._, pressed.approver, pressed.campaign, pressed.task
    services = context.services
    change = await task_service.undo_approval(
        services.db, campaign, approver, pressed.owner_id, task,
        rules=services.rules_for(campaign), actor=f"person:{approver.person.id}")
    services.outbox.wake()  # the owner is told the approval was taken back
    await reply(update, _("Undone: {task} of {name} is back to “{state}”, and {name} has been "
                          "told.").format(task=task_name(task, _),
                                          name=esc(change.owner.person.full_name),
                                          state=state_name(change.to_state, _, task)))


async def render_undone(services: Services, row: OutboxRow, account: Account) -> Rendered | None:
    _ = translator(account.language)
    task = (await services.campaign()).task(str(row.payload["task"]))
    if task is None:
        return None
    text = _("↩️ The approval of your {task} was taken back by {role} {name} (pressed by "
             "mistake). It waits for approval again.").format(
        task=task_name(task, _), role=_(ROLE_NAMES[Role(row.payload["approver_role"])]),
        name=esc(str(row.payload["approver_name"])))
    return Rendered(text + "\n" + _("Type /tiendo to see all your tasks."))


@guard("approve")
async def waiting(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    approver = await _profile(update, context)
    services = context.services
    campaign = await services.campaign()
    pending = await task_service.pending_for(services.db, campaign, approver,
                                             services.rules_for(campaign))
    if not pending:
        await reply(update, _("Nothing waits for your approval. 👍"))
        return
    lines = [_("<b>{n} item(s) wait for your approval</b> (approved by the GVSP/GVQLGD):")
             .format(n=len(pending))]
    buttons = []
    for item in pending[:30]:
        school = f" — {esc(item.owner.school.name)}" if item.owner.school else ""
        lines.append(f"• {esc(item.owner.person.full_name)}{school}: "
                     f"{task_name(item.task, _)}")
        buttons.append([button(f"✅ {item.owner.person.full_name[:30]} · {item.task.header}",
                               AskApprovePress(item.owner.person.id, item.task.code))])
    lines.append(_("Approve on LMS first (sign and upload, or online), then press the item."))
    await reply(update, "\n".join(lines), reply_markup=InlineKeyboardMarkup(buttons))


@guard("eligibility")
async def eligibility_command(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    profile = await _profile(update, context)
    campaign = await context.services.campaign()
    result = await task_service.eligibility_of(context.services.db, campaign, profile)
    gate = campaign.prerequisites
    if result.verdict is Verdict.NOT_APPLICABLE or gate is None:
        await reply(update, _("There is nothing to check for you in this campaign. Type /tiendo "
                              "for your tasks or /help to see what you can do."))
        return
    what = esc(gate.gate_name(_.language))
    verdict = {
        Verdict.ELIGIBLE: _("✅ You meet the requirements to go on to {gate}."),
        Verdict.NOT_ELIGIBLE: _("❌ You do not meet the requirements for {gate} yet."),
        Verdict.UNKNOWN: _("❔ Not known yet: some of your requirements are not recorded. "
                           "Update them in /tiendo."),
    }[result.verdict].format(gate=what)
    icons = {Met.MET: "✅", Met.NOT_MET: "❌", Met.UNKNOWN: "❔"}
    lines = [verdict, _("Requirements ({source}):").format(
        source=esc(campaign.cite(gate.source, _)))]
    for r in result.requirements:
        if r.task is not None:
            lines.append(item_line(r.task, r.task_state, _))
        else:
            lines.append(f"{icons[r.state]} {esc(r.requirement.name(_.language))}")
    buttons = [[button(_("How to: {what}").format(
        what=r.task.name(_.language) if r.task else r.requirement.name(_.language)),
        EntryPress(r.next_step))] for r in result.next_steps if r.next_step]
    if buttons:
        lines.append(_("Press a button for the steps."))
    await reply(update, "\n".join(lines),
                reply_markup=InlineKeyboardMarkup(buttons) if buttons else None)


@guard("school")
async def school(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    profile = await _profile(update, context)
    if profile.school is None:
        await reply(update, _("This is only for a school's principal."))
        return
    campaign = await context.services.campaign()
    overview = await task_service.school_overview(context.services.db, campaign,
                                                  profile.school.id)
    lines = [_("<b>{school}</b>: {n} people in the roster.").format(
        school=esc(profile.school.name), n=overview.people)]
    if not overview.open_by_task:
        lines.append(_("Everyone has finished every task. 🎉"))
    else:
        lines.append(_("Open tasks (people not finished or not recorded):"))
        lines += [f"• {task_name(t, _)}: {len(people)}"
                  for t, people in overview.open_by_task.items()]
        lines.append("")
        for task, people in overview.open_by_task.items():
            names = ", ".join(esc(p.full_name) for p in people[:15])
            more = _(" and {n} more").format(n=len(people) - 15) if len(people) > 15 else ""
            lines.append(f"<b>{esc(task.header)}</b>: {names}{more}")
    await reply(update, "\n".join(lines))


GO_COMMANDS = {"tiendo": progress, "choduyet": waiting, "truong": school}


async def go_pressed(update: Update, context: BotContext) -> None:
    """Buttons in reminders that open a command's view (each command checks its own role)."""
    query = update.callback_query
    assert query is not None
    await GO_COMMANDS[GoPress.unpack(query.data).command](update, context)


def register(application: BotApplication) -> None:
    services = application.bot_data.services
    assert services is not None



    services.outbox.register(notices.ALERT, partial(render_alert, services))
    services.outbox.register(notices.APPROVED, partial(render_notice, services))
    services.outbox.register(notices.UNDONE, partial(render_undone, services))
    private = filters.ChatType.PRIVATE
    application.add_handlers([
        CommandHandler("tiendo", progress, filters=private),
        CommandHandler("dieukien", eligibility_command, filters=private),
        CommandHandler("choduyet", waiting, filters=private),
        CommandHandler("truong", school, filters=private),
        CallbackQueryHandler(item_pressed, pattern=ItemPress.pattern),
        CallbackQueryHandler(state_pressed, pattern=StatePress.pattern),
        CallbackQueryHandler(approve_asked, pattern=AskApprovePress.pattern),
        CallbackQueryHandler(approve_pressed, pattern=ApprovePress.pattern),
        CallbackQueryHandler(undo_pressed, pattern=UndoApprovePress.pattern),
        CallbackQueryHandler(go_pressed, pattern=GoPress.pattern),
    ])

