"""Which row of a letter's table a question is about, by the school level or grade it names.

A table lists one row per group of teachers ("Giáo viên tiểu học", "Giáo viên dạy từ lớp 3
đến lớp 5", "Giáo viên THCS tất cả các môn"); a teacher asks for their own row's hours or
dates by their level or the grade they teach ("gv thcs học mấy tiết", "dạy lớp 4 thì học
ngày nào"). The grade says the level too (lớp 1–5 tiểu học, 6–9 THCS, 10–12 THPT), and a row
covering "lớp 3 đến lớp 5" covers lớp 4, though neither writes it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.knowledge.normalize import find_levels, fold_word, words

# grades of the 2018 programme by the level that teaches them
_LEVEL_OF_GRADE = {**dict.fromkeys(range(1, 6), "TH"), **dict.fromkeys(range(6, 10), "THCS"),
                   **dict.fromkeys(range(10, 13), "THPT")}
# "lớp 4", "lớp 3 đến lớp 5", "từ lớp 6 tới 9", "lớp 3-5" (read as "lop 3 5")
_GRADES = re.compile(r"\blop (\d{1,2})(?: (?:den|toi) (?:lop )?(\d{1,2})| (\d{1,2}))?\b")
_PRESCHOOL = re.compile(r"\bmam non\b|\bmau giao\b")

Keys = tuple[frozenset[str], frozenset[int]]
NO_KEYS: Keys = (frozenset(), frozenset())


def _keys(folded: str) -> Keys:
    grades: set[int] = set()
    for found in _GRADES.finditer(folded):
        first = int(found.group(1))
        last = int(found.group(2) or found.group(3) or first)
        if 1 <= first <= last <= 12:
            grades.update(range(first, last + 1))
    levels = find_levels(folded.split()) | {_LEVEL_OF_GRADE[g] for g in grades}
    if _PRESCHOOL.search(folded):
        levels.add("MN")
    return frozenset(levels), frozenset(grades)


def question_keys(question: str) -> Keys:
    """The levels and grades a question names ("lớp 4" names tiểu học too)."""
    return _keys(" ".join(fold_word(w) for w in words(question)))


@lru_cache(maxsize=16_384)
def row_keys(row: str) -> Keys:
    """The levels and grades a table row is about."""
    return _keys(" ".join(fold_word(w) for w in words(row, limit=None)))


def row_fit(asked: Keys, row: str) -> int:
    """How well a row fits the level or grade asked: 2 its grades hold the grade asked, 1 its
    level is the one asked, 0 it names neither or nothing is asked, -1 it is another's."""
    levels, grades = asked
    if not levels:
        return 0
    row_levels, row_grades = row_keys(row)
    if grades and row_grades:
        return 2 if grades & row_grades else -1
    if row_levels:
        return 1 if levels & row_levels else -1
    return 0
