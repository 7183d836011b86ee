"""Sign-up with the shared contact, the profile, erasure and /help."""

from __future__ import annotations

import logging
from typing import Any

from telegram import (
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.context import BotApplication, BotContext
from bot.domain.people import Profile, Role
from bot.domain.permissions import allowed
from bot.i18n import N_, Translator
from bot.services import accounts
from bot.services.accounts import SignUpOutcome
from handlers.buttons import ErasePress, button
from handlers.common import (
    chat_memory,
    esc,
    forget_visitor,
    guard,
    permission_of,
    reply,
    tr,
    visitor_of,
)

log = logging.getLogger(__name__)
_INVITE_KEY = "invite_code"

ROLE_NAMES = {
    Role.TEACHER: N_("Teacher"),
    Role.PRINCIPAL: N_("Principal"),
    Role.VICE_PRINCIPAL: N_("Vice principal"),
    Role.PHONG_STAFF: N_("Phòng staff"),
    Role.SO_STAFF: N_("Sở staff"),
}

# What /help says of each command, in the order shown. Who sees a command is not written here:
# /help lists the registered commands whose handler's permission (bot.domain.permissions)
# admits the visitor, so the list cannot drift from what the bot lets them do.
HELP: dict[str, str] = {
    "start": N_("verify your phone number"),
    "tiendo": N_("your tasks; update them in two taps"),
    "dieukien": N_("may you take modules 2, 3, 4"),
    "choduyet": N_("what waits for your approval"),
    "truong": N_("your school's open tasks"),
    "nhacnho": N_("reminder settings"),
    "hanchot": N_("deadlines and their reminders"),
    "suathongtin": N_("report wrong personal info on LMS"),
    "toi": N_("your profile"),
    "hoidap": N_("browse questions by topic"),
    "ngonngu": N_("language: Tiếng Việt / English"),
    "xoadulieu": N_("unlink and delete your data"),
    "cauhoi": N_("questions passed to you by users, to answer"),
    "themfaq": N_("/themfaq N: offer answer N for the question bank"),
    "duyetfaq": N_("approve answers offered for the question bank"),
    "chuatraloi": N_("questions the assistant could not answer, most asked first"),
    "nhomhotro": N_("typed in a group: questions of your unit arrive there"),
    "thongbao": N_("send an announcement"),
    "baocao": N_("progress report, chart and Excel lists"),
    "web": N_("sign-in link to the web dashboard (progress, approvals, downloads)"),
    "mau": N_("roster template (.xlsx)"),
    "congvan": N_("the Sở's letters I quote; send a .pdf/.docx/.txt to add one"),
    "moi": N_("invite Phòng or Sở staff (I ask step by step)"),
    "huy": N_("cancel what you are doing"),
    "help": N_("this list"),
}


def may_use(permission: str | None, tags: frozenset[str]) -> bool:
    return permission is None or allowed(permission, tags)


def command_permissions(application: Application[Any, Any, Any, Any, Any, Any]
                        ) -> dict[str, str | None]:
    """Every command the bot answers → the permission its handler checks (None: anyone)."""
    found: dict[str, str | None] = {}
    for group in application.handlers.values():
        for handler in group:
            if isinstance(handler, CommandHandler):
                for command in handler.commands:
                    found.setdefault(command, permission_of(handler.callback))
    return found




def contact_keyboard(_: Translator) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup(
        [[KeyboardButton(_("📱 Share my phone number"), request_contact=True)]],
        resize_keyboard=True, one_time_keyboard=True)


def describe(profile: Profile, _: Translator) -> str:
    person = profile.person
    role = _(ROLE_NAMES[person.role]) + (" (" + _("core") + ")" if person.is_core else "")
    lines = [f"👤 <b>{esc(person.full_name)}</b>", "• " + _("Role: {role}").format(role=role)]
    if profile.school:
        lines.append("• " + _("School: {name}").format(name=esc(profile.school.name)))
    if person.level:
        lines.append("• " + _("Level: {level}").format(level=person.level.value))
    if profile.school is None:  # Phòng or Sở staff: their own unit
        lines.append("• " + _("Unit: {name}").format(name=esc(profile.unit.name)))
    elif profile.managing_unit is not None and profile.managing_unit.kind.value == "phong":
        lines.append("• " + _("Managing unit: {name}").format(
            name=esc(profile.managing_unit.name)))
    return "\n".join(lines)


async def start(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    visitor = await visitor_of(update, context)
    code = context.args[0] if context.args else None
    if code and visitor.profile is None:
        if not await accounts.check_invite(context.services.db, code[:64]):
            await reply(update, _("This invitation link is not valid any more (used or "
                                  "expired). Please ask the Sở officer for a new one."))
            return
        chat_memory(context)[_INVITE_KEY] = code[:64]
    greeting = _("Hello! I am the training assistant of the Sở GD&ĐT.") + "\n" + _(
        "• I answer questions about the training (modules, deadlines, contacts).\n"
        "• I show your tasks and what waits for your approval.\n"
        "• I remind you before the deadlines.")
    if visitor.profile is not None:
        await reply(update, greeting + "\n\n" + _("You are verified as:") + "\n"
                    + describe(visitor.profile, _) + "\n\n"
                    + _("Type your question, or /help for the commands."))
        return
    await reply(update, greeting + "\n\n" + _(
        "To show your own tasks, please share your phone number with the button below. "
        "You can also just type a question without verifying."),
        reply_markup=contact_keyboard(_))


async def contact(update: Update, context: BotContext) -> None:
    message = update.effective_message
    user = update.effective_user
    assert message is not None and message.contact is not None and user is not None
    _ = await tr(update, context)
    if message.contact.user_id != user.id:
        log.info("contact refused: not the sender's own")
        await reply(update, _("For your safety I only accept your own number. Please press "
                              "the button below instead of sending a contact card."),
                    reply_markup=contact_keyboard(_))
        return
    code = chat_memory(context).pop(_INVITE_KEY, None)
    result = await accounts.sign_up(context.services.db, user.id, message.contact.phone_number,
                                    invite_code=code)
    forget_visitor(context)
    if result.outcome is SignUpOutcome.LINKED and result.profile is not None:
        await reply(update, _("Thank you! You are verified as:") + "\n"
                    + describe(result.profile, _) + "\n\n"
                    + _("Type your question, or /help for the commands."),
                    reply_markup=ReplyKeyboardRemove())
        return
    if result.outcome is SignUpOutcome.FOREIGN_PHONE:
        await reply(update, _(
            "This Telegram account uses a number from another country. I can only verify "
            "Vietnamese numbers from the school roster. Please use the Telegram account of "
            "your Vietnamese number, or just type your questions as a guest."),
            reply_markup=ReplyKeyboardRemove())
        return
    await reply(update, _(
        "Your number is not in the school roster yet. Please ask your school (or the Phòng) "
        "to add you to the list they send to the Sở, then press /start again.\n\n"
        "Meanwhile you can ask questions about the training: just type them."),
        reply_markup=ReplyKeyboardRemove())


@guard("profile")
async def profile(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    visitor = await visitor_of(update, context)
    if visitor.profile is None:
        await reply(update, _("You are not verified yet (guest). Type /start and share your "
                              "phone number to see your tasks."))
        return
    await reply(update, describe(visitor.profile, _))


@guard("erase")
async def erase_ask(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    keyboard = InlineKeyboardMarkup([[
        button(_("🗑 Delete"), ErasePress("yes")),
        button(_("Cancel"), ErasePress("no")),
    ]])
    await reply(update, _("Delete the link between this Telegram account and your profile, "
                          "and your settings? The school roster is not changed."),
                reply_markup=keyboard)


@guard("erase")
async def erase_answer(update: Update, context: BotContext) -> None:
    query = update.callback_query
    assert query is not None and query.from_user is not None
    _ = await tr(update, context)
    if ErasePress.unpack(query.data).answer != "yes":
        await query.edit_message_text(_("Cancelled. Nothing was deleted."))
        return
    removed = await accounts.erase(context.services.db, query.from_user.id,
                                   key=context.services.erasure_key)
    forget_visitor(context)
    text = _("Done: your link and settings are deleted. Type /start whenever you want to "
             "verify again.") if removed else _("There was nothing stored for this account.")
    await query.edit_message_text(text)


async def help_command(update: Update, context: BotContext) -> None:
    _ = await tr(update, context)
    visitor = await visitor_of(update, context)
    permissions = command_permissions(context.application)
    lines = [_("What I can do for you:")]
    lines += [f"/{command} — {esc(_(text))}" for command, text in HELP.items()
              if command in permissions and may_use(permissions[command], visitor.tags)]
    lines.append(_("Or just type your question, e.g. \"hạn chót mô đun 1\"."))
    await reply(update, "\n".join(lines))


async def cancel(update: Update, context: BotContext) -> None:
    """/huy: drop whatever the bot was waiting for (a reason, an announcement)."""
    _ = await tr(update, context)
    chat_memory(context).clear()
    if update.effective_user is not None:
        await context.services.inputs.take(update.effective_user.id)
    await reply(update, _("Cancelled. Nothing was changed."))


def register(application: BotApplication) -> None:
    private = filters.ChatType.PRIVATE
    application.add_handlers([
        CommandHandler("start", start, filters=private),
        CommandHandler("huy", cancel, filters=private),
        CommandHandler("help", help_command, filters=private),
        CommandHandler("toi", profile, filters=private),
        CommandHandler("xoadulieu", erase_ask, filters=private),
        CallbackQueryHandler(erase_answer, pattern=ErasePress.pattern),
        MessageHandler(private & filters.CONTACT & ~filters.UpdateType.EDITED, contact),
    ])
