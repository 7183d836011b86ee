"""Two rows of a letter's table asked about together: do their days overlap?

"Em muốn đăng ký cả chuyên đề bóng đá và chuyên đề bóng chuyền có được không?": the letter lets
a teacher take two topics "không trùng thời gian", and its table gives each topic's days. A
reader looks both rows up and compares their dates; the quote shows one row at most. The answer
then says what the comparison gives, each row with its days, and the letter's own sentence on
overlapping days when it has one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from bot.knowledge.day_spans import calendar_day, days_in, shown_day
from bot.knowledge.letter_tables import ROW_JOIN, is_row
from bot.textnorm import fold

# the name proper of a row's label, before its details and its number ("Bóng chuyền: …")
_DETAIL = re.compile(r"[:;]| \((?=[^()]*\)$)")
# "25, 26, 27/01/2027": days listed before the one date that gives their month
_DAYS_LISTED = re.compile(r"((?:\d{1,2}\s*,\s*)+)(\d{1,2})/(\d{1,2})/(\d{4})")
# asking of both at once: "cả A và B", "A với B cùng lúc", "A hay B có trùng không"
_TOGETHER = re.compile(r"(?:^| )(?:va|voi|cung|hoac|hay|lan|kem)(?= |$)")
_ASKS = re.compile(r"(?:^| )(?:duoc khong|duoc ko|duoc k|dc khong|dc ko|dc k|co duoc|co dc|trung|"
                   r"cung luc|dong thoi)(?= |$|\?)")
# the letter's rule on overlapping days: "không được trùng thời gian", "trùng lịch"
_RULE = re.compile(r"\btrung (?:thoi gian|lich|ngay|nhau)\b")


@dataclass(frozen=True, slots=True)
class Overlap:
    """Two rows' names and days ("11/01/2027 - 13/01/2027"), and whether the days meet."""

    first: str
    first_days: str
    second: str
    second_days: str
    shared: bool
    rule: str = ""  # the letter's sentence on overlapping days, if it has one


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text).lower())


def _pairs(text: str) -> set[str]:
    return {f"{a} {b}" for a, b in pairwise(_words(text))}


def _name(row: str) -> str:
    label = row.split(ROW_JOIN, 1)[0]
    number = re.search(r"\(([^()]*\d)\)$", label)
    name = _DETAIL.split(label, 1)[0].strip()
    return f"{name} ({number.group(1)})" if number and number.group(0) not in name else name


# a column of deadlines ("Hạn nộp", "Thời hạn", "Ngày nộp"): a day each row's paper is due
# by, no days the row's people spend, which could overlap
_DUE = re.compile(r"\b(?:han|ngay nop|ngay gui)\b")


def _span(row: str) -> tuple[date, date] | None:
    """The first and last day the first cell holding a date gives; None when that cell is a
    deadline."""
    for cell in row.split(ROW_JOIN, 1)[-1].split("; "):
        if ": " in cell and days_in(cell) and _DUE.search(" ".join(_words(cell.split(": ")[0]))):
            return None
        days: list[date] = []
        for listed in _DAYS_LISTED.finditer(cell):
            month, year = int(listed.group(3)), int(listed.group(4))
            days += [d for n in re.findall(r"\d+", listed.group(1))
                     if (d := calendar_day(year, month, int(n))) is not None]
        dated = days_in(cell)  # a day written without its year takes the cell's last year
        days += days_in(cell, dated[-1].year) if dated else []
        if days:
            return min(days), max(days)
    return None


def _shown(span: tuple[date, date]) -> str:
    first, last = (shown_day(d) for d in span)
    return first if first == last else f"{first} - {last}"


def asks_together(question: str) -> bool:
    """Whether a question may ask of two things at once ("cả A và B … được không"): most do
    not, and their answer's letter is not read again."""
    folded = " ".join(_words(question))
    return bool(_TOGETHER.search(folded) and _ASKS.search(folded))


def overlap(question: str, sentences: list[str]) -> Overlap | None:
    """The two rows of ``sentences`` (a letter's) that ``question`` names and asks of together,
    each named by a word pair (or a word the prose never uses) no other row's name has, with
    whether their days overlap; None
    when it names not two such rows, or either gives no date."""
    if not asks_together(question):
        return None
    rows = [s for s in sentences if is_row(s)]
    # a row's name is its word pairs, and its words the letter's prose never uses ("Vovinam")
    prose = {w for s in sentences if not is_row(s) for w in _words(s)}
    names = [_pairs(name) | (set(_words(name)) - prose)
             for name in (_name(r).rsplit(" (", 1)[0] for r in rows)]
    asked = _pairs(question) | set(_words(question))
    named = [k for k, pairs in enumerate(names)
             if pairs & asked - set().union(*(p for j, p in enumerate(names) if j != k))]
    if len(named) != 2:
        return None
    first, second = (rows[k] for k in named)
    spans = _span(first), _span(second)
    if spans[0] is None or spans[1] is None:
        return None
    shared = max(spans[0][0], spans[1][0]) <= min(spans[0][1], spans[1][1])
    rule = next((s for s in sentences if not is_row(s) and _RULE.search(" ".join(_words(s)))),
                "")
    return Overlap(_name(first), _shown(spans[0]), _name(second), _shown(spans[1]), shared,
                   rule)
