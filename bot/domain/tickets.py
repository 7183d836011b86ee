"""Questions handed to a person: where they go, how many a user may have open, when to nudge.

TH and THCS staff ask their Phòng (or xã/phường); THPT and GDTX staff, Phòng staff and
guests ask the Sở (docs/domain.md, "Người và đơn vị"). Staff are nudged about a question left
unanswered for two working days; Saturdays and Sundays do not count.
"""

from __future__ import annotations

import datetime as dt

from bot.domain.people import Profile, UnitKind

MAX_OPEN_TICKETS = 3
REMIND_AFTER_WORKING_DAYS = 2


def support_unit(profile: Profile | None, so_id: int) -> int:
    """The unit whose staff answer this person's questions."""
    if profile is None:
        return so_id
    if profile.school is not None:
        managing = profile.managing_unit
        if managing is not None and managing.kind is UnitKind.PHONG:
            return managing.id
    return profile.so.id if profile.so is not None else so_id


def add_working_days(start: dt.datetime, days: int) -> dt.datetime:
    """``start`` moved ``days`` working days on (Monday–Friday)."""
    moment = start
    left = days
    while left > 0:
        moment += dt.timedelta(days=1)
        if moment.weekday() < 5:
            left -= 1
    return moment


def reminder_due(created: dt.datetime, now: dt.datetime) -> bool:
    return now >= add_working_days(created, REMIND_AFTER_WORKING_DAYS)
