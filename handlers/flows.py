"""Multi-step input: the bot asks for something (a reason, an announcement, an answer) and the
user's next message in the private chat is that thing.

A feature declares a flow with its steps and, to ask, calls ``ask``::

    REASON = Flow("task_reason", timeout=N_("⌛ … type /tiendo to start again."))

    @REASON.step("reason")
    async def reason_typed(update, context, data): ...   # data: what ``ask`` stored

    await REASON.ask(update, context, "reason", task="plan_m2", state="not_submitted")

What the bot waits for is stored in the database (``Services.inputs``), so it survives a
restart. A command typed instead ends the wait and runs (``/huy`` says it was cancelled);
after ten minutes the user is told the wait is over; a step another version of the bot no
longer knows is reported as lost. A step that wants the next step calls ``ask`` again.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, CallbackContext, MessageHandler, filters

from bot.context import BotApplication, BotContext, Services
from bot.i18n import N_, translator
from bot.services.pending_inputs import PendingInput
from handlers.common import reply, visitor_of

log = logging.getLogger(__name__)
Step = Callable[[Update, BotContext, dict[str, Any]], Awaitable[None]]
CHECK_EVERY_SECONDS = 30

_LOST = N_("I was waiting for something from you, but this version of the assistant no longer "
           "knows that step. Nothing was changed: please start again (/help).")
_TEXT_ONLY = N_("Please send it as a text message, or type /huy to cancel.")
_FILES_TOO = N_("Please send a text, a PDF or a photo, or type /huy to cancel.")


@dataclass(frozen=True, slots=True)
class _Step:
    callback: Step
    files: bool  # a document or a photo is accepted as well as text


@dataclass(eq=False)
class Flow:
    """One feature's multi-step input. ``timeout`` is the msgid sent when the wait ends."""

    name: str
    timeout: str
    steps: dict[str, _Step] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.name in FLOWS:
            raise ValueError(f"flow {self.name!r} declared twice")
        FLOWS[self.name] = self

    def step(self, name: str, *, files: bool = False) -> Callable[[Step], Step]:
        def decorate(callback: Step) -> Step:
            self.steps[name] = _Step(callback, files)
            return callback

        return decorate

    async def ask(self, update: Update, context: BotContext, step: str, **data: Any) -> None:
        """Wait for this user's next message as ``step`` of this flow (the caller says what
        to send). ``data`` holds ids and choices: it is stored as JSON."""
        if step not in self.steps:
            raise ValueError(f"flow {self.name!r} has no step {step!r}")
        user, chat = update.effective_user, update.effective_chat
        if user is None or chat is None:
            raise RuntimeError("a flow needs a user and a chat")
        visitor = await visitor_of(update, context)
        await context.services.inputs.wait_for(user.id, chat.id, self.name, step, data,
                                               visitor.language)


FLOWS: dict[str, Flow] = {}


def _is_command(update: Update) -> bool:
    message = update.effective_message
    return bool(message and message.text and message.text.lstrip().startswith("/"))


def _accepts(step: _Step, update: Update) -> bool:
    message = update.effective_message
    if message is None:
        return False
    if message.text:
        return True
    return step.files and bool(message.document or message.photo)


async def dispatch(update: Update, context: BotContext) -> None:
    """Ahead of all other handlers: the message the bot waits for goes to its step.

    Most users are awaited for nothing, so this returns at once (a dictionary look-up)."""
    user = update.effective_user
    inputs = context.services.inputs
    pending = inputs.of(user.id) if user else None
    if pending is None or user is None:
        return
    if _is_command(update):
        await inputs.take(user.id)  # the command runs instead; /huy says "cancelled"
        return
    if inputs.expired(pending):  # the timeout job has not come round yet
        await inputs.take(user.id)
        await _tell_over(context.bot, pending)
        raise ApplicationHandlerStop
    flow = FLOWS.get(pending.flow)
    step = flow.steps.get(pending.step) if flow else None
    if step is None:
        await inputs.take(user.id)
        await reply(update, translator(pending.language)(_LOST))
        raise ApplicationHandlerStop
    if not _accepts(step, update):
        _ = translator(pending.language)
        await reply(update, _(_FILES_TOO if step.files else _TEXT_ONLY))
        raise ApplicationHandlerStop
    await inputs.take(user.id)
    await step.callback(update, context, pending.data)
    raise ApplicationHandlerStop


async def _tell_over(bot: Any, pending: PendingInput) -> None:
    flow = FLOWS.get(pending.flow)
    _ = translator(pending.language)
    text = _(flow.timeout) if flow else _(_LOST)
    with contextlib.suppress(TelegramError):  # blocked the bot, or the chat is gone
        await bot.send_message(pending.chat_id, text)


async def end_expired(services: Services) -> int:
    """Tell each user whose wait passed its ten minutes that it is over; returns how many."""
    expired = await services.inputs.take_expired()
    for pending in expired:
        await _tell_over(services.outbox.bot, pending)
    return len(expired)


async def _end_expired_job(context: CallbackContext) -> None:  # type: ignore[type-arg]
    services = context.application.bot_data.services
    await end_expired(services)


def register(application: BotApplication) -> None:
    application.add_handler(MessageHandler(
        filters.ChatType.PRIVATE & ~filters.UpdateType.EDITED
        & (filters.TEXT | filters.Document.ALL | filters.PHOTO), dispatch), group=-1)
    if application.job_queue is not None:
        application.job_queue.run_repeating(_end_expired_job, interval=CHECK_EVERY_SECONDS,
                                            first=CHECK_EVERY_SECONDS, name="end-expired-inputs")
