"""Deadlines as data, and when their reminders are due (docs/campaign.md, "Deadlines").

The running campaign brings its deadlines (Bình Phước's: 28/2 for the cốt cán plans and reports
of 001, 30/3 for module 1 and the tasks before modules 2–4 of 000). A yearly deadline means the
next such day to come; the Sở can move them and add fixed dates too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from bot.domain.campaign import Campaign, next_occurrence
from bot.domain.errors import InvalidValue
from bot.i18n import N_, Translator

DEFAULT_OFFSETS = (14, 7, 3, 1, 0)  # days before; 0 is the morning of the day
SEND_AT = dt.time(7, 30)
QUIET_FROM = dt.time(21, 0)  # nothing is sent from 21:00 …
QUIET_UNTIL = dt.time(7, 0)  # … to 07:00
MANDATORY_MAX_OFFSET = 1  # the day before and the day itself still come to muted users


class Audience(StrEnum):
    """Who a deadline reminds, and how."""

    CORE = "core"  # 28/2: each cốt cán of their unapproved items; each approver of waiting ones
    STAFF = "staff"  # 30/3: teachers and managers of open tasks; summaries to principals, Phòng


AUDIENCE_NAMES = {Audience.STAFF: N_("Teachers and school managers"),
                  Audience.CORE: N_("Cốt cán only")}


@dataclass(frozen=True, slots=True)
class Deadline:
    id: int
    title: str
    tasks: tuple[str, ...]  # codes of the campaign's tasks
    audience: Audience
    day: int
    month: int
    year: int | None = None  # None: every year
    offsets: tuple[int, ...] = DEFAULT_OFFSETS
    active: bool = True
    campaign_key: str | None = None  # "<campaign>/<key>" when it came from a campaign file
    letter_id: int | None = None  # the Sở's letter it was drafted from …
    letter_section: str = ""  # … and where in it

    def of_another_campaign(self, campaign: Campaign) -> bool:
        """A deadline another campaign's file brought: not this deployment's to show."""
        return (self.campaign_key is not None
                and self.campaign_key.partition("/")[0] != campaign.key)

    def occurrence(self, today: dt.date) -> dt.date | None:
        """The date this deadline next falls on, today included; None when it has passed."""
        return next_occurrence(self.day, self.month, self.year, today)

    def due_offset(self, today: dt.date) -> int | None:
        """The reminder offset due today (days before the occurrence), if any."""
        if not self.active:
            return None
        date = self.occurrence(today)
        if date is None:
            return None
        days = (date - today).days
        return days if days in self.offsets else None


@dataclass(frozen=True, slots=True)
class DeadlineDraft:
    """A deadline as an officer types it, before it is stored."""

    title: str
    day: int
    month: int
    year: int | None
    tasks: tuple[str, ...]
    audience: Audience
    offsets: tuple[int, ...] = field(default=DEFAULT_OFFSETS)
    letter_id: int | None = None
    letter_section: str = ""


def parse_date_text(text: str, today: dt.date) -> tuple[int, int, int | None]:
    """``28/2`` (every year) or ``15/4/2027`` (that date): day, month, year.

    Raises:
        InvalidValue: not a date, a date that does not exist, or one already past.
    """
    parts = text.strip().replace("-", "/").replace(".", "/").split("/")
    if len(parts) not in (2, 3) or not all(p.strip().isdigit() for p in parts):
        raise InvalidValue(N_("Write the date as dd/mm (every year) or dd/mm/yyyy."))
    day, month = int(parts[0]), int(parts[1])
    year = int(parts[2]) if len(parts) == 3 else None
    if year is not None and year < 100:
        year += 2000
    try:
        date = dt.date(year or 2028, month, day)  # 2028 is a leap year: 29/2 is a valid yearly day
    except ValueError:
        raise InvalidValue(N_("{date} is not a date."), {"date": text.strip()}) from None
    if year is not None and date < today:
        raise InvalidValue(N_("{date} is already past."), {"date": date.strftime("%d/%m/%Y")})
    return day, month, year


def parse_offsets(text: str) -> tuple[int, ...]:
    """``14,7,3,1,0`` → (14, 7, 3, 1, 0); every offset between 0 and 60 days."""
    try:
        values = sorted({int(p) for p in text.replace(" ", "").split(",") if p}, reverse=True)
    except ValueError:
        raise InvalidValue(N_("Write the reminder days as numbers, e.g. 14,7,3,1,0.")) from None
    if not values or any(v < 0 or v > 60 for v in values):
        raise InvalidValue(N_("Reminder days must be between 0 and 60."))
    return tuple(values)


def tasks_reminded(campaign: Campaign, audience: Audience) -> tuple[str, ...]:
    """The tasks a deadline the Sở adds by hand closes: cốt cán review items, or the others."""
    review = audience is Audience.CORE
    return tuple(t.code for t in campaign.tasks if t.is_review is review)


def may_send_at(moment: dt.time) -> bool:
    """Never between 21:00 and 07:00: a reminder at 23:00 makes people mute the bot."""
    return QUIET_UNTIL <= moment < QUIET_FROM


@dataclass(frozen=True, slots=True)
class DeadlineFacts:
    """A deadline as the officer reads it (/hanchot and ``troly deadlines list``)."""

    state: str  # "" or "(off)"
    next_date: str  # "Next: Chủ nhật, 28/02/2027 (every year on 28/02)"
    audience: str
    reminders: str  # "Reminders (days before): 14, 7, 3, 1, 0"


def deadline_facts(deadline: Deadline, today: dt.date, _: Translator) -> DeadlineFacts:
    date = deadline.occurrence(today)
    when = (_("every year on {day:02d}/{month:02d}").format(day=deadline.day,
                                                             month=deadline.month)
            if deadline.year is None else "")
    next_date = _("Next: {date}").format(
        date=_.date(date, weekday=True) if date else _("past")) + (f" ({when})" if when else "")
    return DeadlineFacts("" if deadline.active else _("(off)"), next_date,
                         _(AUDIENCE_NAMES[deadline.audience]),
                         _("Reminders (days before): {offsets}").format(
                             offsets=", ".join(map(str, deadline.offsets))))


def describe_deadline(deadline: Deadline, today: dt.date, _: Translator) -> str:
    """One line per deadline, for the command line."""
    facts = deadline_facts(deadline, today, _)
    title = f"#{deadline.id} {deadline.title}" + (f" {facts.state}" if facts.state else "")
    return f"{title} — {facts.next_date}; {facts.audience}; {facts.reminders}"
