"""Admins send the Sở's letters (.pdf, .docx, .txt): a preview to confirm, then the dates that
carry a task offered as deadlines; /congvan lists the letters and removes one."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.context import BotApplication, BotContext
from bot.knowledge.citation import document_name
from bot.knowledge.letter_files import MAX_LETTER_BYTES, TOO_LARGE, LetterFileError
from bot.knowledge.letters import TaskDate
from bot.services import letters as service
from handlers.buttons import LetterDeadlinePress, LetterPress, LetterRemovePress, button
from handlers.common import chat_memory, esc, guard, reply, tr

DRAFT = "letter_draft"
OFFERED = "letter_deadlines"
OFFERED_FROM = "letter_deadlines_from"  # the letter's number, which the deadlines cite
MAX_DATES_OFFERED = 8
LETTER_FILES = (filters.Document.FileExtension("pdf") | filters.Document.FileExtension("docx")
                | filters.Document.FileExtension("txt"))


def _actor(update: Update) -> str:
    return f"tg:{update.effective_user.id if update.effective_user else 0}"


@guard("letters")
async def letter_file(update: Update, context: BotContext) -> None:
    """Read the letter off the event loop and show what was read; nothing is stored yet."""
    message = update.effective_message
    assert message is not None and message.document is not None
    _ = await tr(update, context)
    document = message.document
    if document.file_size and document.file_size > MAX_LETTER_BYTES:
        await reply(update, esc(_(TOO_LARGE).format(mb=MAX_LETTER_BYTES // 2**20)))
        return
    data = bytes(await (await document.get_file()).download_as_bytearray())
    filename = document.file_name or ""
    if pages := await service.pages_to_read_async(data, filename):
        await reply(update, esc(_("Reading the scan ({n} pages)…").format(n=pages)))
    try:
        draft = await service.prepare_letter(data, filename)
    except LetterFileError as exc:
        await reply(update, esc(_(exc.message).format(**exc.params)))
        return
    stored = await service.stored_as(context.services.db, draft)
    if stored is not None:
        await reply(update, esc(_(service.ALREADY_STORED).format(id=stored) + " "
                                + _("Type /congvan to see the letters.")))
        return
    chat_memory(context)[DRAFT] = draft
    heading = _("I read this letter. Please check it:")  # outside the f-string, for Babel
    text = (f"<b>{esc(heading)}</b>\n"
            + esc("\n".join(service.preview_lines(draft, _))) + "\n\n"
            + esc(_("Save it? From then on I answer from it, quoting it word for word.")))
    buttons = InlineKeyboardMarkup([[button(_("✅ Save"), LetterPress("save")),
                                     button(_("✖ Cancel"), LetterPress("drop"))]])
    await reply(update, text, reply_markup=buttons)  # a long preview goes in parts


async def _save(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    draft = chat_memory(context).pop(DRAFT, None)
    if draft is None:
        await reply(update, esc(_("This letter was already saved or cancelled. Send the file "
                                  "again if needed.")))
        return
    services = context.services
    try:
        letter = await service.save_letter(services.db, services.engine.letters, draft,
                                           actor=_actor(update))
    except service.LetterAlreadyStored as exc:  # the same file, saved from another chat
        await reply(update, esc(_(exc.message).format(**exc.params)))
        return
    await reply(update, esc(_("Letter #{id} saved ({name}). I answer from it from now on; "
                              "/congvan lists the letters.").format(
        id=letter.id, name=document_name(letter.meta, _))))
    dates = service.upcoming(letter.task_dates, services.local_now().date())[:MAX_DATES_OFFERED]
    if not dates:
        return
    chat_memory(context)[OFFERED] = dates
    chat_memory(context)[OFFERED_FROM] = letter.id
    lines = [_("Dates with a task in this letter. Press one to add it as a deadline with "
               "reminders (/hanchot); nothing is added otherwise:")]
    lines += [f"• {d.date:%d/%m/%Y}: {d.sentence}" for d in dates]
    rows = [[button(_("➕ Deadline {date}").format(date=f"{d.date:%d/%m/%Y}"),
                    LetterDeadlinePress(k))] for k, d in enumerate(dates)]
    await reply(update, esc("\n".join(lines)), reply_markup=InlineKeyboardMarkup(rows))


@guard("letters")
async def deadline_pressed(update: Update, context: BotContext) -> None:
    """A date of the letter becomes a deadline only when the admin presses it, once."""
    assert update.callback_query is not None
    press = LetterDeadlinePress.unpack(update.callback_query.data)
    _ = await tr(update, context)
    offered: list[TaskDate | None] = chat_memory(context).get(OFFERED) or []
    found = offered[press.index] if press.index < len(offered) else None
    if found is None:
        await reply(update, esc(_("This date was already added, or the button is too old. "
                                  "Type /hanchot to see the deadlines.")))
        return
    offered[press.index] = None
    services = context.services
    deadline_id = await service.add_deadline(services.db, await services.campaign(), found,
                                             letter_id=chat_memory(context)[OFFERED_FROM],
                                             actor=_actor(update))
    await reply(update, esc(_("Deadline #{id} added for {date}. Type /hanchot to change its "
                              "reminders or turn it off.").format(
        id=deadline_id, date=f"{found.date:%d/%m/%Y}")))


async def _confirm_removal(update: Update, context: BotContext, letter_id: int) -> None:
    _ = await tr(update, context)
    letter = next((x for x in context.services.engine.letters.letters if x.id == letter_id),
                  None)
    if letter is None:
        await reply(update, esc(_("There is no letter #{id}. Type /congvan to see the list.")
                                .format(id=letter_id)))
        return
    buttons = InlineKeyboardMarkup([[button(_("🗑 Remove"), LetterRemovePress(letter_id, True)),
                                     button(_("Keep it"), LetterPress("keep"))]])
    await reply(update, esc(_("Remove letter #{id} ({name})? I will no longer answer from "
                              "it.").format(id=letter_id, name=document_name(letter.meta, _))),
                reply_markup=buttons)


async def _remove(update: Update, context: BotContext, letter_id: int) -> None:
    _ = await tr(update, context)
    services = context.services
    removed = await service.remove_letter(services.db, services.engine.letters, letter_id,
                                          actor=_actor(update))
    await reply(update, esc(_("Letter #{id} removed: I no longer answer from it.")
                            if removed else
                            _("There is no letter #{id}. Type /congvan to see the list."))
                .format(id=letter_id))


@guard("letters")
async def letter_pressed(update: Update, context: BotContext) -> None:
    assert update.callback_query is not None
    press = LetterPress.unpack(update.callback_query.data)
    _ = await tr(update, context)
    if press.action == "save":
        await _save(update, context)
    elif press.action == "drop":
        chat_memory(context).pop(DRAFT, None)
        await reply(update, esc(_("Cancelled: nothing was stored.")))
    else:
        await reply(update, esc(_("Nothing was changed.")))


@guard("letters")
async def removal_pressed(update: Update, context: BotContext) -> None:
    assert update.callback_query is not None
    press = LetterRemovePress.unpack(update.callback_query.data)
    await (_remove if press.confirmed else _confirm_removal)(update, context, press.letter_id)


@guard("letters")
async def letters_command(update: Update, context: BotContext) -> None:
    """/congvan: the loaded letters, newest first, each with a button to remove it."""
    _ = await tr(update, context)
    letters = sorted(context.services.engine.letters.letters, key=lambda x: x.meta.day,
                     reverse=True)
    if not letters:
        await reply(update, esc(_("No letter is loaded yet. Send a letter here as a .pdf, "
                                  ".docx or .txt file to add it.")))
        return
    answered = await service.answered_last_week(context.services.db)
    lines = ["<b>" + esc(_("Letters I answer from:")) + "</b>"]
    lines += [f"#{x.id} {esc(document_name(x.meta, _))} · {esc(x.meta.date)} · "
              f"{esc(x.meta.issuer)}\n   {esc(x.meta.subject[:120])}\n   "
              + esc(_("{n} question(s) answered in the last 7 days").format(
                  n=answered.get(x.id, 0))) for x in letters[:30]]
    rows = [[button(_("🗑 Remove #{id}").format(id=x.id), LetterRemovePress(x.id))]
            for x in letters[:30]]
    await reply(update, "\n".join(lines), reply_markup=InlineKeyboardMarkup(rows))


def register(application: BotApplication) -> None:
    private = filters.ChatType.PRIVATE
    application.add_handlers([
        CommandHandler("congvan", letters_command, filters=private),
        CallbackQueryHandler(letter_pressed, pattern=LetterPress.pattern),
        CallbackQueryHandler(deadline_pressed, pattern=LetterDeadlinePress.pattern),
        CallbackQueryHandler(removal_pressed, pattern=LetterRemovePress.pattern),
        MessageHandler(private & LETTER_FILES & ~filters.UpdateType.EDITED, letter_file),
    ])
