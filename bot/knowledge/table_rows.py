"""Which row of a letter's table a question is about, by the school level or grade it names
and by whether it asks about teachers or managers.

A table lists one row per group of teachers ("Giáo viên tiểu học", "Giáo viên dạy từ lớp 3
đến lớp 5", "Giáo viên THCS tất cả các môn"); a teacher asks for their own row's hours or
dates by their level or the grade they teach ("gv thcs học mấy tiết", "dạy lớp 4 thì học
ngày nào"). The grade says the level too (lớp 1–5 tiểu học, 6–9 THCS, 10–12 THPT), and a row
covering "lớp 3 đến lớp 5" covers lớp 4, though neither writes it.

Rows are split by role as well ("Giáo viên cốt cán THPT" and "Cán bộ quản lý cốt cán THPT"):
a principal is a manager (cán bộ quản lý), so "báo cáo của hiệu trưởng cốt cán THPT" is the
managers' row, though the teachers' row names "Hiệu trưởng" as its approver. A row's group is
read from its label, the first cell, where the table says whom the row is for.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.knowledge.letter_tables import ROW_JOIN
from bot.knowledge.normalize import LEVEL_NAMES, find_levels, fold_word, words

# grades of the 2018 programme by the level that teaches them
_LEVEL_OF_GRADE = {**dict.fromkeys(range(1, 6), "TH"), **dict.fromkeys(range(6, 10), "THCS"),
                   **dict.fromkeys(range(10, 13), "THPT")}
# "lớp 4", "lớp 3 đến lớp 5", "từ lớp 6 tới 9", "lớp 3-5" (read as "lop 3 5")
_GRADES = re.compile(r"\blop (\d{1,2})(?: (?:den|toi) (?:lop )?(\d{1,2})| (\d{1,2}))?\b")
_PRESCHOOL = re.compile(r"\bmam non\b|\bmau giao\b")

# whom a row or a question is about, by the folded words naming the group: principals and
# their deputies, the ban giám hiệu, are the school's managers (cán bộ quản lý)
_ROLE_NAMES = (("GV", ("giao vien",)),
               ("CBQL", ("can bo quan li", "pho hieu truong", "hieu truong", "ban giam hieu")))
_ROLES = tuple((role, re.compile(r"\b(?:" + "|".join(names) + r")\b"))
               for role, names in _ROLE_NAMES)
_APPROVES = "duyet"

Keys = tuple[frozenset[str], frozenset[int], frozenset[str]]  # levels, grades, roles
NO_KEYS: Keys = (frozenset(), frozenset(), frozenset())


def _roles(folded: str) -> frozenset[str]:
    return frozenset(role for role, named in _ROLES if named.search(folded))


@lru_cache(maxsize=4096)
def _asked_roles(question: str) -> tuple[frozenset[str], frozenset[str]]:
    """The group a question asks about, and the index terms of the words naming it (see
    ``letter_index.terms``): the group it names with "cốt cán" after it or "của" before it
    ("kế hoạch của cbql cốt cán"), else the only one it names, unless it asks who approves
    (a principal named beside "duyệt" may be the approver, not the group asked about)."""
    accented = words(question)
    folded = [fold_word(w) for w in accented]
    mentions: list[tuple[str, int, int]] = []  # role, first word, past the last
    i = 0
    while i < len(folded):
        found = next(((role, i, i + len(name.split())) for role, names in _ROLE_NAMES
                      for name in names if folded[i:i + len(name.split())] == name.split()),
                     None)
        if found:
            mentions.append(found)
        i = found[2] if found else i + 1
    subjects = {role for role, i, j in mentions
                if folded[j:j + 2] == ["cot", "can"] or (i and folded[i - 1] == "cua")}
    named = {role for role, _, _ in mentions}
    if len(subjects) != 1 and (subjects or len(named) != 1 or _APPROVES in folded):
        return frozenset(), frozenset()
    role = next(iter(subjects or named))
    return frozenset({role}), frozenset(t for r, i, j in mentions if r == role
                                        for t in _terms_of(accented, folded, i, j))


def _terms_of(accented: list[str], folded: list[str], i: int, j: int) -> set[str]:
    """The index terms of words i..j-1 (see ``letter_index.terms``)."""
    return {*folded[i:j], *("'" + accented[k] for k in range(i, j) if accented[k] != folded[k]),
            *(f"{folded[k]} {folded[k + 1]}" for k in range(i, j - 1))}


_LEVEL_WORDS = tuple(name.split() for name in (*LEVEL_NAMES, "mam non"))
_LEVEL_CUES = frozenset({"truong", "cap", "bac"})


@lru_cache(maxsize=4096)
def _level_terms(question: str) -> frozenset[str]:
    """The index terms of the word before a level that says it is one ("trường" in "trường
    th", "cấp" in "cấp thcs"), with the pair it forms with the level."""
    accented = words(question)
    folded = [fold_word(w) for w in accented]
    return frozenset(t for i, word in enumerate(folded) if word in _LEVEL_CUES and any(
        folded[i + 1:i + 1 + len(name)] == name for name in _LEVEL_WORDS)
        for t in _terms_of(accented, folded, i, i + 2))


def said_by_row(question: str, asked: Keys, row: str) -> frozenset[str]:
    """The index terms of the words a question names its group and level with ("hiệu
    trưởng", "trường tiểu học") that a row for that group and level says in its own words
    ("Cán bộ quản lý cốt cán tiểu học, THCS"): the row covers them."""
    levels, _, roles = asked
    row_levels, _, row_roles = row_keys(row)
    said = _asked_roles(question)[1] if roles & row_roles else frozenset()
    return said | _level_terms(question) if levels & row_levels else said


def _keys(folded: str, roles: frozenset[str] = frozenset()) -> Keys:
    grades: set[int] = set()
    for found in _GRADES.finditer(folded):
        first = int(found.group(1))
        last = int(found.group(2) or found.group(3) or first)
        if 1 <= first <= last <= 12:
            grades.update(range(first, last + 1))
    levels = find_levels(folded.split()) | {_LEVEL_OF_GRADE[g] for g in grades}
    if _PRESCHOOL.search(folded):
        levels.add("MN")
    return frozenset(levels), frozenset(grades), roles


def question_keys(question: str) -> Keys:
    """The levels, grades and group a question names ("lớp 4" names tiểu học too)."""
    return _keys(" ".join(fold_word(w) for w in words(question)), _asked_roles(question)[0])


def _folded(text: str) -> str:
    return " ".join(fold_word(w) for w in words(text, limit=None))


@lru_cache(maxsize=16_384)
def row_keys(row: str) -> Keys:
    """The levels, grades and group a table row is about: its label's, when the label names
    them ("Giáo viên THPT — Người phê duyệt: Hiệu trưởng"), else the whole row's."""
    label = _folded(row.split(ROW_JOIN, 1)[0])
    whole = _folded(row)
    levels, grades, _ = _keys(label)
    if not levels:
        levels, grades, _ = _keys(whole)
    return levels, grades, _roles(label)


def row_fit(asked: Keys, row: str) -> int:
    """How well a row fits the level or grade and the group asked: 1 for each it is the one
    asked (2 when its grades hold the grade asked), 0 it names neither or nothing is asked,
    -1 it is another's in either."""
    levels, grades, roles = asked
    if not (levels or roles):
        return 0
    row_levels, row_grades, row_roles = row_keys(row)
    level = 0
    if grades and row_grades:
        level = 2 if grades & row_grades else -1
    elif levels and row_levels:
        level = 1 if levels & row_levels else -1
    role = (1 if roles & row_roles else -1) if roles and row_roles else 0
    return -1 if min(level, role) < 0 else level + role
