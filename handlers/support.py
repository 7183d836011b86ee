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
from bot.i18n import N_, Translator, translator
from bot.sending import Account, OutboxRow, Rendered, send_html
from bot.services import handoff, notices
from bot.services import tickets as service
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


def asker_line(asker: service.Asker | None, _: Translator) -> str:
    """Role, level and school of the asker: never the name or phone number."""
    if asker is None:
        return _("a guest (not verified)")
    parts = [_(ROLE_NAMES[asker.role]) + (" " + _("core") if asker.is_core else "")]
    if asker.level:
        parts.append(asker.level.value)
    if asker.school:
        parts.append(esc(asker.school))
    return ", ".join(parts)


async def ticket_text(services: Services, ticket: service.Ticket, _: Translator) -> str:
    who = asker_line(await service.asker_of(services.db, ticket), _)
    return "\n".join([_("🎫 <b>Question #{id}</b> from {who}").format(id=ticket.id, who=who),
                      "", esc(ticket.question)])


async def post_to_group(context: BotContext, ticket: service.Ticket, chat_id: int) -> bool:
    """Post the ticket in the support group; False when Telegram refused it."""
    services = context.services
    _ = translator("vi")
    text = await ticket_text(services, ticket, _) + "\n\n" + _(
        "Reply to this message to answer; the answer goes to the asker.")
    parent = await service.ticket_by_id(services.db, ticket.parent_id) \
        if ticket.parent_id else None
    try:
        message = await send_html(
            context.bot, chat_id, text,
            reply_to_message_id=parent.group_msg if parent and parent.group_chat == chat_id
            else None)
    except TelegramError as exc:
        log.warning("ticket %s not posted: %s", ticket.id, type(exc).__name__)
        return False
    await handoff.record_group_post(services.db, ticket.id, chat_id, message.message_id)
    return True


RECEIVED = {
    handoff.Receivers.GROUP: N_("✅ Your question #{id} was passed to the support staff of "
                                "{unit}. They usually answer within 2 working days; the answer "
                                "will come here."),
    handoff.Receivers.UNIT_OFFICERS: N_("✅ Your question #{id} was passed to the officers of "
                                        "{unit}. They usually answer within 2 working days; the "
                                        "answer will come here."),
    handoff.Receivers.SO_OFFICERS: N_("✅ Your question #{id} was passed to the Sở officers, as "
                                      "{unit} has no officer on the assistant yet. They usually "
                                      "answer within 2 working days; the answer will come "
                                      "here."),
    handoff.Receivers.ADMINS: N_("✅ Your question #{id} was passed to the assistant's "
                                 "administrators at the Sở. They usually answer within 2 "
                                 "working days; the answer will come here."),
}


async def _open(update: Update, context: BotContext, question: str,
                parent_id: int | None = None) -> None:
    _ = await tr(update, context)
    visitor = await visitor_of(update, context)
    services = context.services
    admins = services.settings.admin_ids
    passed = await handoff.open_ticket(services.db, asker_tg=visitor.telegram_user_id,
                                       profile=visitor.profile, question=question,
                                       now=services.clock(), admin_ids=admins,
                                       parent_id=parent_id)
    if passed.group_chat is not None and not await post_to_group(context, passed.ticket,
                                                                  passed.group_chat):
        passed = await handoff.hand_to_officers(services.db, passed.ticket, admins) or passed
    services.outbox.wake()
    await reply(update, _(RECEIVED[passed.receivers]).format(id=passed.ticket.id,
                                                             unit=esc(passed.unit_name)))


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
    ticket = await service.ticket_replied_to(context.services.db, message.chat_id,
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
    services.outbox.wake()  # the answer was queued with it
    await reply(update, _("✅ Answer to question #{id} sent to the asker.").format(id=ticket.id)
                + "\n" + _("A good answer for everyone? /themfaq {id}").format(id=ticket.id),
                reply_to_message_id=update.effective_message.message_id
                if update.effective_message else None)


def answer_message(ticket: service.Ticket, _: Translator) -> Rendered:
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


async def render_ticket_answer(services: Services, row: OutboxRow,
                               account: Account) -> Rendered | None:
    ticket = await service.ticket_by_id(services.db, int(row.payload["ticket_id"]))
    if ticket is None or ticket.answer is None:
        return None
    return answer_message(ticket, translator(account.language))


async def render_new_ticket(services: Services, row: OutboxRow,
                            account: Account) -> Rendered | None:
    """A question for an officer in private (no support group): the question and a button
    to answer it here; nothing when it was answered meanwhile."""
    ticket = await service.ticket_by_id(services.db, int(row.payload["ticket_id"]))
    if ticket is None or ticket.status != "open":
        return None
    _ = translator(account.language)
    return Rendered(await ticket_text(services, ticket, _), InlineKeyboardMarkup([[
        button(_("Answer #{id}").format(id=ticket.id), PickTicketPress(ticket.id))]]))


NUDGE = N_("⏰ Question #{id} has waited 2 working days for an answer. Please reply to it.")


async def render_nudge(services: Services, row: OutboxRow, account: Account) -> Rendered | None:
    """The nudge about a question still open: in the group, as a reply to the question; to
    an officer, with the question and its button."""
    ticket = await service.ticket_by_id(services.db, int(row.payload["ticket_id"]))
    if ticket is None or ticket.status != "open":
        return None
    _ = translator(account.language)
    if row.chat_id is not None and row.chat_id == ticket.group_chat:
        return Rendered(_(NUDGE).format(id=ticket.id), reply_to=ticket.group_msg)
    return Rendered(_(NUDGE).format(id=ticket.id) + "\n\n" + await ticket_text(
        services, ticket, _), InlineKeyboardMarkup([[
            button(_("Answer #{id}").format(id=ticket.id), PickTicketPress(ticket.id))]]))


async def render_undelivered(services: Services, row: OutboxRow,
                             account: Account) -> Rendered | None:
    """To where the officer answered: the answer did not reach the asker, the question is open
    again (as a reply to it in the group)."""
    ticket = await service.ticket_by_id(services.db, int(row.payload["ticket_id"]))
    if ticket is None or ticket.status != "open":
        return None
    _ = translator(account.language)
    why = _("the asker has blocked the assistant") if row.payload.get("outcome") == "blocked" \
        else _("Telegram did not accept the message")
    return Rendered(_("⚠️ The answer to question #{id} did not reach the asker: {why}. The "
                      "question is open again; please answer it again (see /cauhoi).")
                    .format(id=ticket.id, why=why),
                    reply_to=ticket.group_msg if row.chat_id == ticket.group_chat else None)


@guard("ask_staff")
async def rate_pressed(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None and query.from_user is not None
    _ = await tr(update, context)
    press = RatePress.unpack(query.data)
    rating = int(press.rating)
    rated = await service.rate(context.services.db, press.ticket_id, query.from_user.id,
                               rating)
    await reply(update, _("Thank you for your feedback!") if rated
                else _("This button is not valid for you."))


@guard("ask_staff")
async def follow_up_pressed(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None and query.from_user is not None
    _ = await tr(update, context)
    ticket_id = FollowUpPress.unpack(query.data).ticket_id
    ticket = await service.ticket_by_id(context.services.db, ticket_id)
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
    ticket = await service.ticket_by_id(context.services.db, ticket_id)
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
    zone = context.services.settings.timezone  # stored in UTC, shown as the asker's day
    lines += [f"#{t.id} · {t.created_at.astimezone(zone):%d/%m} · {esc(t.question[:80])}"
              for t in tickets[:20]]
    buttons = [[button(_("Answer #{id}").format(id=t.id), PickTicketPress(t.id))]
               for t in tickets[:20]]
    await reply(update, "\n".join(lines), reply_markup=InlineKeyboardMarkup(buttons))


@guard("support_group")
async def register_group(update: Update, context: BotContext) -> None:
    """/nhomhotro in a group: this group receives the questions of my unit (Sở or Phòng)."""
    _ = await tr(update, context)
    visitor = await visitor_of(update, context)
    chat = update.effective_chat
    assert chat is not None
    unit = await service.register_group(context.services.db, visitor.profile, chat.id,
                                        f"tg:{visitor.telegram_user_id}")
    await reply(update, _("This group now receives the questions for {unit}. Reply to a "
                          "question to answer it.").format(unit=esc(unit)))


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
    drafts = await service.pending_drafts(context.services.db)
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


def register(application: BotApplication) -> None:
    services = application.bot_data.services
    assert services is not None


    services.outbox.register(notices.TICKET_ANSWER, partial(render_ticket_answer, services),
                             settle=service.settle_answer)
    services.outbox.register(notices.TICKET_UNDELIVERED, partial(render_undelivered, services))
    services.outbox.register(notices.TICKET_NEW, partial(render_new_ticket, services))
    services.outbox.register(notices.TICKET_NUDGE, partial(render_nudge, services))
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

