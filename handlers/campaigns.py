"""An admin sends a campaign file (.yaml): a preview of what changes, then a confirm button.

The file is checked in full first (errors by line, nothing changed); only the confirm button
loads it, all or nothing, through the same service as ``troly campaign load``.
"""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, MessageHandler, filters

from bot.context import BotApplication, BotContext
from bot.domain.campaign_file import error_lines
from bot.i18n import Translator
from bot.services import campaigns as service
from bot.text_files import TextFileError, decode_text
from handlers.buttons import CampaignPress, button
from handlers.common import chat_memory, esc, guard, reply, tr

CAMPAIGN_FILES = (filters.Document.FileExtension("yaml")
                  | filters.Document.FileExtension("yml"))
MAX_CAMPAIGN_BYTES = service.MAX_CAMPAIGN_BYTES
_PENDING = "campaign_file"
_SHOWN_ERRORS = 20


def preview_text(preview: service.Preview, _: Translator) -> str:
    def codes(tasks: tuple[object, ...]) -> str:
        return ", ".join(esc(getattr(t, "header", "")) for t in tasks) or "—"

    return "\n".join([
        _("<b>{name}</b>: {n} tasks.").format(name=esc(preview.new.name),
                                              n=len(preview.new.tasks)),
        _("New: {tasks}").format(tasks=codes(preview.added)),
        _("Changed: {tasks}").format(tasks=codes(preview.changed)),
        _("No longer used (archived, statuses kept): {tasks}").format(
            tasks=codes(preview.retired)),
        _("People whose task list changes: {n}").format(n=preview.people_affected),
        _("Load this campaign? Everyone's /tiendo, reminders and reports will follow it."),
    ])


@guard("load_campaign")
async def campaign_file(update: Update, context: BotContext) -> None:
    message = update.effective_message
    assert message is not None and message.document is not None
    _ = await tr(update, context)
    document = message.document
    if document.file_size and document.file_size > MAX_CAMPAIGN_BYTES:
        await reply(update, _("A campaign file is a short text file; this one is too large."))
        return
    data = bytes(await (await document.get_file()).download_as_bytearray())
    try:
        text = decode_text(data, document.file_name or "")
    except TextFileError as exc:
        await reply(update, esc(_(exc.message).format(**exc.params)))
        return
    result = await service.check(context.services.db, text)
    if result.preview is None:
        lines = error_lines(list(result.errors), _)
        more = len(lines) - _SHOWN_ERRORS
        await reply(update, "\n".join(
            [_("The campaign was not loaded; nothing was changed. Please fix:")]
            + [f"• {esc(line)}" for line in lines[:_SHOWN_ERRORS]]
            + ([_("… and {n} more.").format(n=more)] if more > 0 else [])))
        return
    chat_memory(context)[_PENDING] = text
    await reply(update, preview_text(result.preview, _), reply_markup=InlineKeyboardMarkup([[
        button(_("✅ Load it"), CampaignPress("load")),
        button(_("✖ Cancel"), CampaignPress("drop"))]]))


@guard("load_campaign")
async def confirmed(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    _ = await tr(update, context)
    press = CampaignPress.unpack(query.data)
    text = chat_memory(context).pop(_PENDING, None)
    if press.answer == "drop" or not text:
        await reply(update, _("Cancelled. Nothing was changed.") if press.answer == "drop"
                    else _(CampaignPress.invalid_message))
        return
    user = update.effective_user
    result = await service.load(context.services.db, text,
                                actor=f"tg:{user.id if user else 0}")
    if result.preview is None:  # the running campaign changed meanwhile and the file broke
        await reply(update, _("The campaign was not loaded; nothing was changed. Please fix:")
                    + "\n" + "\n".join(f"• {esc(line)}"
                                       for line in error_lines(list(result.errors), _)))
        return
    await reply(update, _("Loaded: {name}. From now on /tiendo, reminders and reports follow "
                          "it. Type /hanchot to check its deadlines.").format(
        name=esc(result.preview.new.name)))


def register(application: BotApplication) -> None:
    private = filters.ChatType.PRIVATE
    application.add_handlers([
        MessageHandler(private & CAMPAIGN_FILES & ~filters.UpdateType.EDITED, campaign_file),
        CallbackQueryHandler(confirmed, pattern=CampaignPress.pattern),
    ])
