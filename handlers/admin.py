"""Admins: import a roster by sending the file, get the template, invite Phòng/Sở staff."""

from __future__ import annotations

import io
import logging
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.context import BotApplication, BotContext
from bot.domain.errors import DomainError
from bot.domain.people import Role
from bot.domain.permissions import allowed
from bot.domain.roster import RowError
from bot.domain.status_sheet import looks_like_status_sheet
from bot.i18n import N_, Translator
from bot.offline import BOT_USERNAME
from bot.roster_template import roster_template_xlsx
from bot.services import accounts
from bot.services.imports import error_lines, import_roster, import_status
from bot.spreadsheets import MAX_FILE_BYTES, SpreadsheetError, read_table_in_thread
from handlers.buttons import InviteRolePress, InviteUnitPress, button
from handlers.common import esc, guard, incoming_text, reply, tr, visitor_of
from handlers.flows import Flow

log = logging.getLogger(__name__)
MAX_ERRORS_SHOWN = 15


def render_row_errors(errors: list[RowError], _: Translator) -> str:
    lines = [f"• {esc(line)}" for line in error_lines(errors[:MAX_ERRORS_SHOWN], _)]
    if len(errors) > MAX_ERRORS_SHOWN:
        lines.append(_("… and {n} more.").format(n=len(errors) - MAX_ERRORS_SHOWN))
    return "\n".join(lines)


@guard("import_roster")
async def spreadsheet_file(update: Update, context: BotContext) -> None:
    """A roster, or a status sheet (task columns, no Chức vụ), sent by an admin."""
    message = update.effective_message
    assert message is not None and message.document is not None
    _ = await tr(update, context)
    document = message.document
    if document.file_size and document.file_size > MAX_FILE_BYTES:
        await reply(update, _("The file is larger than 20 MB. Please send only the list."))
        return
    data = bytes(await (await document.get_file()).download_as_bytearray())
    try:
        rows = await read_table_in_thread(data, document.file_name or "")
    except SpreadsheetError as exc:
        await reply(update, esc(_(exc.message).format(**exc.params)))
        return
    actor = f"tg:{update.effective_user.id if update.effective_user else 0}"
    db = context.services.db
    if looks_like_status_sheet(rows, await context.services.campaign()):
        visitor = await visitor_of(update, context)
        if not allowed("import_status", visitor.tags):
            await reply(update, _("Sorry, this function is not available for your role. Type "
                                  "/help to see what you can do."))
            return
        report = await import_status(db, rows, actor=actor)
        done = _("Statuses imported: {created} items changed, {updated} already up to date.")
    else:
        report = await import_roster(db, rows, actor=actor, so_name=context.services.so_name)
        done = _("Roster imported: {created} new, {updated} updated.")
    if not report.ok:
        await reply(update, _("Nothing was imported: {n} rows need fixing.").format(
            n=len(report.errors)) + "\n" + render_row_errors(report.errors, _)
            + "\n\n" + _("Fix them in the file and send it again."))
        return
    await reply(update, done.format(created=report.created, updated=report.updated))


@guard("roster_template")
async def template(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    chat = update.effective_chat
    assert chat is not None
    await chat.send_document(io.BytesIO(roster_template_xlsx()), filename="mau_danh_sach.xlsx",
                             caption=_("Roster template: one row per person. The grey rows "
                                       "are samples (phone numbers 0000 000 0xx, which never "
                                       "exist): delete them or write over them, fill in your "
                                       "list and send it back here."))


@guard("invite")
async def invite(update: Update, context: BotContext) -> None:
    """/moi so <full name>  or  /moi phong <Phòng name> | <full name>"""
    _ = await tr(update, context)
    text = incoming_text(update)
    parts = text.split(maxsplit=2)
    if len(parts) == 1:  # step by step: who, which Phòng, the name
        await reply(update, _("Invite whom?"), reply_markup=InlineKeyboardMarkup([
            [button(_("Sở staff"), InviteRolePress("so"))],
            [button(_("Phòng staff"), InviteRolePress("phong"))]]))
        return
    usage = _("Usage: /moi so <full name>  or  /moi phong <Phòng name> | <full name>")
    if len(parts) < 3 or parts[1].lower() not in ("so", "sở", "phong", "phòng"):
        await reply(update, esc(usage))
        return
    role = Role.SO_STAFF if parts[1].lower() in ("so", "sở") else Role.PHONG_STAFF
    unit_name, _sep, name = parts[2].partition("|") if role is Role.PHONG_STAFF \
        else ("", "", parts[2])
    if role is Role.PHONG_STAFF and not _sep:
        await reply(update, esc(usage))
        return
    await _send_invite(update, context, role, unit_name.strip() or None, name)


async def _send_invite(update: Update, context: BotContext, role: Role, unit_name: str | None,
                       name: str) -> None:
    _ = await tr(update, context)
    user = update.effective_user
    code = await accounts.create_invite(
        context.services.db, role=role, unit_name=unit_name,
        full_name=name.strip()[:120], actor=f"tg:{user.id if user else 0}",
        so_name=context.services.so_name)
    username = context.bot.username or BOT_USERNAME
    await reply(update, _("Invitation for {name} (valid 7 days, one use):").format(
        name=esc(name.strip())) + f"\nhttps://t.me/{username}?start={code}")


INVITE = Flow("invite", timeout=N_("⌛ Ten minutes passed without the name, so no invitation was "
                                   "made. Type /moi to start again."))


@guard("invite")
async def invite_role_chosen(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    _ = await tr(update, context)
    if InviteRolePress.unpack(query.data).role == "so":
        await INVITE.ask(update, context, "name", role=Role.SO_STAFF.value, unit=None)
        await reply(update, _("Full name of the person you invite? (/huy to cancel)"))
        return
    units = await accounts.phong_units(context.services.db)
    await reply(update, _("Which Phòng (or xã/phường)?"), reply_markup=InlineKeyboardMarkup(
        [[button(u.name[:60], InviteUnitPress(u.id))] for u in units[:40]]))


@guard("invite")
async def invite_unit_chosen(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None
    _ = await tr(update, context)
    unit_id = InviteUnitPress.unpack(query.data).unit_id
    unit = next((u for u in await accounts.phong_units(context.services.db) if u.id == unit_id),
                None)
    if unit is None:
        await reply(update, _("This button is no longer valid. Type /moi to start again."))
        return
    await INVITE.ask(update, context, "name", role=Role.PHONG_STAFF.value, unit=unit.name)
    await reply(update, _("Full name of the person you invite? (/huy to cancel)"))


@INVITE.step("name")
async def invite_name_typed(update: Update, context: BotContext, data: dict[str, Any]) -> None:
    _ = await tr(update, context)
    name = incoming_text(update).strip()
    if not name:
        await INVITE.ask(update, context, "name", **data)
        await reply(update, _("Full name of the person you invite? (/huy to cancel)"))
        return
    try:
        await _send_invite(update, context, Role(data["role"]), data.get("unit"), name)
    except DomainError as exc:
        await reply(update, esc(_(exc.message).format(**exc.params)))


def register(application: BotApplication) -> None:
    private = filters.ChatType.PRIVATE
    application.add_handlers([
        CommandHandler("mau", template, filters=private),
        CommandHandler("moi", invite, filters=private),
        CallbackQueryHandler(invite_role_chosen, pattern=InviteRolePress.pattern),
        CallbackQueryHandler(invite_unit_chosen, pattern=InviteUnitPress.pattern),
        MessageHandler(private & filters.Document.ALL & ~filters.UpdateType.EDITED,
                       spreadsheet_file),
    ])
