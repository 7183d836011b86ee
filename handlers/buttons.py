"""Every button's callback data, one class each, packed and checked by ``bot.callback_data``.

A handler registers ``pattern=X.pattern`` and reads ``X.unpack(query.data)``; data that no
button of this bot made raises ``InvalidCallback``, which the error handler answers with the
class's polite message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from telegram import InlineKeyboardButton

from bot.callback_data import CallbackData, OneOf, Range
from bot.domain.campaign import REPORT_FORMS
from bot.i18n import LANGUAGES, N_
from bot.reports.stats import InfoField
from bot.services.campaigns import known_task_codes

Id = Annotated[int, Range(1)]


def button(text: str, press: CallbackData) -> InlineKeyboardButton:
    """An inline button carrying ``press`` (checked and packed here)."""
    return InlineKeyboardButton(text, callback_data=press.pack())


TaskCodeText = Annotated[str, OneOf(known_task_codes)]
_TIENDO_AGAIN = N_("This button is not valid for you. Type /tiendo again.")


@dataclass(frozen=True)
class ItemPress(CallbackData, prefix="t"):
    """One of my tasks, to change its state."""

    invalid_message = _TIENDO_AGAIN
    task: TaskCodeText


@dataclass(frozen=True)
class StatePress(CallbackData, prefix="ts"):
    """The state I move my task to (checked against the task's states by the handler)."""

    invalid_message = _TIENDO_AGAIN
    task: TaskCodeText
    state: str


@dataclass(frozen=True)
class ApprovePress(CallbackData, prefix="ap"):
    """The approver confirms a cốt cán's item was approved on LMS."""

    owner_id: Id
    task: TaskCodeText


@dataclass(frozen=True)
class AskApprovePress(CallbackData, prefix="apq"):
    """The approver opens the confirmation of a cốt cán's item (who, what, what follows)."""

    owner_id: Id
    task: TaskCodeText


@dataclass(frozen=True)
class UndoApprovePress(CallbackData, prefix="apu"):
    """The approver takes back, within ten minutes, an approval confirmed by mistake."""

    owner_id: Id
    task: TaskCodeText


@dataclass(frozen=True)
class GoPress(CallbackData, prefix="go"):
    """A button in a reminder that opens a command's view."""

    command: Literal["tiendo", "choduyet", "truong"]


@dataclass(frozen=True)
class EntryPress(CallbackData, prefix="kb"):
    invalid_message = N_("This button is no longer valid. Type /hoidap to browse the topics, "
                         "or type your question.")
    entry_id: str


@dataclass(frozen=True)
class TopicPress(CallbackData, prefix="topic"):
    invalid_message = EntryPress.invalid_message
    key: str


@dataclass(frozen=True)
class ErasePress(CallbackData, prefix="erase"):
    answer: Literal["yes", "no"]


@dataclass(frozen=True)
class LanguagePress(CallbackData, prefix="lang"):
    invalid_message = N_("This button is no longer valid. Type /ngonngu again.")
    language: Annotated[str, OneOf(LANGUAGES)]


@dataclass(frozen=True)
class ExportPress(CallbackData, prefix="rp"):
    """An Excel form of the running campaign (Phụ lục 4, 5, or the list of who has not
    finished)."""

    form: Annotated[str, OneOf(set(REPORT_FORMS))]


@dataclass(frozen=True)
class InfoFieldPress(CallbackData, prefix="info"):
    field: Annotated[str, OneOf({f.value for f in InfoField})]


@dataclass(frozen=True)
class RemindersPress(CallbackData, prefix="rem"):
    setting: Literal["on", "off"]


@dataclass(frozen=True)
class DeadlineAudiencePress(CallbackData, prefix="dla"):
    """Who a new deadline reminds, the last step of /hanchot them."""

    audience: Literal["staff", "core"]


@dataclass(frozen=True)
class InviteRolePress(CallbackData, prefix="inv:r"):
    """/moi step 1: an invitation for Sở or for Phòng staff."""

    role: Literal["so", "phong"]


@dataclass(frozen=True)
class InviteUnitPress(CallbackData, prefix="inv:u"):
    """/moi step 2 for Phòng staff: which Phòng (or xã/phường)."""

    unit_id: Id


@dataclass(frozen=True)
class AskStaffPress(CallbackData, prefix="tk:ask"):
    """Pass my last question to a support officer."""


@dataclass(frozen=True)
class RatePress(CallbackData, prefix="tk:rate"):
    ticket_id: Id
    rating: Literal["1", "-1"]


@dataclass(frozen=True)
class FollowUpPress(CallbackData, prefix="tk:more"):
    ticket_id: Id


@dataclass(frozen=True)
class PickTicketPress(CallbackData, prefix="tk:pick"):
    """An officer chooses a question to answer."""

    ticket_id: Id


@dataclass(frozen=True)
class FaqDecisionPress(CallbackData, prefix="faq"):
    draft_id: Id
    approve: bool


BroadcastOp = Literal["lv", "ro", "core", "ms", "un", "miss", "unit", "prev", "send", "cancel"]


@dataclass(frozen=True)
class BroadcastPress(CallbackData, prefix="bc"):
    """A choice on an announcement draft; ``arg`` depends on ``op`` (a level, a role group,
    a task code or ``-``, a unit id or ``all``) and is checked by the handler."""

    draft_id: Id
    op: BroadcastOp
    arg: str = ""


@dataclass(frozen=True)
class LetterPress(CallbackData, prefix="lt:do"):
    """The admin saves or cancels the letter previewed, or keeps a letter."""

    invalid_message = N_("This button is no longer valid. Type /congvan to see the letters.")
    action: Literal["save", "drop", "keep"]


@dataclass(frozen=True)
class LetterDeadlinePress(CallbackData, prefix="lt:dl"):
    """A date with a task in the letter just saved, to add as a deadline."""

    invalid_message = LetterPress.invalid_message
    index: Annotated[int, Range(0, 50)]


@dataclass(frozen=True)
class LetterRemovePress(CallbackData, prefix="lt:rm"):
    """Remove a letter: first asked, then confirmed."""

    invalid_message = LetterPress.invalid_message
    letter_id: Id
    confirmed: bool = False


@dataclass(frozen=True)
class CampaignPress(CallbackData, prefix="cp"):
    """An admin confirms or drops the campaign file they sent (its text waits in the chat)."""

    invalid_message = N_("This button is no longer valid. Send the campaign file again.")
    answer: Literal["load", "drop"]
