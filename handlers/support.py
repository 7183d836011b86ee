"""Hand-off to a person: tickets in the support group, answers back, ratings, FAQ drafts."""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.callback_data import number_argument
from bot.context import BotApplication, BotContext, Services
from bot.domain.people import Profile, Role
from bot.domain.tickets import reminder_due
from bot.i18n import N_, Translator, translator
from bot.sending import Rendered, send_html
from bot.services import tickets as service
from bot.storage import tickets as repo
from bot.storage.accounts import Account
from bot.storage.database import audit
from bot.storage.erasure import is_pseudonym_number
from bot.storage.outbox import OutboxRow, Queued, enqueue
from bot.storage.people import person_by_id, profile_of, unit_by_id
from bot.storage.tickets import Ticket
from handlers.account import ROLE_NAMES
from handlers.buttons import (
    AskStaffPress,
    FaqDecisionPress,
    FollowUpPress,
    PickTicketPress,
    RatePress,
    button,
)
from handlers.common import (
    chat_memory,
    esc,
    guard,
    incoming_text,
    reply,
    tr,
    visitor_of,
)
from handlers.flows import Flow

log = logging.getLogger(__name__)
LAST_QUESTION = "last_question"


def ask_staff_button(_: Translator) -> InlineKeyboardButton:
    return button(_("🙋 Ask a support officer"), AskStaffPress())


async def _asker_line(services: Services, ticket: Ticket, _: Translator) -> str:
    """Role, level and school of the asker: never the name or phone number."""
    if ticket.asker_person_id is None:
        return _("a guest (not verified)")
    person = await person_by_id(services.db.reader, ticket.asker_person_id)
    if person is None:
        return _("a guest (not verified)")
    profile = await profile_of(services.db.reader, person)
    parts = [_(ROLE_NAMES[person.role]) + (" " + _("core") if person.is_core else "")]
    if person.level:
        parts.append(person.level.value)
    if profile.school:
        parts.append(esc(profile.school.name))
    return ", ".join(parts)


async def post_to_group(context: BotContext, ticket: Ticket) -> bool:
    """Post the ticket in the support group of its unit, or the Sở's; False when none is set."""
    services = context.services
    chat_id = await repo.support_chat(services.db.reader, ticket.unit_id)
    if chat_id is None:
        chat_id = await repo.support_chat(services.db.reader, await service.so_unit_id(
            services.db))
    if chat_id is None:
        return False
    _ = translator("vi")
    text = "\n".join([
        _("🎫 <b>Question #{id}</b> from {who}").format(id=ticket.id,
                                                         who=await _asker_line(services,
                                                                                ticket, _)),
        "", esc(ticket.question), "",
        _("Reply to this message to answer; the answer goes to the asker.")])
    parent = await repo.ticket_by_id(services.db.reader, ticket.parent_id) \
        if ticket.parent_id else None
    try:
        message = await context.bot.send_message(
            chat_id, text, parse_mode="HTML",
            reply_to_message_id=parent.group_msg if parent and parent.group_chat == chat_id
            else None)
    except TelegramError as exc:
        log.warning("ticket %s not posted: %s", ticket.id, type(exc).__name__)
        return False
    async with services.db.transaction() as tx:
        await repo.set_group_message(tx, ticket.id, chat_id, message.message_id)
    return True


async def _open(update: Update, context: BotContext, question: str,
                parent_id: int | None = None) -> None:
    _ = await tr(update, context)
    visitor = await visitor_of(update, context)
    services = context.services
    ticket = await service.open_ticket(services.db, asker_tg=visitor.telegram_user_id,
                                       profile=visitor.profile, question=question,
                                       now=services.clock(), parent_id=parent_id)
    unit = await unit_by_id(services.db.reader, ticket.unit_id)
    await post_to_group(context, ticket)
    await reply(update, _("✅ Your question #{id} was passed to the support staff of {unit}. "
                          "They usually answer within 2 working days; the answer will come "
                          "here.").format(id=ticket.id, unit=esc(unit.name if unit else "")))


@guard("ask_staff")
async def ask_pressed(update: Update, context: BotContext) -> None:
    question = chat_memory(context).pop(LAST_QUESTION, None)
    if not question:
        _ = await tr(update, context)
        await reply(update, _("Please type your question again, then press the button."))
        return
    await _open(update, context, question)


async def group_reply(update: Update, context: BotContext) -> None:
    """A reply in a support group to a ticket message is the answer; anything else is ignored.

    Who may answer is checked by the service (Phòng staff of that unit, Sở staff, admins)."""
    message = update.effective_message
    assert message is not None and message.reply_to_message is not None
    services = context.services
    ticket = await repo.ticket_by_group_message(services.db.reader, message.chat_id,
                                                message.reply_to_message.message_id)
    if ticket is None:
        return
    await _answer(update, context, ticket.id, message.text_html or "")


async def _answer(update: Update, context: BotContext, ticket_id: int, text: str) -> None:
    _ = await tr(update, context)
    visitor = await visitor_of(update, context)
    services = context.services
    ticket = await service.answer_ticket(services.db, ticket_id, staff=visitor.profile,
                                         is_admin=visitor.is_admin, text=text,
                                         by=f"tg:{visitor.telegram_user_id}")
    if ticket.asker_person_id is not None:
        async with services.db.transaction() as tx:
            await enqueue(tx, [Queued("ticket", f"ticket:{ticket.id}", ticket.asker_person_id,
                                      {"ticket_id": ticket.id}, priority=1)])
        services.outbox.wake()
    else:  # a guest is in no roster, so the outbox cannot address them: send directly
        await _deliver_to_guest(context, ticket)
    await reply(update, _("✅ Answer to question #{id} sent to the asker.").format(id=ticket.id)
                + "\n" + _("A good answer for everyone? /themfaq {id}").format(id=ticket.id),
                reply_to_message_id=update.effective_message.message_id
                if update.effective_message else None)


def answer_message(ticket: Ticket, _: Translator) -> Rendered:
    text = "\n".join([
        _("💬 <b>Answer to your question #{id}</b>").format(id=ticket.id),
        f"<i>{esc(ticket.question[:300])}</i>", "", ticket.answer or "",
        "", _("Was this helpful?")])
    buttons = InlineKeyboardMarkup([[
        button("👍", RatePress(ticket.id, "1")),
        button("👎", RatePress(ticket.id, "-1")),
        button(_("❓ Ask a follow-up"), FollowUpPress(ticket.id)),
    ]])
    return Rendered(text, buttons)


async def _deliver_to_guest(context: BotContext, ticket: Ticket) -> None:
    if is_pseudonym_number(ticket.asker_tg):  # the asker erased their account meanwhile
        return
    rendered = answer_message(ticket, translator(None))
    try:
        await send_html(context.bot, ticket.asker_tg, rendered.text,
                        reply_markup=rendered.reply_markup)
    except TelegramError as exc:
        log.info("answer to a guest not delivered: %s", type(exc).__name__)


async def render_ticket_answer(services: Services, row: OutboxRow,
                               account: Account) -> Rendered | None:
    ticket = await repo.ticket_by_id(services.db.reader, int(row.payload["ticket_id"]))
    if ticket is None or ticket.answer is None:
        return None
    return answer_message(ticket, translator(account.language))


@guard("ask_staff")
async def rate_pressed(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None and query.from_user is not None
    _ = await tr(update, context)
    press = RatePress.unpack(query.data)
    rating = int(press.rating)
    services = context.services
    async with services.db.transaction() as tx:
        rated = await repo.rate(tx, press.ticket_id, query.from_user.id, rating)
        if rated:
            await audit(tx, actor=f"tg:{query.from_user.id}", action="ticket.rate",
                        subject=f"ticket:{press.ticket_id}", rating=rating)
    await reply(update, _("Thank you for your feedback!") if rated
                else _("This button is not valid for you."))


@guard("ask_staff")
async def follow_up_pressed(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None and query.from_user is not None
    _ = await tr(update, context)
    ticket_id = FollowUpPress.unpack(query.data).ticket_id
    ticket = await repo.ticket_by_id(context.services.db.reader, ticket_id)
    if ticket is None or ticket.asker_tg != query.from_user.id:
        await reply(update, _("This button is not valid for you."))
        return
    await FOLLOW_UP.ask(update, context, "question", ticket_id=ticket_id)
    await reply(update, _("Type your follow-up question about #{id} in one message "
                          "(/huy to cancel).").format(id=ticket_id))


@guard("ask_staff")
async def pick_pressed(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    _ = await tr(update, context)
    ticket_id = PickTicketPress.unpack(query.data).ticket_id
    visitor = await visitor_of(update, context)
    ticket = await repo.ticket_by_id(context.services.db.reader, ticket_id)
    if ticket is None or not service.may_answer(visitor.profile, visitor.is_admin, ticket):
        await reply(update, _("This button is not valid for you."))
        return
    await ANSWER.ask(update, context, "answer", ticket_id=ticket_id)
    await reply(update, _("<b>Question #{id}</b>: {q}\n\nType the answer in one message "
                          "(/huy to cancel).").format(id=ticket_id, q=esc(ticket.question)))


FOLLOW_UP = Flow("ticket_follow_up", timeout=N_(
    "⌛ Ten minutes passed without your follow-up question, so I stopped waiting for it. "
    "Press “Ask a follow-up” again when you are ready."))
ANSWER = Flow("ticket_answer", timeout=N_(
    "⌛ Ten minutes passed without the answer, so I stopped waiting for it. The question is "
    "still open; type /cauhoi to answer it."))


@FOLLOW_UP.step("question")
async def follow_up_typed(update: Update, context: BotContext, data: dict[str, Any]) -> None:
    await _open(update, context, incoming_text(update).strip(), parent_id=int(data["ticket_id"]))


@ANSWER.step("answer")
async def answer_typed(update: Update, context: BotContext, data: dict[str, Any]) -> None:
    message = update.effective_message
    text = (message.text_html if message else None) or incoming_text(update).strip()
    await _answer(update, context, int(data["ticket_id"]), text)


@guard("answer_tickets")
async def open_list(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    visitor = await visitor_of(update, context)
    tickets = await service.tickets_for_staff(context.services.db, visitor.profile,
                                              visitor.is_admin)
    if not tickets:
        await reply(update, _("No open questions. 👍"))
        return
    lines = [_("<b>{n} open question(s)</b>, oldest first:").format(n=len(tickets))]
    lines += [f"#{t.id} · {t.created_at:%d/%m} · {esc(t.question[:80])}" for t in tickets[:20]]
    buttons = [[button(_("Answer #{id}").format(id=t.id), PickTicketPress(t.id))]
               for t in tickets[:20]]
    await reply(update, "\n".join(lines), reply_markup=InlineKeyboardMarkup(buttons))


@guard("support_group")
async def register_group(update: Update, context: BotContext) -> None:
    """/nhomhotro in a group: this group receives the questions of my unit (Sở or Phòng)."""
    _ = await tr(update, context)
    visitor = await visitor_of(update, context)
    services = context.services
    chat = update.effective_chat
    assert chat is not None
    unit_id = await _staff_unit(services, visitor.profile)
    async with services.db.transaction() as tx:
        await repo.set_support_group(tx, unit_id, chat.id, f"tg:{visitor.telegram_user_id}")
        await audit(tx, actor=f"tg:{visitor.telegram_user_id}", action="support_group.set",
                    subject=f"unit:{unit_id}")
    unit = await unit_by_id(services.db.reader, unit_id)
    await reply(update, _("This group now receives the questions for {unit}. Reply to a "
                          "question to answer it.").format(unit=esc(unit.name if unit else "")))


async def _staff_unit(services: Services, profile: Profile | None) -> int:
    if profile is not None and profile.person.role is Role.PHONG_STAFF:
        return profile.unit.id
    return await service.so_unit_id(services.db)


@guard("answer_tickets")
async def propose(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    visitor = await visitor_of(update, context)
    args = context.args or []
    if not args:
        await reply(update, _("Usage: /themfaq <question number>"))
        return
    draft_id = await service.propose_faq(context.services.db, number_argument(args[0]),
                                         staff=visitor.profile, is_admin=visitor.is_admin,
                                         by=f"tg:{visitor.telegram_user_id}")
    await reply(update, _("Draft #{id} proposed for the knowledge base; a Sở admin approves it "
                          "with /duyetfaq.").format(id=draft_id))


@guard("approve_faq")
async def pending_drafts(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    drafts = await repo.drafts(context.services.db.reader, "pending")
    if not drafts:
        await reply(update, _("No drafts wait for approval."))
        return
    for draft in drafts[:10]:
        # the answer is the officer's message as Telegram HTML: shown as it will be, not escaped
        await reply(update, f"<b>#{draft.id}</b> {esc(draft.question)}\n\n{draft.answer}",
                    reply_markup=InlineKeyboardMarkup([[
                        button(_("✅ Approve"), FaqDecisionPress(draft.id, True)),
                        button(_("✖ Reject"), FaqDecisionPress(draft.id, False)
                                             ),
                    ]]))


@guard("approve_faq")
async def draft_decided(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    _ = await tr(update, context)
    press = FaqDecisionPress.unpack(query.data)
    visitor = await visitor_of(update, context)
    services = context.services
    draft = await service.decide_faq(services.db, press.draft_id, approve=press.approve,
                                     staff=visitor.profile, is_admin=visitor.is_admin,
                                     by=f"tg:{visitor.telegram_user_id}")
    if draft.status == "approved":
        service.publish_faq(services.engine, services.topics,
                            await service.faq_entry(services.db, draft))
        await reply(update, _("Draft #{id} is live: the assistant answers with it from now on.")
                    .format(id=draft.id))
    else:
        await reply(update, _("Draft #{id} rejected.").format(id=draft.id))


async def remind_stale_tickets(services: Services) -> int:
    """Nudge the support group about questions left two working days without an answer."""
    bot = services.outbox.bot
    now = services.clock()
    nudged = 0
    for ticket in await repo.not_reminded_open(services.db.reader):
        if not reminder_due(ticket.created_at, now) or ticket.group_chat is None:
            continue
        _ = translator("vi")
        try:
            if bot is not None:
                await bot.send_message(ticket.group_chat, _(
                    "⏰ Question #{id} has waited 2 working days for an answer. Please reply to "
                    "it.").format(id=ticket.id), reply_to_message_id=ticket.group_msg)
        except TelegramError as exc:
            log.info("ticket reminder not delivered: %s", type(exc).__name__)
            continue
        async with services.db.transaction() as tx:
            await repo.mark_reminded(tx, ticket.id)
            await audit(tx, actor="scheduler", action="ticket.remind",
                        subject=f"ticket:{ticket.id}")
        nudged += 1
    return nudged


def register(application: BotApplication) -> None:
    services = application.bot_data.services
    assert services is not None


    services.outbox.register("ticket", partial(render_ticket_answer, services))
    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    application.add_handlers([
        CommandHandler("cauhoi", open_list, filters=private),
        CommandHandler("themfaq", propose),
        CommandHandler("duyetfaq", pending_drafts, filters=private),
        CommandHandler("nhomhotro", register_group, filters=groups),
        MessageHandler(groups & filters.REPLY & filters.TEXT & ~filters.COMMAND
                       & ~filters.UpdateType.EDITED, group_reply),
        CallbackQueryHandler(ask_pressed, pattern=AskStaffPress.pattern),
        CallbackQueryHandler(rate_pressed, pattern=RatePress.pattern),
        CallbackQueryHandler(follow_up_pressed, pattern=FollowUpPress.pattern),
        CallbackQueryHandler(pick_pressed, pattern=PickTicketPress.pattern),
        CallbackQueryHandler(draft_decided, pattern=FaqDecisionPress.pattern),
    ])

