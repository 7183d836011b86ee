"""/thongbao: write an announcement, choose its audience with buttons, preview, send.

Every button press reloads the draft and re-checks that the presser wrote it and that the
audience stays within their scope, so forged or replayed callback data change nothing.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import replace
from functools import partial
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest, TelegramError
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    filters,
)

from bot.callback_data import Range, parse_int
from bot.context import BotApplication, BotContext, Services
from bot.domain.audience import ROLE_GROUPS, FilterCounts, sender_scope
from bot.domain.deadlines import may_send_at
from bot.domain.errors import DomainError
from bot.domain.people import Level, UnitKind
from bot.i18n import N_, Translator, translator
from bot.sending import Account, OutboxRow, Rendered
from bot.services import broadcasts as service
from bot.services.broadcasts import Broadcast
from handlers.account import ROLE_NAMES
from handlers.buttons import BroadcastOp, BroadcastPress, button
from handlers.common import (
    esc,
    guard,
    reply,
    tr,
    visitor_of,
)
from handlers.flows import Flow
from handlers.tasks import task_name

log = logging.getLogger(__name__)
ROLE_GROUP_NAMES = {"gv": N_("Teachers"), "cbql": N_("Managers"), "phong": N_("Phòng staff")}


async def _sender(update: Update, context: BotContext) -> service.Sender:
    visitor = await visitor_of(update, context)
    scope = sender_scope(visitor.profile, is_admin=visitor.is_admin)
    return service.Sender(f"tg:{visitor.telegram_user_id}",
                          visitor.person.id if visitor.person else None, scope, visitor.is_admin)


@guard("broadcast")
async def start(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    await _sender(update, context)  # refuses those who may not announce
    await ANNOUNCEMENT.ask(update, context, "content")
    await reply(update, _("Send the announcement now: a text (formatting is kept), or a PDF or "
                          "photo with the text as its caption. /huy to cancel."))


ANNOUNCEMENT = Flow("broadcast", timeout=N_(
    "⌛ Ten minutes passed without the announcement, so I stopped waiting for it. Nothing was "
    "sent; type /thongbao to start again."))


@ANNOUNCEMENT.step("content", files=True)
async def content_received(update: Update, context: BotContext, data: dict[str, Any]) -> None:
    """The announcement /thongbao asked for: a text, or a PDF or photo with its caption."""
    message = update.effective_message
    assert message is not None
    _ = await tr(update, context)
    attachment, size = None, None
    if message.document:
        attachment = ("document", message.document.file_id,
                      message.document.file_name or "tep")
        size = message.document.file_size
    elif message.photo:
        attachment = ("photo", message.photo[-1].file_id, "anh.jpg")
        size = message.photo[-1].file_size
    text = (message.caption_html if attachment else message.text_html) or ""
    try:
        sender = await _sender(update, context)
        draft_id = await service.start_draft(context.services.db, sender, text, attachment,
                                             size)
    except DomainError as exc:
        await reply(update, _(exc.message).format(**exc.params) + "\n"
                    + _("Type /thongbao to start again."))
        return
    await _show_audience(update, context, draft_id, sender)


def _mark(on: bool, label: str) -> str:
    return ("✅ " if on else "") + label


async def _summary(services: Services, broadcast: Broadcast, _: Translator) -> str:
    a = broadcast.audience
    summary = await service.audience_summary(services.db, a, broadcast)
    parts = [esc(summary.unit_name) if summary.unit_name else _("the whole province")]
    if a.levels:
        parts.append(", ".join(sorted(lv.value for lv in a.levels)))
    groups = [_(ROLE_GROUP_NAMES[g]) for g, roles in ROLE_GROUPS.items()
              if set(roles) <= a.roles]
    if groups:
        parts.append(", ".join(groups))
    if a.core_only:
        parts.append(_("cốt cán only"))
    campaign = await services.campaign()
    missing = campaign.task(a.missing) if a.missing else None
    if missing is not None:
        parts.append(_("still missing: {task}").format(task=task_name(missing, _)))
    total, reachable = summary.total, summary.reachable
    return "\n".join([
        _("<b>Audience</b>: {what}").format(what=" · ".join(parts)),
        _("{n} people will receive it ({m} in the audience do not use the assistant yet).")
        .format(n=reachable, m=total - reachable)])


def _audience_keyboard(broadcast: Broadcast, counts: FilterCounts, _: Translator, *,
                       unit_choice: bool) -> InlineKeyboardMarkup:
    """Only the filters that select somebody in the sender's scope, each with its count."""
    a = broadcast.audience

    def b(text: str, op: BroadcastOp, arg: object = "") -> InlineKeyboardButton:
        return button(text, BroadcastPress(broadcast.id, op, str(arg)))

    rows = []
    if counts.level_choice:
        rows.append([b(_mark(lv in a.levels, f"{lv.value} ({n})"), "lv", lv)
                     for lv, n in counts.levels.items()])
    rows.append([b(_mark(set(ROLE_GROUPS[g]) <= a.roles, f"{_(ROLE_GROUP_NAMES[g])} ({n})"),
                   "ro", g) for g, n in counts.role_groups.items()]
                + ([b(_mark(a.core_only, _("Cốt cán") + f" ({counts.core})"), "core")]
                   if counts.core else []))
    rows.append([b(_("Still missing a task…"), "miss")]
                + ([b(_("Unit…"), "unit")] if unit_choice else []))
    rows.append([b(_("👁 Preview"), "prev"), b(_("📤 Send"), "send"),
                 b(_("✖ Cancel"), "cancel")])
    return InlineKeyboardMarkup([row for row in rows if row])


async def _show_audience(update: Update, context: BotContext, draft_id: int,
                         sender: service.Sender, *, edit: Message | None = None) -> None:
    _ = await tr(update, context)
    broadcast = await service.own_draft(context.services.db, draft_id, sender)
    text = _("Announcement #{id} is ready. Choose who receives it:").format(id=draft_id) + \
        "\n" + await _summary(context.services, broadcast, _)
    counts = await service.filter_counts(context.services.db, broadcast.audience.unit_id)
    markup = _audience_keyboard(broadcast, counts, _, unit_choice=sender.scope.kind is not
                                UnitKind.SCHOOL)
    if edit is not None:
        try:
            await edit.edit_text(text, parse_mode="HTML", reply_markup=markup)
            return
        except BadRequest:  # not modified, or too old to edit
            pass
    await reply(update, text, reply_markup=markup)


@guard("broadcast")
async def pressed(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    _ = await tr(update, context)
    press = BroadcastPress.unpack(query.data)
    draft_id, op, arg = press.draft_id, press.op, press.arg
    services = context.services
    sender = await _sender(update, context)
    broadcast = await service.own_draft(services.db, draft_id, sender)
    audience = broadcast.audience
    if op == "lv" and arg in Level.__members__.values():
        audience = audience.toggled(level=Level(arg))
    elif op == "ro" and arg in ROLE_GROUPS:
        roles = set(ROLE_GROUPS[arg])
        new_roles = audience.roles - roles if roles <= audience.roles else audience.roles | roles
        audience = replace(audience, roles=frozenset(new_roles))
    elif op == "core":
        audience = replace(audience, core_only=not audience.core_only)
    elif op == "ms":
        task = (await services.campaign()).task(arg)
        audience = replace(audience, missing=task.code if task else None)
    elif op == "un":
        audience = replace(audience, unit_id=parse_int(arg, Range(1)))
    elif op == "miss":
        campaign = await services.campaign()
        keyboard = [[button(t.name(_.language), BroadcastPress(draft_id, "ms", t.code))]
                    for t in campaign.tasks]
        keyboard.append([button(_("No filter"), BroadcastPress(draft_id, "ms", "-"))])
        await reply(update, _("Only people who still miss:"),
                    reply_markup=InlineKeyboardMarkup(keyboard))
        return
    elif op == "unit":
        await _unit_menu(update, context, draft_id, sender)
        return
    elif op == "prev":
        await _preview(update, context, broadcast)
        return
    elif op == "send":
        await _send(update, context, broadcast, sender, arg)
        return
    elif op == "cancel":
        await service.cancel(services.db, draft_id, sender)
        await reply(update, _("Cancelled. Nothing was sent."))
        return
    else:
        await reply(update, _("This button is not valid for you."))
        return
    await service.choose_audience(services.db, draft_id, sender, audience)
    await _show_audience(update, context, draft_id, sender,
                         edit=query.message if isinstance(query.message, Message) else None)


async def _unit_menu(update: Update, context: BotContext, draft_id: int,
                     sender: service.Sender) -> None:
    _ = await tr(update, context)
    units = await service.units_to_choose(context.services.db, sender.scope)
    everyone = (_("The whole province") if sender.scope.kind is UnitKind.SO
                else _("All my schools"))
    keyboard = [[button(everyone, BroadcastPress(draft_id, "un", "all"))]]
    keyboard += [[button(u.name[:60], BroadcastPress(draft_id, "un", str(u.id)))]
                 for u in units[:40]]
    await reply(update, _("Send to:"), reply_markup=InlineKeyboardMarkup(keyboard))


async def _preview(update: Update, context: BotContext, broadcast: Broadcast) -> None:
    _ = await tr(update, context)
    chat = update.effective_chat
    assert chat is not None
    services = context.services
    rendered = announcement(broadcast, await service.sender_header(
        services.db, broadcast, services.settings.so_name), _)
    await reply(update, _("Preview — this is what they will see:"))
    try:
        if broadcast.attachment_kind == "document" and broadcast.attachment_id:
            await chat.send_document(broadcast.attachment_id, caption=rendered.text,
                                     parse_mode="HTML")
        elif broadcast.attachment_kind == "photo" and broadcast.attachment_id:
            await chat.send_photo(broadcast.attachment_id, caption=rendered.text,
                                  parse_mode="HTML")
        else:
            await reply(update, rendered.text)
    except BadRequest as exc:
        await reply(update, _("Telegram refused this text ({error}). Please check its "
                              "formatting and send it again with /thongbao.")
                    .format(error=esc(exc.message[:100])))


async def _send(update: Update, context: BotContext, broadcast: Broadcast,
                sender: service.Sender, when: str) -> None:
    """Queue the announcement. At night the Sở is asked first whether it is urgent."""
    _ = await tr(update, context)
    services = context.services
    quiet = not may_send_at(services.local_now().time())
    if quiet and sender.scope.kind is UnitKind.SO and when not in ("later", "now"):
        await reply(update, _("Nothing is sent between 21:00 and 07:00, so announcement #{id} "
                              "would go out at 07:00. Is it urgent enough to wake people "
                              "now?").format(id=broadcast.id),
                    reply_markup=InlineKeyboardMarkup([
                        [button(_("🕖 Send at 07:00"),
                                BroadcastPress(broadcast.id, "send", "later"))],
                        [button(_("🚨 Urgent: send now"),
                                BroadcastPress(broadcast.id, "send", "now"))]]))
        return
    urgent = when == "now"
    n = await service.queue(services.db, broadcast.id, sender, urgent=urgent)
    if quiet and not urgent:
        text = progress_line(broadcast.id, n, service.Progress(0, 0, 0, n, held=n), _,
                             quiet=True)
    else:
        text = _("📤 Announcement #{id}: sending to {n} people…").format(id=broadcast.id, n=n)
    message = await reply(update, text)
    if message is not None:
        await service.set_progress_message(services.db, broadcast.id, message.chat_id,
                                           message.message_id)
    services.outbox.wake()


def progress_line(broadcast_id: int, recipients: int, state: service.Progress, _: Translator, *,
                  quiet: bool) -> str:
    """The progress message; at night it keeps saying when the held messages go out."""
    if quiet and state.held:
        return _("📤 Announcement #{id}: will be sent at 07:00 to {n} people (nothing is sent "
                 "between 21:00 and 07:00).").format(id=broadcast_id, n=state.held)
    return _("📤 Announcement #{id}: {sent}/{n} delivered · {failed} failed · "
             "{blocked} blocked the bot or unlinked").format(
        id=broadcast_id, sent=state.sent, n=recipients, failed=state.failed,
        blocked=state.blocked)


def sender_line(header: service.SenderHeader, _: Translator) -> str:
    role = _(ROLE_NAMES[header.role]) if header.role else _("Administrator")
    return _("📢 From {unit} · {role}").format(unit=f"<b>{esc(header.unit[:100])}</b>",
                                              role=role)


def announcement(broadcast: Broadcast, header: service.SenderHeader,
                 _: Translator) -> Rendered:
    """What a recipient gets: the sender's unit and role, then the text as written."""
    text = sender_line(header, _) + "\n\n" + broadcast.text
    if broadcast.attachment_kind == "document" and broadcast.attachment_id:
        return Rendered(text, document=(broadcast.attachment_name or "tep",
                                        broadcast.attachment_id))
    if broadcast.attachment_kind == "photo" and broadcast.attachment_id:
        return Rendered(text, photo=broadcast.attachment_id)
    return Rendered(text)


async def render_broadcast(services: Services, row: OutboxRow,
                           account: Account) -> Rendered | None:
    """One recipient's copy, if its author may still send it (checked for every message)."""
    broadcast = await service.broadcast_by_id(services.db, int(row.payload["broadcast_id"]))
    if broadcast is None or broadcast.status == "cancelled":
        return None
    if not await service.may_still_send(services.db, broadcast, services.settings.admin_ids):
        stopped = await service.stop(services.db, broadcast)
        if stopped is not None:
            await _tell_author_stopped(services, broadcast, stopped)
        return None
    header = await service.sender_header(services.db, broadcast, services.settings.so_name)
    return announcement(broadcast, header, translator(account.language))


async def _tell_author_stopped(services: Services, broadcast: Broadcast,
                               state: service.Progress) -> None:
    bot = services.outbox.bot
    if bot is None or broadcast.progress_chat is None:
        return
    _ = translator(await service.author_language(services.db, broadcast))
    with contextlib.suppress(TelegramError):
        await bot.send_message(broadcast.progress_chat, _(
            "Announcement #{id} was stopped after {sent} of {n} deliveries: your role or unit "
            "has changed since it was queued, and its audience is now outside what you may "
            "reach. Nobody else will receive it; if it is still needed, please ask whoever now "
            "holds the role to send it.").format(id=broadcast.id, sent=state.sent,
                                                  n=broadcast.recipients))


async def refresh_progress(services: Services) -> None:
    """After each drain: update each running broadcast's progress message; close finished ones."""
    bot = services.outbox.bot
    for broadcast in await service.in_progress(services.db):
        state = await service.progress(services.db, broadcast.id)
        _ = translator(await service.author_language(services.db, broadcast))
        line = progress_line(broadcast.id, broadcast.recipients, state, _,
                             quiet=not may_send_at(services.local_now().time()))
        if bot is not None and broadcast.progress_chat and broadcast.progress_msg:
            with contextlib.suppress(TelegramError):  # unchanged, or deleted by the sender
                await bot.edit_message_text(line, broadcast.progress_chat,
                                            broadcast.progress_msg)
        if state.finished:
            await service.finish(services.db, broadcast, state)
            if bot is not None and broadcast.progress_chat:
                try:
                    await bot.send_message(broadcast.progress_chat, _(
                        "✅ Announcement #{id} finished: {sent} delivered, {failed} failed, "
                        "{blocked} blocked the bot or unlinked.").format(
                        id=broadcast.id, sent=state.sent, failed=state.failed,
                        blocked=state.blocked))
                except TelegramError as exc:
                    log.info("final broadcast report not delivered: %s", type(exc).__name__)


def register(application: BotApplication) -> None:
    services = application.bot_data.services
    assert services is not None


    render = partial(render_broadcast, services)
    services.outbox.register(service.KIND, render)
    services.outbox.register(service.URGENT_KIND, render)
    services.outbox.after_drain.append(partial(refresh_progress, services))
    private = filters.ChatType.PRIVATE
    application.add_handlers([
        CommandHandler("thongbao", start, filters=private),
        CallbackQueryHandler(pressed, pattern=BroadcastPress.pattern),
    ])
