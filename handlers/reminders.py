"""Deadline reminders as people read them, /nhacnho (mute the optional ones), /hanchot."""

from __future__ import annotations

import datetime as dt
from functools import partial

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot.context import BotApplication, BotContext, Services
from bot.domain.deadlines import (
    DEFAULT_OFFSETS,
    MANDATORY_MAX_OFFSET,
    Audience,
    Deadline,
    DeadlineDraft,
    parse_date_text,
    parse_offsets,
    tasks_reminded,
)
from bot.domain.errors import DomainError
from bot.domain.people import UnitKind
from bot.i18n import N_, Translator, translator
from bot.sending import Rendered
from bot.services import tasks as task_service
from bot.services.reminders import ReminderKind, missing_for, still_due
from bot.storage import accounts as account_repo
from bot.storage import deadlines as deadline_repo
from bot.storage import people as people_repo
from bot.storage import tasks as task_repo
from bot.storage.accounts import Account
from bot.storage.outbox import OutboxRow
from handlers.buttons import EntryPress, GoPress, ItemPress, RemindersPress, button
from handlers.common import esc, guard, incoming_text, reply, tr, visitor_of
from handlers.tasks import item_line

DEADLINE_ENTRY = "deadlines_overview"  # the knowledge-base entry listing the dates


def when_text(date: dt.date, today: dt.date, _: Translator) -> str:
    days = (date - today).days
    left = (_("today is the deadline") if days == 0 else
            _("tomorrow is the deadline") if days == 1 else
            _("{n} days left").format(n=days))
    return _("Deadline: {date} ({left})").format(date=_.date(date, weekday=True), left=left)


async def render_reminder(services: Services, row: OutboxRow,
                          account: Account) -> Rendered | None:
    """The reminder for this person, from the state now; None when nothing is missing."""
    person = await people_repo.person_by_id(services.db.reader, row.person_id)
    if person is None:
        return None
    due = await still_due(services.db, person, int(row.payload["deadline_id"]),
                          str(row.payload["occurrence"]))
    if due is None:
        return None
    deadline, date = due
    _ = translator(account.language)
    today = services.local_now().date()
    head = [_("⏰ <b>Reminder: {title}</b>").format(title=esc(deadline.title)),
            when_text(date, today, _)]
    kind = ReminderKind(row.payload["kind"])
    buttons: list[list[InlineKeyboardButton]] = []
    if kind is ReminderKind.OWN:
        campaign = await services.campaign()
        states = await task_repo.states_of(services.db.reader, campaign, person.id)
        missing = missing_for(campaign, person, states, deadline)
        if not missing:
            return None
        lines = [*head, _("You still need to finish:")]
        lines += [item_line(t, states.get(t), _) for t in missing]
        lines.append(_("Done already? Press the item to update it."))
        row_buttons = [button(f"✏️ {t.header}", ItemPress(t.code))
                       for t in missing]
        buttons = [row_buttons[i:i + 3] for i in range(0, len(row_buttons), 3)]
    elif kind is ReminderKind.APPROVER:
        profile = await people_repo.profile_of(services.db.reader, person)
        campaign = await services.campaign()
        pending = [p for p in await task_service.pending_for(services.db, campaign, profile,
                                                             services.rules_for(campaign))
                   if p.task.code in deadline.tasks]
        if not pending:
            return None
        lines = [*head, _("{n} item(s) approved by the GVSP/GVQLGD wait for your approval on "
                          "LMS.").format(n=len(pending))]
        buttons = [[button(_("📋 See what waits for me"), GoPress("choduyet"))]]
    else:
        counts = await _open_counts(services, person.unit_id, deadline,
                                    district=kind is ReminderKind.DISTRICT)
        total = sum(counts.values())
        if not total:
            return None
        unit = await people_repo.unit_by_id(services.db.reader, person.unit_id)
        lines = [*head, _("{unit}: {n} people still miss a task of this deadline.").format(
            unit=esc(unit.name if unit else ""), n=total)]
        if kind is ReminderKind.SCHOOL:
            buttons = [[button(_("📋 See who"), GoPress("truong"))]]
        else:
            worst = sorted(counts.items(), key=lambda kv: -kv[1])[:8]
            lines += [f"• {esc(name)}: {n}" for name, n in worst]
    buttons.append([button(_("📖 Steps and dates"), EntryPress(DEADLINE_ENTRY))])
    if row.payload["offset"] > MANDATORY_MAX_OFFSET:
        lines.append(_("Type /nhacnho to turn off the early reminders."))
    return Rendered("\n".join(lines), InlineKeyboardMarkup(buttons))


async def _open_counts(services: Services, unit_id: int, deadline: Deadline, *,
                       district: bool) -> dict[str, int]:
    """School name → people who still miss one of the deadline's tasks."""
    db = services.db
    campaign = await services.campaign()
    schools = ([u for u in await people_repo.units_of_kind(db.reader, UnitKind.SCHOOL)
                if u.parent_id == unit_id] if district else
               [u for u in [await people_repo.unit_by_id(db.reader, unit_id)] if u])
    counts: dict[str, int] = {}
    for school in schools:
        staff = await people_repo.people_in_unit(db.reader, school.id)
        states = await task_repo.states_of_many(db.reader, campaign, [p.id for p in staff])
        n = sum(1 for p in staff if missing_for(campaign, p, states[p.id], deadline))
        if n:
            counts[school.name] = n
    return counts


@guard("mute_reminders")
async def reminders_setting(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    visitor = await visitor_of(update, context)
    muted = bool(visitor.account and visitor.account.reminders_muted)
    text = (_("Early reminders are off. You still get the reminder on the day before and on "
              "the day of each deadline.") if muted else
            _("Reminders are on: 14, 7, 3 and 1 day(s) before each deadline, and on the "
              "morning of the day, at 07:30."))
    toggle = button(_("🔔 Turn early reminders on") if muted
                    else _("🔕 Turn early reminders off"), RemindersPress("on" if muted else "off"))
    await reply(update, text, reply_markup=InlineKeyboardMarkup([[toggle]]))


@guard("mute_reminders")
async def reminders_toggled(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None and query.from_user is not None
    _ = await tr(update, context)
    muted = RemindersPress.unpack(query.data).setting == "off"
    async with context.services.db.transaction() as tx:
        await account_repo.set_reminders_muted(tx, query.from_user.id, muted)
    await reply(update, _("Early reminders are off. You still get the reminder on the day "
                          "before and on the day of each deadline.") if muted else
                _("Early reminders are on again."))


def describe_deadline(deadline: Deadline, today: dt.date, _: Translator) -> str:
    date = deadline.occurrence(today)
    when = (_("every year on {day:02d}/{month:02d}").format(day=deadline.day,
                                                             month=deadline.month)
            if deadline.year is None else "")
    next_date = _.date(date, weekday=True) if date else _("past")
    state = "" if deadline.active else " " + _("(off)")
    offsets = ", ".join(map(str, deadline.offsets))
    return "\n".join([
        f"<b>#{deadline.id}</b> {esc(deadline.title)}{state}",
        "   " + _("Next: {date}").format(date=next_date) + (f" ({when})" if when else ""),
        "   " + _("Reminders (days before): {offsets}").format(offsets=offsets)])


HANCHOT_USAGE = N_(
    "/hanchot — list\n"
    "/hanchot them 15/4/2027 | title | staff|core\n"
    "/hanchot ngay ID 28/2 — change the date\n"
    "/hanchot nhac ID 14,7,3,1,0 — reminder days\n"
    "/hanchot tat ID · /hanchot bat ID — off, on\n"
    "(staff: teachers and managers; core: cốt cán)")


@guard("deadlines")
async def deadlines_command(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    services = context.services
    args = incoming_text(update).split(maxsplit=2)[1:]
    today = services.local_now().date()
    actor = f"tg:{update.effective_user.id if update.effective_user else 0}"
    usage = _("Usage:") + "\n" + esc(_(HANCHOT_USAGE))
    try:
        if not args:
            deadlines = await deadline_repo.all_deadlines(services.db.reader)
            await reply(update, "\n\n".join([describe_deadline(d, today, _) for d in deadlines]
                                            + [usage]))
            return
        action = args[0].lower()
        rest = args[1] if len(args) > 1 else ""
        if action == "them":
            parts = [p.strip() for p in rest.split("|")]
            if len(parts) != 3 or parts[2] not in ("staff", "core") or not parts[1]:
                await reply(update, usage)
                return
            day, month, year = parse_date_text(parts[0], today)
            audience = Audience(parts[2])
            draft = DeadlineDraft(parts[1][:120], day, month, year,
                                  tasks_reminded(await services.campaign(), audience),
                                  audience, DEFAULT_OFFSETS)
            async with services.db.transaction() as tx:
                new_id = await deadline_repo.add_deadline(tx, draft, actor=actor)
            await reply(update, _("Deadline #{id} added.").format(id=new_id))
            return
        id_text, _sep, value = rest.partition(" ")
        if action not in ("ngay", "nhac", "tat", "bat") or not id_text.isdigit():
            await reply(update, usage)
            return
        async with services.db.transaction() as tx:
            if action == "ngay":
                changed = await deadline_repo.update_deadline(
                    tx, int(id_text), actor=actor, date=parse_date_text(value, today))
            elif action == "nhac":
                changed = await deadline_repo.update_deadline(
                    tx, int(id_text), actor=actor, offsets=parse_offsets(value))
            else:
                changed = await deadline_repo.update_deadline(tx, int(id_text), actor=actor,
                                                              active=action == "bat")
        await reply(update, _("Deadline #{id} updated.").format(id=id_text) if changed
                    else _("There is no deadline #{id}. Type /hanchot to see the list.")
                    .format(id=id_text))
    except DomainError as exc:
        await reply(update, esc(_(exc.message).format(**exc.params)))


def register(application: BotApplication) -> None:
    services = application.bot_data.services
    assert services is not None


    services.outbox.register("reminder", partial(render_reminder, services))
    private = filters.ChatType.PRIVATE
    application.add_handlers([
        CommandHandler("nhacnho", reminders_setting, filters=private),
        CommandHandler("hanchot", deadlines_command, filters=private),
        CallbackQueryHandler(reminders_toggled, pattern=RemindersPress.pattern),
    ])

