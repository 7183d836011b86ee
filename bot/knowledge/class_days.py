"""A class's numbered days turned into dates, and rules counted from a class's opening.

When several classes follow one timetable on different dates, a letter numbers the days ("Ngày
thứ nhất" … "Ngày thứ tư", "ngày học thứ 2") and dates each class in its prose ("Lớp 2 … học từ
ngày 18/01/2027 đến ngày 21/01/2027"). A teacher asking when the live firing is, or on which day
to arrive, needs a date: a reader counts from their own class's first day, and so does the
answer, only when the class's dates leave no doubt (as many days as the timetable numbers, so
no weekend or holiday is skipped). A rule may also count from the opening of a class ("báo
trước ngày khai giảng lớp ít nhất 05 ngày", "chậm nhất 3 ngày trước khi lớp bắt đầu"): the
asker's class's dates are the other half of it (``counts_from_opening``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from bot.textnorm import fold

_ORDINALS = {"nhat": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6, "bay": 7,
             "tam": 8, "chin": 9, "muoi": 10}
# "ngày thứ ba", "ngày học thứ 2", "ngày thứ 3 của lớp"; "thứ Hai" alone is a weekday
_NUMBERED = re.compile(r"\bngay (?:hoc )?thu (" + "|".join(_ORDINALS) + r"|\d{1,2})\b")
# the words of a timetable that numbers its days: no weekday is "thứ nhất"
_NUMBERS_DAYS = re.compile(r"\bngay (?:hoc )?thu (?:nhat|1)\b")
_DAY = r"(\d{1,2})/(\d{1,2})(?:/(\d{4}))?"
# "từ ngày 18/01/2027 đến ngày 21/01/2027", "học 18/01 - 21/01/2027", "từ 18 đến 21/01/2027"
_SPAN = re.compile(rf"\b(?:tu (?:ngay )?)?{_DAY}\s*(?:-|–|den(?: het)?(?: ngay)?)\s*{_DAY}\b")
# "trước ngày khai giảng lớp", "trước khi lớp học bắt đầu", "trước ngày học đầu tiên"
_OPENING = re.compile(r"\btruoc (?:ngay |khi )?(?:(?:lop|khoa|cum|dot) (?:hoc )?)?"
                      r"(?:khai giang|bat dau|ngay (?:hoc )?dau tien|buoi (?:hoc )?dau tien"
                      r"|hoc dau tien)\b")
_LABEL = re.compile(r"(?:Lớp|Cụm|Đợt|Khóa|Khoá)\s+(?:\d{1,2}|[A-Z])\b")


@dataclass(frozen=True, slots=True)
class ClassDay:
    """One numbered day of the asker's class, dated: "Lớp 2" starts on 18/01/2027, so its
    "ngày thứ ba" is 20/01/2027."""

    unit: str  # the class as the letter names it ("Lớp 2")
    start: str  # its first day, dd/mm/yyyy
    day: str  # the day as the letter numbers it ("ngày thứ ba")
    on: str  # its date, dd/mm/yyyy


def _span(sentence: str) -> tuple[date, date] | None:
    """The first and last day of a class a sentence dates, when it gives both."""
    hit = _SPAN.search(fold(sentence))
    if hit is None:
        return None
    d1, m1, y1, d2, m2, y2 = hit.groups()
    if y2 is None:
        return None
    try:
        end = date(int(y2), int(m2), int(d2))
        start = date(int(y1 or y2), int(m1), int(d1))
    except ValueError:
        return None
    if start > end and y1 is None:  # "từ 28/12 đến 02/01/2027": it began the year before
        start = start.replace(year=start.year - 1)
    return (start, end) if start <= end else None


def days_numbered(text: str) -> int:
    """How many days a letter's timetable numbers, the highest it names; 0 when it names no
    "ngày thứ nhất" (then "ngày thứ Hai" is a Monday)."""
    folded = fold(text)
    if _NUMBERS_DAYS.search(folded) is None:
        return 0
    return max(_number(m.group(1)) for m in _NUMBERED.finditer(folded))


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _ORDINALS[word]


def class_days(quoted: str, unit_sentence: str, days: int) -> tuple[ClassDay, ...]:
    """The numbered days ``quoted`` names, dated for the class ``unit_sentence`` sets out, when
    that class lasts exactly the ``days`` the timetable numbers (a longer span skips days no
    one can tell)."""
    span = _span(unit_sentence)
    label = _LABEL.search(unit_sentence)
    if span is None or label is None or not days:
        return ()
    start, end = span
    if (end - start).days + 1 != days:
        return ()
    found: dict[int, str] = {}
    typed = " ".join(quoted.split())  # as ``fold`` spaces it, so that its matches fall on it
    for m in _NUMBERED.finditer(fold(typed)):
        n = _number(m.group(1))
        if 1 <= n <= days:
            found.setdefault(n, typed[m.start():m.end()])
    return tuple(ClassDay(label.group(0), f"{start:%d/%m/%Y}", found[n].lower(),
                          f"{start + timedelta(days=n - 1):%d/%m/%Y}") for n in sorted(found))


def counts_from_opening(sentence: str) -> bool:
    """Whether a sentence counts a time from the opening of a class ("báo trước ngày khai giảng
    lớp ít nhất 05 ngày"): which day that is depends on the asker's class."""
    return _OPENING.search(fold(sentence)) is not None
