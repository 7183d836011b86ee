"""The days from a letter's date, or a date the asker types, to the deadline the answer gives.

"Từ ngày ban hành kế hoạch đến hạn nhập dữ liệu còn bao nhiêu ngày?", "hôm nay 20/3 thì còn
mấy ngày nữa đến hạn?": the letter prints its own date and the deadline and never the days
between them, which a teacher would count on a calendar. The start is the date the question
types, else the letter's date when the question counts from its issue ("ngày ban hành",
"ngày ký"); the end is the first date the answer's text sets as a limit ("trước ngày …",
"hạn …", "chậm nhất …"). Either one missing, or more than one date typed, means no line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from bot.knowledge.normalize import clean, expand, fold_word
from bot.textnorm import fold

_TOKEN = re.compile(r"\d+(?:[.,/:-]\d+)*|[^\W\d_]+|[^\w\s]")
_MAY_ASK = re.compile(r"\b(?:bao|may|bn)\b")
_ASKS_DAYS = re.compile(r"(?:^| )(?:bao nhieu|may) ngay(?= |$)")
# counting from the letter's own date: "từ ngày ban hành", "kể từ ngày ký công văn"
_FROM_ISSUE = re.compile(r"(?:^| )(?:ban hanh|ki|ky|phat hanh|ra van ban|ra cong van|"
                         r"ra ke hoach)(?= |$)")
_DATE = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?(?![\d/])")
# the words before a date that make it a limit: "trước ngày", "hạn", "chậm nhất (17 giờ) ngày"
_LIMIT = re.compile(r"(?:truoc|han|cham nhat|den het|han chot)(?: ngay| \d+ gio)*(?: ngay)? *$")


@dataclass(frozen=True, slots=True)
class DaySpan:
    """From ``start`` to ``end`` ("04/12/2020", "14/12/2020"), ``days`` apart; ``issued``
    when the start is the letter's own date."""

    start: str
    end: str
    days: int
    issued: bool


@lru_cache(maxsize=1024)
def asks_days(question: str) -> bool:
    """Whether ``question`` asks how many days lie up to a deadline."""
    folded = fold(question).lower()
    if "ngay" not in folded or not _MAY_ASK.search(folded):  # most questions: read no further
        return False
    return bool(_ASKS_DAYS.search(_read(question)))


def _read(question: str) -> str:
    return " ".join(fold_word(w) for w in expand(_TOKEN.findall(clean(question))))


def day_span(question: str, text: str, letter_date: tuple[int, int, int]) -> DaySpan | None:
    """The days ``question`` asks from its start to the limit ``text`` gives, the letter
    being dated ``letter_date`` (year, month, day; 0 where it gives none)."""
    if not asks_days(question):
        return None
    typed = [m for m in _DATE.finditer(question)]
    if len(typed) > 1:
        return None
    issued = not typed
    if typed:
        d, m, y = typed[0].groups()
        start = _day(int(y or letter_date[0] or 0), int(m), int(d))
    elif _FROM_ISSUE.search(_read(question)) and all(letter_date):
        start = _day(*letter_date)
    else:
        return None
    end = _limit(text, start)
    if start is None or end is None or end < start:
        return None
    return DaySpan(_shown(start), _shown(end), (end - start).days, issued)


def _limit(text: str, start: date | None) -> date | None:
    """The first date ``text`` sets as a limit, in the start's year when it gives none."""
    folded = fold(clean(text, None)).lower()
    for found in _DATE.finditer(folded):
        if not _LIMIT.search(folded[max(0, found.start() - 40):found.start()]):
            continue
        d, m, y = found.groups()
        year = int(y) if y else (start.year if start else 0)
        return _day(year, int(m), int(d))
    return None


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _shown(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"
