"""Deadline reminders as people read them, /nhacnho (mute the optional ones), /hanchot."""

from __future__ import annotations

import datetime as dt
from functools import partial

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot.callback_data import Range, parse_int
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
from bot.i18n import N_, Translator, translator
from bot.sending import Account, OutboxRow, Rendered
from bot.services import accounts
from bot.services import deadlines as deadline_service
from bot.services.reminders import ReminderKind, reminder_content
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
    if row.person_id is None:
        return None
    campaign = await services.campaign()
    content = await reminder_content(
        services.db, campaign, services.rules_for(campaign), row.person_id,
        int(row.payload["deadline_id"]), str(row.payload["occurrence"]),
        ReminderKind(row.payload["kind"]))
    if content is None:
        return None
    _ = translator(account.language)
    today = services.local_now().date()
    lines = [_("⏰ <b>Reminder: {title}</b>").format(title=esc(content.deadline.title)),
             when_text(content.date, today, _)]
    buttons: list[list[InlineKeyboardButton]] = []
    if content.kind is ReminderKind.OWN:
        states = content.states or {}
        lines.append(_("You still need to finish:"))
        lines += [item_line(t, states.get(t), _) for t in content.missing]
        lines.append(_("Done already? Press the item to update it."))
        row_buttons = [button(f"✏️ {t.header}", ItemPress(t.code)) for t in content.missing]
        buttons = [row_buttons[i:i + 3] for i in range(0, len(row_buttons), 3)]
    elif content.kind is ReminderKind.APPROVER:
        lines.append(_("{n} item(s) approved by the GVSP/GVQLGD wait for your approval on "
                       "LMS.").format(n=content.pending))
        buttons = [[button(_("📋 See what waits for me"), GoPress("choduyet"))]]
    else:
        counts = content.open_counts or {}
        lines.append(_("{unit}: {n} people still miss a task of this deadline.").format(
            unit=esc(content.unit_name), n=sum(counts.values())))
        if content.kind is ReminderKind.SCHOOL:
            buttons = [[button(_("📋 See who"), GoPress("truong"))]]
        else:
            worst = sorted(counts.items(), key=lambda kv: -kv[1])[:8]
            lines += [f"• {esc(name)}: {n}" for name, n in worst]
    buttons.append([button(_("📖 Steps and dates"), EntryPress(DEADLINE_ENTRY))])
    if row.payload["offset"] > MANDATORY_MAX_OFFSET:
        lines.append(_("Type /nhacnho to turn off the early reminders."))
    return Rendered("\n".join(lines), InlineKeyboardMarkup(buttons))


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
    await accounts.set_reminders_muted(context.services.db, query.from_user.id, muted)
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
            deadlines = await deadline_service.all_deadlines(services.db)
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
            new_id = await deadline_service.add_deadline(services.db, draft, actor=actor)
            await reply(update, _("Deadline #{id} added.").format(id=new_id))
            return
        id_text, _sep, value = rest.partition(" ")
        deadline_id = parse_int(id_text, Range(1))
        if action not in ("ngay", "nhac", "tat", "bat") or deadline_id is None:
            await reply(update, usage)
            return
        db = services.db
        if action == "ngay":
            changed = await deadline_service.change_deadline(
                db, deadline_id, actor=actor, date=parse_date_text(value, today))
        elif action == "nhac":
            changed = await deadline_service.change_deadline(
                db, deadline_id, actor=actor, offsets=parse_offsets(value))
        else:
            changed = await deadline_service.change_deadline(db, deadline_id, actor=actor,
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

