"""/tiendo, /dieukien, /choduyet, /truong, and the approval alert with its button."""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    filters,
)

from bot.context import BotApplication, BotContext, Services
from bot.domain.eligibility import Met, Verdict
from bot.domain.errors import DomainError, ReasonRequired
from bot.domain.people import Profile, Role
from bot.domain.tasks import (
    Actor,
    ReviewState,
    TaskCode,
    TaskState,
    check_transition,
    states_for,
)
from bot.i18n import N_, Translator, translator
from bot.sending import Rendered
from bot.services import tasks as task_service
from bot.storage import people as people_repo
from bot.storage import tasks as task_repo
from bot.storage.accounts import Account, account_of_person
from bot.storage.outbox import OutboxRow, Queued, enqueue
from handlers.account import ROLE_NAMES
from handlers.buttons import ApprovePress, EntryPress, GoPress, ItemPress, StatePress, button
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

TASK_NAMES = {
    TaskCode.MODULE1: N_("Module 1"),
    TaskCode.TEMIS_SELF: N_("Self-assessment on TEMIS (with evidence)"),
    TaskCode.TEMIS_EVAL: N_("TEMIS evaluation of 100% of the school's teachers"),
    TaskCode.PLAN_M2: N_("Peer-support plan, module 2"),
    TaskCode.PLAN_M3: N_("Peer-support plan, module 3"),
    TaskCode.PLAN_M4: N_("Peer-support plan, module 4"),
    TaskCode.PLAN_M5: N_("Peer-support plan, module 5"),
    TaskCode.PLAN_M9: N_("Peer-support plan, module 9"),
    TaskCode.REPORT_M2: N_("Peer-support report, module 2"),
    TaskCode.REPORT_M3: N_("Peer-support report, module 3"),
    TaskCode.REPORT_M4: N_("Peer-support report, module 4"),
    TaskCode.REPORT_M5: N_("Peer-support report, module 5"),
}
STATE_NAMES = {
    "passed": N_("passed"), "not_passed": N_("not passed"),
    "done": N_("done"), "not_done": N_("not done"),
    "not_submitted": N_("not submitted"), "submitted": N_("submitted on LMS"),
    "not_rolled_out": N_("“Chưa triển khai” reported"),
    "lecturer_approved": N_("approved by the GVSP/GVQLGD"),
    "approved": N_("approved by the superior"),
}
REQUIREMENT_NAMES = {
    "module1": N_("Module 1 passed"),
    "temis_self": N_("Self-assessment on TEMIS"),
    "temis_eval": N_("100% of teachers evaluated on TEMIS"),
    "core_plans": N_("The school's cốt cán plans approved"),
    "core_reports": N_("The school's cốt cán reports approved"),
}
# The knowledge-base entry that explains how to meet each requirement.
STEP_ENTRIES = {
    "module1": "bp_md1_unfinished_reasons",
    "temis_self": "bp_temis_self_assessment",
    "temis_eval": "bp_eligibility_ht_temis_100",
    "core_plans": "bp_eligibility_ht_approve_cotcan",
    "core_reports": "bp_approval_two_ways",
}


def state_name(state: TaskState, _: Translator) -> str:
    return _(STATE_NAMES[state.value])


def mark(item: task_service.ChecklistItem) -> str:
    if item.done:
        return "✅"
    state = item.shown_state
    if isinstance(state, ReviewState) and state.rank > 0:
        return "⏳"
    return "❌"


def owner_options(task: TaskCode, current: TaskState) -> list[tuple[TaskState, bool]]:
    """States the owner may move to, each with whether a reason is needed."""
    options = []
    for state in states_for(task):
        try:
            check_transition(task, current, state, actor_kind=Actor.OWNER, reason=None)
        except ReasonRequired:
            options.append((state, True))
        except DomainError:
            continue
        else:
            options.append((state, False))
    return options


async def _profile(update: Update, context: BotContext) -> Profile:
    visitor = await visitor_of(update, context)
    assert visitor.profile is not None  # guaranteed by the "linked" permissions
    return visitor.profile


@guard("progress")
async def progress(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    profile = await _profile(update, context)
    items = await task_service.checklist(context.services.db, profile.person)
    if not items:
        await reply(update, _("You have no training tasks of your own. Type /help to see what "
                              "you can do."))
        return
    lines = [_("<b>Your tasks</b> (✅ done, ⏳ in progress, ❌ not yet):")]
    lines += [f"{mark(i)} {esc(_(TASK_NAMES[i.task]))}: "
              f"{state_name(i.shown_state, _)}" for i in items]
    buttons = [button(i.task.header, ItemPress(i.task.value))
               for i in items if i.shown_state is not ReviewState.APPROVED]
    rows = [buttons[n:n + 3] for n in range(0, len(buttons), 3)]
    if buttons:
        lines.append(_("Press an item to update it."))
    lines.append(_("/dieukien shows whether you may take modules 2, 3, 4."))
    await reply(update, "\n".join(lines), reply_markup=InlineKeyboardMarkup(rows) if rows
                else None)


@guard("progress")
async def item_pressed(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    _ = await tr(update, context)
    profile = await _profile(update, context)
    task = TaskCode(ItemPress.unpack(query.data).task)
    items = {i.task: i for i in await task_service.checklist(context.services.db,
                                                              profile.person)}
    if task not in items:
        await reply(update, _("This button is not valid for you. Type /tiendo again."))
        return
    current = items[task].shown_state
    options = owner_options(task, current)
    if not options:
        await reply(update, _("“{task}” cannot be changed by you now.").format(
            task=_(TASK_NAMES[task])))
        return
    keyboard = [[button(("↩ " if needs_reason else "") + state_name(s, _),
                        StatePress(task.value, s.value))] for s, needs_reason in options]
    await reply(update, _("<b>{task}</b>: now “{state}”. Choose the new state:").format(
        task=esc(_(TASK_NAMES[task])), state=state_name(current, _)),
        reply_markup=InlineKeyboardMarkup(keyboard))


@guard("progress")
async def state_pressed(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    _ = await tr(update, context)
    press = StatePress.unpack(query.data)
    task = TaskCode(press.task)
    state = next((s for s in states_for(task) if s.value == press.state), None)
    if state is None:
        await reply(update, _(StatePress.invalid_message))
        return
    await _apply(update, context, task, state, reason=None)


async def _apply(update: Update, context: BotContext, task: TaskCode, state: TaskState,
                 reason: str | None) -> None:
    _ = await tr(update, context)
    profile = await _profile(update, context)
    services = context.services
    try:
        change = await task_service.change_own(services.db, profile, task, state,
                                               rules=services.rules,
                                               actor=f"person:{profile.person.id}",
                                               reason=reason)
    except ReasonRequired:
        await REASON.ask(update, context, "reason", task=task.value, state=state.value)
        await reply(update, _("Going back to “{state}” needs a reason. Please type the reason "
                              "in one message (or /huy to cancel).").format(
            state=state_name(state, _)))
        return
    text = _("Updated: {task} — {state}.").format(task=esc(_(TASK_NAMES[task])),
                                                   state=state_name(state, _))
    if state is ReviewState.LECTURER_APPROVED:
        told = await alert_approvers(context, change)
        text += "\n" + (_("I have told {n} approver(s); they will confirm here once they approve "
                          "on LMS.").format(n=told) if told else
                        _("Your approver does not use the assistant yet: please tell them "
                          "directly so they approve on LMS (Công văn 001)."))
    await reply(update, text + "\n" + _("Type /tiendo to see all your tasks."))


REASON = Flow("task_reason", timeout=N_(
    "⌛ Ten minutes passed without the reason, so I stopped waiting for it. Nothing was "
    "changed; type /tiendo to start again."))


@REASON.step("reason")
async def reason_typed(update: Update, context: BotContext, data: dict[str, Any]) -> None:
    """The reason a backward move asked for."""
    task = TaskCode(data["task"])
    state = next(s for s in states_for(task) if s.value == data["state"])
    reason = incoming_text(update).strip()[:MAX_REASON_CHARS]
    if reason:
        await _apply(update, context, task, state, reason)
    else:
        _ = await tr(update, context)
        await reply(update, _("Cancelled. Nothing was changed."))


def alert_text(change: task_service.Change, _: Translator) -> str:
    owner = change.owner
    role = _(ROLE_NAMES[owner.person.role])
    school = esc(owner.school.name) if owner.school else ""
    return "\n".join([
        _("🔔 <b>Waiting for your approval</b>"),
        "• " + _("Cốt cán: {name} ({role}, {school})").format(
            name=esc(owner.person.full_name), role=role, school=school),
        "• " + _("Item: {task} — approved by the GVSP/GVQLGD").format(
            task=esc(_(TASK_NAMES[change.task]))),
        _("How to approve (Công văn 001), either:"),
        _("1) print, sign, stamp, scan and upload it to LMS; or"),
        _("2) log in to LMS with your own account and approve online."),
        _("When it is approved on LMS, press the button below."),
    ])


def approve_button(change: task_service.Change, _: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[button(
        _("✅ Approved on LMS"), ApprovePress(change.owner.person.id, change.task.value))]])


async def alert_approvers(context: BotContext, change: task_service.Change) -> int:
    """Queue the alert for each approver who uses the bot; returns how many will get it."""
    services = context.services
    queued = []
    for approver in change.approvers:
        account = await account_of_person(services.db.reader, approver.id)
        if account is None or account.blocked:
            continue
        queued.append(Queued("alert", f"alert:{change.owner.person.id}:{change.task.value}:"
                                      f"{services.clock().isoformat(timespec='seconds')}",
                             approver.id, {"owner_id": change.owner.person.id,
                                           "task": change.task.value}, priority=1))
    if queued:
        async with services.db.transaction() as tx:
            await enqueue(tx, queued)
        services.outbox.wake()
    return len(queued)


async def render_alert(services: Services, row: OutboxRow, account: Account) -> Rendered | None:
    """The approval alert, if the item still waits for approval when it goes out."""
    owner_person = await people_repo.person_by_id(services.db.reader,
                                                  int(row.payload["owner_id"]))
    task = TaskCode(row.payload["task"])
    if owner_person is None:
        return None
    states = await task_repo.states_of(services.db.reader, owner_person.id)
    if states.get(task) is not ReviewState.LECTURER_APPROVED:
        return None
    owner = await people_repo.profile_of(services.db.reader, owner_person)
    change = task_service.Change(owner, task, None, ReviewState.LECTURER_APPROVED)
    _ = translator(account.language)
    return Rendered(alert_text(change, _), approve_button(change, _))


async def render_notice(services: Services, row: OutboxRow, account: Account) -> Rendered:
    _ = translator(account.language)
    text = _("✅ Your {task} has been approved by {role} {name}.").format(
        task=esc(_(TASK_NAMES[TaskCode(row.payload["task"])])),
        role=_(ROLE_NAMES[Role(row.payload["approver_role"])]),
        name=esc(str(row.payload["approver_name"])))
    return Rendered(text + "\n" + _("Type /tiendo to see all your tasks."))


@guard("approve")
async def approve_pressed(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    _ = await tr(update, context)
    approver = await _profile(update, context)
    press = ApprovePress.unpack(query.data)
    task = TaskCode(press.task)
    services = context.services
    change = await task_service.approve(services.db, approver, press.owner_id, task,
                                        rules=services.rules,
                                        actor=f"person:{approver.person.id}")
    await reply(update, _("Recorded: {task} of {name} is approved.").format(
        task=esc(_(TASK_NAMES[task])), name=esc(change.owner.person.full_name)))
    await _tell_owner(context, change, approver)


async def _tell_owner(context: BotContext, change: task_service.Change,
                      approver: Profile) -> None:
    services = context.services
    async with services.db.transaction() as tx:
        await enqueue(tx, [Queued("notice", f"approved:{change.owner.person.id}:"
                                            f"{change.task.value}", change.owner.person.id,
                                  {"task": change.task.value,
                                   "approver_role": approver.person.role.value,
                                   "approver_name": approver.person.full_name}, priority=1)])
    services.outbox.wake()


@guard("approve")
async def waiting(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    approver = await _profile(update, context)
    services = context.services
    pending = await task_service.pending_for(services.db, approver, services.rules)
    if not pending:
        await reply(update, _("Nothing waits for your approval. 👍"))
        return
    lines = [_("<b>{n} item(s) wait for your approval</b> (approved by the GVSP/GVQLGD):")
             .format(n=len(pending))]
    buttons = []
    for item in pending[:30]:
        school = f" — {esc(item.owner.school.name)}" if item.owner.school else ""
        lines.append(f"• {esc(item.owner.person.full_name)}{school}: "
                     f"{esc(_(TASK_NAMES[item.task]))}")
        buttons.append([button(f"✅ {item.owner.person.full_name[:30]} · {item.task.header}",
                               ApprovePress(item.owner.person.id, item.task.value))])
    lines.append(_("Approve on LMS first (sign and upload, or online), then press the item."))
    await reply(update, "\n".join(lines), reply_markup=InlineKeyboardMarkup(buttons))


@guard("eligibility")
async def eligibility_command(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    profile = await _profile(update, context)
    result = await task_service.eligibility_of(context.services.db, profile)
    if result.verdict is Verdict.NOT_APPLICABLE:
        await reply(update, _("Eligibility for modules 2, 3, 4 applies to teachers and school "
                              "managers. Type /help to see what you can do."))
        return
    verdict = {
        Verdict.ELIGIBLE: _("✅ You meet the requirements for modules 2, 3, 4."),
        Verdict.NOT_ELIGIBLE: _("❌ You do not meet the requirements for modules 2, 3, 4 "
                                "yet."),
        Verdict.UNKNOWN: _("❔ Not known yet: some of your requirements are not recorded. "
                           "Update them in /tiendo."),
    }[result.verdict]
    icons = {Met.MET: "✅", Met.NOT_MET: "❌", Met.UNKNOWN: "❔"}
    lines = [verdict, _("Requirements (Công văn 000, 1.2):")]
    lines += [f"{icons[r.state]} {esc(_(REQUIREMENT_NAMES[r.requirement.value]))}"
              for r in result.requirements]
    buttons = [[button(_("How to: {what}").format(
        what=_(REQUIREMENT_NAMES[step])), EntryPress(STEP_ENTRIES[step]))]
        for step in result.next_steps]
    if result.next_steps:
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
    overview = await task_service.school_overview(context.services.db, profile.school.id)
    lines = [_("<b>{school}</b>: {n} people in the roster.").format(
        school=esc(profile.school.name), n=overview.people)]
    if not overview.open_by_task:
        lines.append(_("Everyone has finished every task. 🎉"))
    else:
        lines.append(_("Open tasks (people not finished):"))
        lines += [f"• {esc(_(TASK_NAMES[t]))}: {len(people)}"
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



    services.outbox.register("alert", partial(render_alert, services))
    services.outbox.register("notice", partial(render_notice, services))
    private = filters.ChatType.PRIVATE
    application.add_handlers([
        CommandHandler("tiendo", progress, filters=private),
        CommandHandler("dieukien", eligibility_command, filters=private),
        CommandHandler("choduyet", waiting, filters=private),
        CommandHandler("truong", school, filters=private),
        CallbackQueryHandler(item_pressed, pattern=ItemPress.pattern),
        CallbackQueryHandler(state_pressed, pattern=StatePress.pattern),
        CallbackQueryHandler(approve_pressed, pattern=ApprovePress.pattern),
        CallbackQueryHandler(go_pressed, pattern=GoPress.pattern),
    ])

