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
from bot.textnorm import fold

# grades of the 2018 programme by the level that teaches them
_LEVEL_OF_GRADE = {**dict.fromkeys(range(1, 6), "TH"), **dict.fromkeys(range(6, 10), "THCS"),
                   **dict.fromkeys(range(10, 13), "THPT")}
# "lớp 4", "lớp 3 đến lớp 5", "từ lớp 6 tới 9", "lớp 3-5" (read as "lop 3 5")
_GRADES = re.compile(r"\blop (\d{1,2})(?: (?:den|toi) (?:lop )?(\d{1,2})| (\d{1,2}))?\b")
_PRESCHOOL = re.compile(r"\bmam non\b|\bmau giao\b")
# a school teaching several levels, as a letter names the kind ("trường có nhiều cấp học",
# "trường liên cấp") and a question names one ("trường THCS và THPT", ``_SCHOOL_OF_LEVELS``)
SEVERAL = "several levels"
_SEVERAL_LEVELS = re.compile(r"\b(?:nhieu cap hoc|lien cap)\b")
# one who moved from one level to another ("giáo viên mầm non chuyển sang dạy tiểu học", "hiệu
# trưởng THCS được chuyển về làm hiệu trưởng trường tiểu học"): a table may give such people a
# row of their own, written by the two levels or as "chuyển sang … cấp học khác" (``ANOTHER``)
MOVED = "moved level"
ANOTHER = "another level"
_MOVING = re.compile(r"\b(?:(?:luan )?chuyen (?:tu|sang|len|xuong|ve|qua|giua|cap)|dieu dong)\b")
_ANOTHER_LEVEL = re.compile(r"\b(?:(?:cap|bac) (?:hoc )?(?:pho thong )?khac|khac (?:cap|bac))\b")
_MARKS = frozenset({SEVERAL, MOVED, ANOTHER})  # not levels: what a group of levels is

# whom a row or a question is about, by the folded words naming the group: principals and
# their deputies, the ban giám hiệu, are the school's managers (cán bộ quản lý). A table that
# gives the principal and the deputy rows of their own ("Hiệu trưởng trường THCS", "Phó hiệu
# trưởng trường THCS") tells them apart; a managers' row ("Cán bộ quản lý …") is for both.
# Checked in this order at each word: "phó hiệu trưởng" is no "hiệu trưởng".
_ROLE_NAMES = (("GV", ("giao vien",)), ("PHT", ("pho hieu truong",)), ("HT", ("hieu truong",)),
               ("CBQL", ("can bo quan li", "ban giam hieu")))
_MEMBERS = {"GV": frozenset({"GV"}), "PHT": frozenset({"PHT"}), "HT": frozenset({"HT"}),
            "CBQL": frozenset({"HT", "PHT"})}
_ROLES = tuple((role, re.compile(r"(?<!\bpho )\b(?:" + "|".join(names) + r")\b"))
               for role, names in _ROLE_NAMES)
_APPROVES = "duyet"
_APPROVING = frozenset({"duyet", "phe", "ki", "xac"})  # duyệt, phê duyệt, ký, xác nhận
# "do ai duyệt", "đơn vị nào phê duyệt": the approver is what is asked, so the one role the
# question names is whose plan it is ("hiệu trưởng … hạn duyệt" may be the approver asking)
_WHO_APPROVES = re.compile(r"\b(?:ai|nguoi nao|don vi nao|cap nao|phong nao|co quan nao|"
                           r"noi nao)(?: (?:se|duoc|phai))?(?: phe)? duyet\b|"
                           r"\bduyet (?:boi|la) (?:ai|don vi nao|cap nao)\b")
_AUXILIARY = frozenset({"co", "phai", "se", "can", "da", "chua", "dang", "duoc", "thi", "nha",
                        "truong"})  # "hiệu trưởng (nhà trường) có phải duyệt"
# "tôi là phó hiệu trưởng", "em là gv", "mình làm hiệu trưởng": the asker says who they are,
# so the row asked about is theirs, even when the question also asks who approves it
_SELF = frozenset({"toi", "em", "minh", "con"})
# "trường em có một cô giáo …", "tổ tôi có hai thầy": the people of the asker's school, whom
# the asker (a principal, a head of department) asks of; their own post is not the row asked
_STAFF_TOLD = re.compile(r"\b(?:truong|to|khoi|don vi) (?:em|toi|minh) co (?:\w+ )?"
                         r"(?:co giao|thay giao|thay|co|giao vien|nguoi)\b")
_BEING = frozenset({"la", "lam"})

Keys = tuple[frozenset[str], frozenset[int], frozenset[str], frozenset[str]]
# (levels, grades, roles, steps)
NO_KEYS: Keys = (frozenset(), frozenset(), frozenset(), frozenset())

# What a step of a timetable does and to which paper: "Nộp kế hoạch …", "Duyệt kế hoạch của
# giáo viên cốt cán", "Duyệt báo cáo …". Asked "hiệu trưởng duyệt kế hoạch hạn khi nào", the
# reader looks for the step that approves the plan, not the one that submits it (which names
# the peer support in as many words) nor the one approving the report. Folded, as ``words``
# spells them ("nộp" is read "gửi").
_STEPS = re.compile(r"\b(?:gui|duyet|tong hop|danh gia|xac nhan|dang ki|ra soat|nhan xet|"
                    r"cong nhan|ke hoach|bao cao|danh sach|minh chung)\b")


def _steps(folded: str) -> frozenset[str]:
    return frozenset(_STEPS.findall(folded))


# "lập danh sách giáo viên, phó hiệu trưởng dự học": the people a list holds, not whom the
# row is for (the unit drawing it up, in another cell)
_LISTED = re.compile(r"\bdanh sach (?:(?:cua |cac )?(?:giao vien|pho hieu truong|hieu truong|"
                     r"can bo quan li|ban giam hieu)(?: va| hoac)? ?)+")


def _roles(folded: str) -> frozenset[str]:
    folded = _LISTED.sub("danh sach ", folded)
    return frozenset(member for role, named in _ROLES if named.search(folded)
                     for member in _MEMBERS[role])


def _approves(folded: list[str], i: int, j: int) -> bool:
    """Whether the role named at words i..j-1 is said to approve: "hiệu trưởng (phải) duyệt",
    "do hiệu trưởng (nhà trường) phê duyệt"."""
    after = [w for w in folded[j:j + 5] if w not in _AUXILIARY]
    return (bool(after) and after[0] in _APPROVING) or (i > 0 and folded[i - 1] in ("do", "boi")
                                                        and _APPROVES in folded[j:j + 5])


def _appointed(folded: list[str], i: int) -> bool:
    """Whether the role named at word ``i`` is one the asker was appointed to ("được bổ
    nhiệm làm", "bổ nhiệm giữ chức")."""
    before = folded[max(0, i - 4):i]
    while before and before[-1] in ("lam", "giu", "chuc", "vu"):
        before.pop()
    return before[-2:] == ["bo", "nhiem"]


def _says_who(folded: list[str], i: int) -> bool:
    """Whether the role named at word ``i`` is the asker's own ("tôi là", "em đang là")."""
    before = [w for w in folded[max(0, i - 4):i] if w not in ("dang", "hien", "cung", "moi")]
    return len(before) >= 2 and before[-1] in _BEING and before[-2] in _SELF


@lru_cache(maxsize=4096)
def _asked_roles(question: str) -> tuple[frozenset[str], frozenset[str]]:
    """The group a question asks about, and the index terms of the words naming it (see
    ``letter_index.terms``): the group it names with "cốt cán" after it or "của" before it
    ("kế hoạch của cbql cốt cán"), else the only one it names, unless that one approves ("hiệu
    trưởng duyệt kế hoạch", "do hiệu trưởng duyệt": the approver, not the group asked about;
    "phó hiệu trưởng là cốt cán thì kế hoạch do ai duyệt" asks of the deputy's plan)."""
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
    if _STAFF_TOLD.search(" ".join(folded)):
        # "em là phó hiệu trưởng, trường em có một thầy …": the asker asks of their staff
        mentions = [(role, i, j) for role, i, j in mentions if not _says_who(folded, i)]
    # "tôi là giáo viên, mới được bổ nhiệm làm phó hiệu trưởng": the new post is theirs now
    appointed = {role for role, i, _ in mentions if _appointed(folded, i)}
    subjects = appointed if len(appointed) == 1 else {
        role for role, i, j in mentions
        if folded[j:j + 2] == ["cot", "can"] or (i and folded[i - 1] == "cua")
        or _says_who(folded, i)}
    named = {role for role, _, _ in mentions}
    if len(subjects) != 1 and (subjects or len(named) != 1 or any(
            _approves(folded, i, j) for _, i, j in mentions) or (
            _APPROVES in folded and not _WHO_APPROVES.search(" ".join(folded)))):
        return frozenset(), frozenset()
    role = next(iter(subjects or named))
    return _MEMBERS[role], frozenset(t for r, i, j in mentions if r == role
                                     for t in _terms_of(accented, folded, i, j))


_MOVE_REACH = 8  # words from a move's verb to the last level it names, at most
# what one does at a level, said before it: "dạy tiểu học", "làm hiệu trưởng trường THCS"
_AT_LEVEL = frozenset({"day", "lam", "quan", "li"})


@lru_cache(maxsize=4096)
def _moved_terms(question: str) -> frozenset[str]:
    """The index terms of the words a question says a move between levels with: the levels'
    names, the verb and its direction ("chuyển xuống", "chuyển lên"), and what the asker does
    at a level ("dạy", "làm"). A row for such a move ("chuyển sang dạy cấp học khác") says
    them in its own words."""
    accented = words(question)
    folded = [fold_word(w) for w in accented]
    spans = [(i, i + len(name)) for i in range(len(folded)) for name in _LEVEL_WORDS
             if folded[i:i + len(name)] == name]
    for i in range(len(folded) - 1):
        if _MOVING.match(" ".join(folded[i:i + 3])):
            # the move's whole phrase, to the last level it names: "chuyển từ trường tiểu
            # học lên dạy Toán THCS" (a row for any move is for any subject taught after it)
            ends = [j for k, j in spans if i < k <= i + _MOVE_REACH]
            spans.append((i, max(ends, default=i + 3 if folded[i] == "luan" else i + 2)))
    for i, _ in list(spans):
        before = i - 1 if i and folded[i - 1] == "truong" else i
        while before and folded[before - 1] in _AT_LEVEL:
            before -= 1
        spans.append((before, i))
    return frozenset(t for i, j in spans for t in _terms_of(accented, folded, i, j))


def _terms_of(accented: list[str], folded: list[str], i: int, j: int) -> set[str]:
    """The index terms of words i..j-1 (see ``letter_index.terms``)."""
    return {*folded[i:j], *("'" + accented[k] for k in range(i, j) if accented[k] != folded[k]),
            *(f"{folded[k]} {folded[k + 1]}" for k in range(i, j - 1))}


_LEVEL_WORDS = tuple(name.split() for name in (*LEVEL_NAMES, "mam non"))
_LEVEL_CUES = frozenset({"truong", "cap", "bac"})


@lru_cache(maxsize=4096)
def _level_terms(question: str, named: bool = False) -> frozenset[str]:
    """The index terms of the word before a level that says it is one ("trường" in "trường
    th", "cấp" in "cấp thcs"), with the pair it forms with the level; ``named``: of the
    levels' own names instead."""
    accented = words(question)
    folded = [fold_word(w) for w in accented]
    if named:
        return frozenset(t for i in range(len(folded)) for name in _LEVEL_WORDS
                         if folded[i:i + len(name)] == name
                         for t in _terms_of(accented, folded, i, i + len(name)))
    return frozenset(t for i, word in enumerate(folded) if word in _LEVEL_CUES and any(
        folded[i + 1:i + 1 + len(name)] == name for name in _LEVEL_WORDS)
        for t in _terms_of(accented, folded, i, i + 2))


def said_by_row(question: str, asked: Keys, row: str) -> frozenset[str]:
    """The index terms of the words a question names its group and level with ("hiệu
    trưởng", "trường tiểu học") that a row for that group and level says in its own words
    ("Cán bộ quản lý cốt cán tiểu học, THCS"): the row covers them."""
    levels, _, roles, _ = asked
    row_levels, _, row_roles, _ = row_keys(row)
    said = _asked_roles(question)[1] if roles & row_roles else frozenset()
    if MOVED in levels & row_levels and _moved_fit(levels, row_levels) > 0:
        said |= _moved_terms(question)  # "cấp học khác" says both levels, however moved
    return said | _level_terms(question) if levels & row_levels else said


# "của" before a row's label: the label names whose lessons or plan the subject deals with
# ("giáo viên mới dự tiết của người hướng dẫn"), not the one the row is for
_OWNING = "cua"


@lru_cache(maxsize=16_384)
def named_as_owner(question: str, row: str) -> bool:
    """Whether a question names a table row's label (a role: "Người hướng dẫn") only as the
    owner of what another does, after naming that other as its subject ("gv mới phải dự bao
    nhiêu tiết của người hướng dẫn"): the row asked is the subject's, though the label's
    words are in the question. Asked "kế hoạch của người hướng dẫn" with no subject before,
    the label is the row's own."""
    label = [fold_word(w) for w in words(row.partition(ROW_JOIN)[0])]
    folded = [fold_word(w) for w in words(question)]
    size = len(label)
    at = [i for i in range(len(folded) - size + 1) if size and folded[i:i + size] == label]
    return bool(at) and all(i and folded[i - 1] == _OWNING for i in at) and bool(
        _roles(" ".join(folded[:at[0] - 1])) or _SELF & set(folded[:at[0] - 1]))


def _keys(folded: str, roles: frozenset[str] = frozenset(),
          steps: frozenset[str] = frozenset()) -> Keys:
    grades: set[int] = set()
    for found in _GRADES.finditer(folded):
        first = int(found.group(1))
        last = int(found.group(2) or found.group(3) or first)
        if 1 <= first <= last <= 12:
            grades.update(range(first, last + 1))
    levels = find_levels(folded.split()) | {_LEVEL_OF_GRADE[g] for g in grades}
    if _PRESCHOOL.search(folded):
        levels.add("MN")
    if _SEVERAL_LEVELS.search(folded):
        levels.add(SEVERAL)
    another = _ANOTHER_LEVEL.search(folded) is not None
    if _MOVING.search(folded) and (len(levels - _MARKS) >= 2 or another):
        levels |= {MOVED, ANOTHER} if another else {MOVED}
    return frozenset(levels), frozenset(grades), roles, steps


@lru_cache(maxsize=4096)
def levels_named(text: str) -> frozenset[str]:
    """The school levels a text names ("giáo viên trung học phổ thông" names THPT)."""
    return _keys(_folded(text))[0]


def question_keys(question: str) -> Keys:
    """The levels, grades, group and step a question names ("lớp 4" names tiểu học too)."""
    folded = " ".join(fold_word(w) for w in words(question))
    levels, grades, roles, steps = _keys(folded, _asked_roles(question)[0], _steps(folded))
    if _SCHOOL_OF_LEVELS.search(folded):  # a row's "trường tiểu học, THCS" is two kinds
        levels |= {SEVERAL}
    return levels, grades, roles, steps


def _folded(text: str) -> str:
    return " ".join(fold_word(w) for w in words(text, limit=None))


# a cell saying where ("Địa điểm học: Trường THPT Thuận Thành số 1"): the venue's level is
# not whom the row is for, a primary teachers' group may meet at a high school. Nor is the one
# a row's file goes to ("Hồ sơ - Nơi nhận: Hiệu trưởng"): the head of department's row sends
# to the principal, and is no principal's row
_WHERE_CELL = re.compile(r"(?:(?<=; )|(?<= — ))(?:[^:;—]{0,40} - )?(?:Địa điểm|Địa chỉ|Nơi học|"
                         r"Nơi tổ chức|Nơi nhận|Nơi nộp|Nơi gửi|Gửi về|Nộp về)"
                         r"[^:;]{0,40}: [^;]*", re.IGNORECASE)


# a label numbering a class of the course, with the mark of a footnote under the table
_CLASS_NAME = re.compile(r"^\s*Lớp\s+\d{1,2}(?:\s*\(\d{1,2}\)|\s*\*+)?\s*$", re.IGNORECASE)
# the classes of the course a row's label sends its people to, in brackets after whom it names
# ("Huyện Đại Từ, Định Hóa trước đây (Lớp 3)", "Khu vực phía Bắc (Lớp 1, Lớp 2)"): capitalised,
# as the letter names its classes; a grade is whom a row is for, said with its teachers
_CLASS_REFERENCE = re.compile(r"\s*\(Lớp\s+\d{1,2}(?:\s*(?:,|và|-)\s*(?:Lớp\s+)?\d{1,2})*\)")


@lru_cache(maxsize=16_384)
def row_keys(row: str) -> Keys:
    """The levels, grades and group a table row is about: its label's, when the label names
    them ("Giáo viên THPT — Người phê duyệt: Hiệu trưởng"), else the whole row's ("Nộp kế
    hoạch lên hệ thống — Người thực hiện: Giáo viên, cán bộ quản lý cốt cán"). A label that
    only numbers a class of the course ("Lớp 2", "Lớp 3 (2)" with its footnote mark) names
    no grade: whom the class is for stands in its other cells."""
    head, joined, rest = row.partition(ROW_JOIN)
    if _CLASS_REFERENCE.search(head) and not _keys(_folded(_CLASS_REFERENCE.sub("", head)))[0]:
        head = _CLASS_REFERENCE.sub("", head)  # a place's row, sending it to its class
        row = f"{head}{joined}{rest}"
    label = _folded(head)
    if _CLASS_NAME.match(head):
        label, row = "", rest
    whole = _folded(_WHERE_CELL.sub("", row))
    levels, grades, _, _ = _keys(label)
    if not levels:
        levels, grades, _, _ = _keys(whole)
    return levels, grades, _roles(label) or _roles(whole), _steps(label)


def row_fit(asked: Keys, row: str) -> int:
    """How well a row fits the level or grade and the group asked: 1 for each it is the one
    asked (2 when its grades hold the grade asked), 0 it names neither or nothing is asked,
    -1 it is another's in either; and 1 more for the step whose label holds every step word
    the question names ("duyệt", "kế hoạch")."""
    levels, grades, roles, steps = asked
    row_levels, row_grades, row_roles, row_steps = row_keys(row)
    step = int(bool(steps and steps <= row_steps))
    if not (levels or roles):
        return step
    level = 0
    if grades and row_grades:
        level = 2 if grades & row_grades else -1
    elif MOVED in levels & row_levels:
        level = _moved_fit(levels, row_levels)
    elif levels & row_levels:  # "trường THCS và THPT": the row of "nhiều cấp học" first
        level = 2 if SEVERAL in levels & row_levels else 1
    elif levels - _MARKS and row_levels - _MARKS:
        level = -1
    role = (1 if roles & row_roles else -1) if roles and row_roles else 0
    return -1 if min(level, role) < 0 else level + role + step


def _moved_fit(levels: frozenset[str], row_levels: frozenset[str]) -> int:
    """How a row for people who moved between levels fits one who moved: 2 when it names both
    the levels they name ("mầm non" and "tiểu học"), 1 when it is for a move to any other level
    ("cấp học khác", whatever levels its example names), -1 when it names another move."""
    if levels - _MARKS <= row_levels:
        return 2
    return 1 if ANOTHER in row_levels else -1


# the levels in the order a school teaches them: a school teaching several is as high as its last
_ORDER = ("MN", "TH", "THCS", "THPT")
_LEVEL = r"(?:mam non|tieu hoc|thcs|thpt)"
# "trường TH&THCS", "trường tiểu học và trung học cơ sở", "trường liên cấp THCS-THPT": one
# school teaching several levels (normalised, "&" and "-" are gone and the levels folded)
_SCHOOL_OF_LEVELS = re.compile(rf"\btruong (?:pho thong )?(?:lien cap )?(?:nhieu cap (?:hoc )?)?"
                               rf"(?:gom |co )?{_LEVEL}(?: (?:va|voi))? {_LEVEL}"
                               rf"(?:(?: (?:va|voi))? {_LEVEL})?\b")
# a letter's rule placing such a school's people in the group of its highest level ("cán bộ
# quản lý của trường có nhiều cấp học học theo nhóm của cấp học cao nhất")
_HIGHEST = re.compile(r"\b(?:nhieu cap hoc|lien cap)\b.*\bcap (?:hoc )?cao nhat\b")


# a letter's rule treating a principal who is also a subject's cốt cán as a manager ("trường
# hợp hiệu trưởng đồng thời là giáo viên cốt cán …, kế hoạch … được duyệt như của cán bộ quản
# lý cốt cán")
_AS_MANAGER = re.compile(r"\bhieu truong\b.*\bla giao vien cot can\b.*\bnhu (?:cua |doi voi )?"
                         r"can bo quan li\b")
HIGHEST_LEVEL = "highest level"
AS_MANAGER = "as manager"
# a letter's rule placing a school of several levels that has a given level with that level's
# group ("Trường có nhiều cấp học có cấp trung học phổ thông (trường THCS và THPT) học cùng Lớp
# 5 hoặc Lớp 6"): the rule is this prefix and the level
WITH_LEVEL = "with level "
_WITH_LEVEL = re.compile(rf"\b(?:nhieu cap hoc|lien cap)\b (?:co|gom|day) (?:ca )?"
                         rf"(?:cap (?:hoc )?)?({_LEVEL})\b"
                         # where it learns, not where it sends ("… gửi danh sách về Sở")
                         rf"(?!.*\b(?:gui|nop) (?:danh sach|bao cao)\b)")
# words a rule must hold as written, looked for before the sentence is read in full: every
# sentence of every letter is asked, and few state a rule
_RULE_WORDS = re.compile(r"cao nhat|cot can|nhieu cap|lien cap")
_FOLDED_LEVELS = {"mam non": "MN", "tieu hoc": "TH", "thcs": "THCS", "thpt": "THPT"}


def group_rule(sentence: str) -> str | None:
    """Which rule a letter's sentence states on whose row applies: a school of several
    levels goes by its highest (``HIGHEST_LEVEL``), a principal who is also a teacher cốt cán
    is a manager (``AS_MANAGER``); None for a sentence stating neither."""
    if not _RULE_WORDS.search(fold(sentence)):
        return None
    folded = _folded(sentence)
    if _HIGHEST.search(folded):
        return HIGHEST_LEVEL
    if _AS_MANAGER.search(folded):
        return AS_MANAGER
    found = _WITH_LEVEL.search(folded)
    if found:
        return WITH_LEVEL + _FOLDED_LEVELS[found.group(1)]
    return None


def by_rule(rule: str, question: str, asked: Keys) -> Keys:
    """The keys of a question as read by a letter stating ``rule`` (see ``group_rule``)."""
    if rule.startswith(WITH_LEVEL):
        return with_level(rule.removeprefix(WITH_LEVEL), question, asked)
    return highest_level(question, asked) if rule == HIGHEST_LEVEL else \
        as_manager(question, asked)


def as_manager(question: str, asked: Keys) -> Keys:
    """The keys of a question from a principal (or deputy) who is also a teacher cốt cán
    ("tôi là hiệu trưởng, cũng là giáo viên cốt cán môn Toán"), read by a letter that treats
    them as a manager: the managers' rows; otherwise ``asked`` as it is."""
    text = " ".join(fold_word(w) for w in words(question))
    if _MANAGER_SAID.search(text) is None or _TEACHER_SAID.search(text) is None:
        return asked
    return asked[0], asked[1], _MEMBERS["CBQL"], asked[3]


# the asker saying they are both: "tôi là hiệu trưởng …, (cũng / đồng thời) là giáo viên cốt
# cán môn Văn" (a principal named as the approver of a teacher's plan is not one of them)
_MANAGER_SAID = re.compile(r"\b(?:toi|em|minh) (?:dang |hien )?la (?:pho )?hieu truong\b")
_TEACHER_SAID = re.compile(r"\b(?:cung|dong thoi|con|va) la (?:giao vien )?cot can\b")


def with_level(level: str, question: str, asked: Keys) -> Keys:
    """The keys of a question about a school of several levels ("trường THCS và THPT"),
    read by a letter that places such a school having ``level`` with that level's group:
    that level only, when the school has it ("lớp 2" the asker names is no grade then);
    otherwise ``asked`` as it is."""
    found = _SCHOOL_OF_LEVELS.search(" ".join(fold_word(w) for w in words(question)))
    if found is None or level not in find_levels(found.group(0).split()):
        return asked
    return frozenset({level}), frozenset(), asked[2], asked[3]


def highest_level(question: str, asked: Keys) -> Keys:
    """The keys of a question about a school of several levels ("phó hiệu trưởng trường
    TH&THCS"), read by a letter that places such a school in its highest level's group: that
    level only; otherwise ``asked`` as it is."""
    found = _SCHOOL_OF_LEVELS.search(" ".join(fold_word(w) for w in words(question)))
    if found is None:
        return asked
    levels = [level for level in _ORDER if level in find_levels(found.group(0).split())]
    if len(levels) < 2:
        return asked
    return frozenset({levels[-1]}), frozenset(), asked[2], asked[3]

