"""Deadline reminders as people read them, /nhacnho (mute the optional ones), /hanchot."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot.callback_data import Range, parse_int
from bot.context import BotApplication, BotContext, Services
from bot.domain.deadlines import (
    AUDIENCE_NAMES,
    DEFAULT_OFFSETS,
    MANDATORY_MAX_OFFSET,
    Audience,
    Deadline,
    DeadlineDraft,
    deadline_facts,
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
from bot.textnorm import fold
from handlers.buttons import (
    DeadlineAudiencePress,
    EntryPress,
    GoPress,
    ItemPress,
    RemindersPress,
    button,
)
from handlers.common import esc, guard, incoming_text, reply, tr, visitor_of
from handlers.flows import Flow
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
    facts = deadline_facts(deadline, today, _)
    state = f" {facts.state}" if facts.state else ""
    return "\n".join([f"<b>#{deadline.id}</b> {esc(deadline.title)}{state}",
                      "   " + facts.next_date, "   " + facts.reminders])


HANCHOT_USAGE = N_(
    "/hanchot — list\n"
    "/hanchot them — add a deadline (I ask for it step by step)\n"
    "/hanchot ngay ID 28/2 — change the date\n"
    "/hanchot nhac ID 14,7,3,1,0 — reminder days\n"
    "/hanchot tat ID · /hanchot bat ID — off, on")
ACTIONS = ("them", "ngay", "nhac", "tat", "bat")  # typed with or without diacritics
DEADLINE = Flow("deadline", timeout=N_(
    "⌛ Ten minutes passed, so I stopped adding the deadline. Nothing was saved; type "
    "/hanchot them to start again."))


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
            deadlines = await deadline_service.all_deadlines(services.db,
                                                             await services.campaign())
            await reply(update, "\n\n".join([describe_deadline(d, today, _) for d in deadlines]
                                            + [usage]))
            return
        action = fold(args[0])
        rest = args[1] if len(args) > 1 else ""
        if action not in ACTIONS:
            await reply(update, esc(_("“{word}” is not something /hanchot does.").format(
                word=args[0][:30])) + "\n" + usage)
            return
        if action == "them" and not rest.strip():
            await DEADLINE.ask(update, context, "date")
            await reply(update, _("New deadline, step 1 of 3: what date? dd/mm for every year, "
                                  "or dd/mm/yyyy for one date. (/huy to cancel)"))
            return
        if action == "them":  # the one-line form of earlier versions still works
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
        if deadline_id is None:
            await reply(update, esc(_("“{id}” is not the number of a deadline (#N in the list)."
                                      ).format(id=id_text[:30])) + "\n" + usage)
            return
        db, campaign = services.db, await services.campaign()
        if action == "ngay":
            changed = await deadline_service.change_deadline(
                db, campaign, deadline_id, actor=actor, date=parse_date_text(value, today))
        elif action == "nhac":
            changed = await deadline_service.change_deadline(
                db, campaign, deadline_id, actor=actor, offsets=parse_offsets(value))
        else:
            changed = await deadline_service.change_deadline(
                db, campaign, deadline_id, actor=actor, active=action == "bat")
        await reply(update, _("Deadline #{id} updated.").format(id=id_text) if changed
                    else _("There is no deadline #{id}. Type /hanchot to see the list.")
                    .format(id=id_text))
    except DomainError as exc:
        await reply(update, esc(_(exc.message).format(**exc.params)))


@DEADLINE.step("date")
async def date_typed(update: Update, context: BotContext, data: dict[str, Any]) -> None:
    _ = await tr(update, context)
    try:
        day, month, year = parse_date_text(incoming_text(update).strip(),
                                           context.services.local_now().date())
    except DomainError as exc:
        await DEADLINE.ask(update, context, "date")
        await reply(update, esc(_(exc.message).format(**exc.params)) + "\n"
                    + _("Please type the date again, e.g. 15/4/2027, or /huy to cancel."))
        return
    await DEADLINE.ask(update, context, "title", day=day, month=month, year=year)
    await reply(update, _("Step 2 of 3: what is due? Reminders will name it this way."))


@DEADLINE.step("title")
async def title_typed(update: Update, context: BotContext, data: dict[str, Any]) -> None:
    _ = await tr(update, context)
    title = incoming_text(update).strip()[:120]
    if not title:
        await DEADLINE.ask(update, context, "title", **data)
        await reply(update, _("Please type what is due, or /huy to cancel."))
        return
    await DEADLINE.ask(update, context, "audience", **data, title=title)
    await reply(update, _("Step 3 of 3: who is reminded?"), reply_markup=InlineKeyboardMarkup(
        [[button(_(AUDIENCE_NAMES[Audience.STAFF]), DeadlineAudiencePress("staff"))],
         [button(_(AUDIENCE_NAMES[Audience.CORE]), DeadlineAudiencePress("core"))]]))


@DEADLINE.step("audience")
async def audience_typed(update: Update, context: BotContext, data: dict[str, Any]) -> None:
    _ = await tr(update, context)
    await DEADLINE.ask(update, context, "audience", **data)
    await reply(update, _("Please choose with the buttons above, or type /huy to cancel."))


@guard("deadlines")
async def audience_pressed(update: Update, context: BotContext) -> None:
    """The last step: the deadline is stored with the date and title typed before."""
    query, user = update.callback_query, update.effective_user
    assert query is not None and user is not None
    _ = await tr(update, context)
    services = context.services
    pending = services.inputs.of(user.id)
    if pending is None or pending.flow != DEADLINE.name or pending.step != "audience":
        await reply(update, _("This button is no longer valid. Type /hanchot them to start "
                              "again."))
        return
    await services.inputs.take(user.id)
    data = pending.data
    audience = Audience(DeadlineAudiencePress.unpack(query.data).audience)
    draft = DeadlineDraft(str(data["title"]), int(data["day"]), int(data["month"]),
                          int(data["year"]) if data.get("year") else None,
                          tasks_reminded(await services.campaign(), audience), audience,
                          DEFAULT_OFFSETS)
    try:
        new_id = await deadline_service.add_deadline(services.db, draft, actor=f"tg:{user.id}")
    except DomainError as exc:
        await reply(update, esc(_(exc.message).format(**exc.params)))
        return
    await reply(update, _("Deadline #{id} added: {title} — {who}. Reminders {offsets} days "
                          "before; /hanchot nhac {id} 7,1,0 changes them.").format(
        id=new_id, title=esc(draft.title), who=_(AUDIENCE_NAMES[audience]),
        offsets=",".join(map(str, draft.offsets))))


def register(application: BotApplication) -> None:
    services = application.bot_data.services
    assert services is not None


    services.outbox.register("reminder", partial(render_reminder, services))
    private = filters.ChatType.PRIVATE
    application.add_handlers([
        CommandHandler("nhacnho", reminders_setting, filters=private),
        CommandHandler("hanchot", deadlines_command, filters=private),
        CallbackQueryHandler(reminders_toggled, pattern=RemindersPress.pattern),
        CallbackQueryHandler(audience_pressed, pattern=DeadlineAudiencePress.pattern),
    ])

