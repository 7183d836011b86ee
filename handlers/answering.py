"""Any text that is not a command is a question: answer it, with buttons to go further."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ChatAction
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.context import BotApplication, BotContext
from bot.domain.small_talk import SmallTalk, small_talk_kind, typed_phone_number
from bot.i18n import N_, Translator
from bot.knowledge.engine import Answer
from bot.knowledge.entries import Entry
from bot.services.answering import (
    answer_question,
    entry_answer,
    most_frequent_unanswered,
    rendered,
)
from bot.services.topics import OTHER_PROVINCES, WHOLE_TOPIC, topic_entries, topic_menu
from handlers.account import contact_keyboard
from handlers.buttons import EntryPress, TopicPress, button
from handlers.common import (
    MAX_TEXT_CHARS,
    chat_memory,
    esc,
    guard,
    incoming_text,
    reply,
    tr,
    visitor_of,
)
from handlers.support import LAST_QUESTION, ask_staff_button

BUTTON_CHARS = 60
SMALL_TALK_OPENINGS = {
    SmallTalk.GREETING: N_("Hello! 👋"),
    SmallTalk.THANKS: N_("You are welcome! 😊"),
    SmallTalk.ACKNOWLEDGEMENT: N_("All right! 👍"),
}


def _title(entry: Entry) -> str:
    return entry.title if len(entry.title) <= BUTTON_CHARS else entry.title[:BUTTON_CHARS - 1] + "…"


async def _send_answer(update: Update, context: BotContext, answer: Answer,
                       question: str = "") -> None:
    """The answer, with buttons: related entries, or candidates and the hand-off to a person."""
    _ = await tr(update, context)
    rows = [[button(_title(e), EntryPress(e.id))]
            for e in answer.candidates[:3]]
    if answer.kind != "confident":
        rows.append([ask_staff_button(_)])
    settings = context.services.settings
    await reply(update, rendered(answer, _, settings.province, hotline=settings.hotline,
                                 question=question),
                reply_markup=InlineKeyboardMarkup(rows) if rows else None)


def what_i_can_do(_: Translator) -> str:
    return _("I can:\n"
             "• answer questions about the training: modules, deadlines, approvals, contacts;\n"
             "• show your tasks (/tiendo) and whether you may take modules 2, 3, 4 "
             "(/dieukien);\n"
             "• remind you before the deadlines.\n"
             "Type your question, e.g. \"hạn chót mô đun 1 là ngày nào?\", or /help for the "
             "commands.")


async def _small_talk(update: Update, context: BotContext, text: str) -> bool:
    """Answer greetings, thanks and typed phone numbers; True when the message was one.

    They are not questions: nothing is kept as unanswered and no hand-off is offered.
    """
    kind = small_talk_kind(text)
    phone = None if kind else typed_phone_number(text)
    if kind is None and phone is None:
        return False
    _ = await tr(update, context)
    if kind is not None:
        await reply(update, _(SMALL_TALK_OPENINGS[kind]) + "\n" + what_i_can_do(_))
        return True
    visitor = await visitor_of(update, context)
    if visitor.person is not None:
        await reply(update, _("You are already verified, there is no need to send your number. "
                              "Type /toi to see your profile, or type your question."))
        return True
    await reply(update, _("To verify you, I need your number shared with the button below: "
                          "Telegram then confirms it is really yours. A typed number cannot "
                          "be checked. Please press «{button}».").format(
        button=_("📱 Share my phone number")), reply_markup=contact_keyboard(_))
    return True


@guard("ask")
async def question(update: Update, context: BotContext) -> None:
    text = incoming_text(update).strip()
    if await _small_talk(update, context, text):
        return
    _ = await tr(update, context)
    if len(text) > MAX_TEXT_CHARS:
        await reply(update, _("Your message is too long for me ({n} characters). Please ask one "
                              "short question, e.g. \"hạn chót mô đun 1 là ngày nào?\"").format(
            n=len(text)))
        return
    chat = update.effective_chat
    if chat is not None:
        await chat.send_action(ChatAction.TYPING)
    services = context.services
    visitor = await visitor_of(update, context)
    answer = await answer_question(services.db, services.engine, text, person=visitor.person,
                                   province=services.settings.province,
                                   today=services.local_now().date(), language=_.language)
    if answer.kind != "confident":
        chat_memory(context)[LAST_QUESTION] = text  # for "ask a support officer"
    await _send_answer(update, context, answer, text)


@guard("ask")
async def entry_pressed(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    engine = context.services.engine
    entry = engine.entry(EntryPress.unpack(query.data).entry_id)
    if entry is None:  # an entry removed since the button was sent
        _ = await tr(update, context)
        await reply(update, _("This button is no longer valid. Type /hoidap to browse the "
                              "topics, or type your question."))
        return
    await _send_answer(update, context, entry_answer(engine, entry,
                                                     context.services.settings.province))


@guard("browse_topics")
async def topics(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    services = context.services
    shown, others = topic_menu(services.topics, services.engine.entries,
                               services.settings.province)
    keyboard = [[button(title, TopicPress(key))] for key, title in shown]
    if others:
        keyboard.append([button(_("🗺 Other provinces and cities"),
                                TopicPress(OTHER_PROVINCES))])
    await reply(update, _("Choose a topic:"), reply_markup=InlineKeyboardMarkup(keyboard))


@guard("browse_topics")
async def topic_pressed(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    _ = await tr(update, context)
    services = context.services
    key = TopicPress.unpack(query.data).key
    if key == OTHER_PROVINCES:
        _shown, others = topic_menu(services.topics, services.engine.entries,
                                    services.settings.province)
        await reply(update, _("Other provinces' rules (for reference; your province's may "
                              "differ):"), reply_markup=InlineKeyboardMarkup(
            [[button(title, TopicPress(k))] for k, title in others]))
        return
    entries, more = topic_entries(services.engine.entries, key, services.settings.province)
    if not entries:
        await reply(update, _("This button is no longer valid. Type /hoidap to browse the "
                              "topics, or type your question."))
        return
    keyboard = [[button(_title(e), EntryPress(e.id))] for e in entries]
    if more:
        keyboard.append([button(_("🗺 Other provinces' questions on this topic"),
                                TopicPress(key + WHOLE_TOPIC))])
    title = services.topics.get(key.removesuffix(WHOLE_TOPIC), key)
    await reply(update, f"<b>{esc(title)}</b>\n" + _("Choose a question:"),
                reply_markup=InlineKeyboardMarkup(keyboard))


@guard("unanswered")
async def unanswered(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    services = context.services
    frequent = await most_frequent_unanswered(services.db, services.engine,
                                              province=services.settings.province)
    if not frequent:
        await reply(update, _("No unanswered questions so far."))
        return
    lines = [_("Most frequent questions the assistant could not answer:")]
    lines += [f"{n}. ({q.count}×) {esc(q.text[:200])}" for n, q in
              enumerate(frequent, start=1)]
    await reply(update, "\n".join(lines))


def register(application: BotApplication) -> None:
    private = filters.ChatType.PRIVATE
    application.add_handlers([
        CommandHandler("hoidap", topics, filters=private),
        CommandHandler("chuatraloi", unanswered, filters=private),
        CallbackQueryHandler(entry_pressed, pattern=EntryPress.pattern),
        CallbackQueryHandler(topic_pressed, pattern=TopicPress.pattern),
        MessageHandler(private & filters.TEXT & ~filters.COMMAND & ~filters.UpdateType.EDITED,
                       question),
    ])
