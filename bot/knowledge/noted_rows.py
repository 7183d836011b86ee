"""A note under a letter's table that sends some teachers to another row of it.

A schedule gives one row per level and place; a note after it changes the row for a case: "(2)
Giáo viên … ở các xã thuộc thị xã Kinh Môn trước đây học ở lớp cùng cấp học của thành phố Hải
Phòng trước đây", "(1) … học trực tuyến vào đúng ngày của lớp cùng cấp học thuộc thành phố Hải
Phòng trước đây". The note says whose case it is and to which place's class it sends them; the
date and the venue stand in the row of the asker's level for that place, which a reader looks up
in the table. A note naming levels (mầm non, tiểu học, THCS) is not the case of a teacher of
another level: their row stays the table's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from bot.knowledge.letter_tables import is_row, row_cells
from bot.knowledge.table_rows import SEVERAL, levels_named, row_keys
from bot.textnorm import fold

# "lớp cùng cấp học của thành phố Hải Phòng trước đây", "lớp của cấp học tương ứng tại huyện
# X cũ", "nhóm cùng bậc học ở tỉnh Y trước đây" (folded): the class of the asker's own level,
# of the place named after it
_SAME_LEVEL = re.compile(
    r"\b(?:lop|nhom|cum|diem) (?:hoc )?(?:cung (?:cap|bac)(?: hoc)?|cua (?:cap|bac)(?: hoc)? "
    r"(?:minh|tuong ung)|tuong ung(?: voi cap hoc)?)(?: cua| thuoc| o| tai)? (?:cac )?"
    r"(?:(?:thanh pho|tinh|huyen|thi xa|quan|dia ban|khu vuc) )?"
    r"((?:\w+ ){0,3}?\w+)(?= truoc day| cu\b|[,.;(]|$)")
# a cell saying where a class meets, not whose it is ("Địa điểm: …, phường Hải Dương")
_VENUE = re.compile(r"^(?:dia diem|dia chi|noi hoc|noi to chuc)")


@lru_cache(maxsize=16384)  # asked of every quoted sentence, for every question
def sent_to(sentence: str) -> str | None:
    """The folded name of the place whose class of the same level a note sends its teachers
    to ("hai phong"), or None when it sends to none."""
    hit = _SAME_LEVEL.search(fold(sentence))
    return hit.group(1) if hit else None


def _names(row: str, place: str) -> bool:
    """Whether a row says it is for the place (in a cell saying whose it is, not where it
    meets)."""
    _, cells = row_cells(row)
    return any(f" {place} " in f" {fold(value)} " for cell in cells
               for header, _, value in [cell.partition(": ")] if not _VENUE.match(fold(header)))


def noted_row(note: str, rows: Iterable[str], levels: frozenset[str]) -> str | None:
    """The row a note sends a teacher of ``levels`` to: the row of their level for the place
    it names; None when it sends to none, names levels none of which is theirs, or no single
    row is theirs."""
    place = sent_to(note)
    levels = levels - {SEVERAL}
    if place is None or not levels:
        return None
    said = levels_named(note) - {SEVERAL}
    if said and not said & levels:
        return None
    found = [row for row in rows if is_row(row) and row_keys(row)[0] & levels
             and _names(row, place)]
    return found[0] if len(found) == 1 else None


def not_theirs(note: str, levels: frozenset[str]) -> bool:
    """Whether a note sending teachers to another place's class names levels, none of them
    the asker's: the table's row stands for them."""
    levels = levels - {SEVERAL}
    said = levels_named(note) - {SEVERAL}
    return sent_to(note) is not None and bool(levels) and bool(said) and not said & levels


# where a note's subject (whose case it is) ends: its first verb ("… Kinh Môn trước đây học ở
# lớp …", "… Bạch Long Vĩ không đến lớp …", "… được miễn …")
_CASE_ENDS = re.compile(r"\s(?:học (?:ở|tại|cùng|chung)|không|được|dự|đi học|tham gia|nộp)\s")
_NUMBERED = re.compile(r"^\s*\(\d{1,2}\)\s")  # "(5) …": a numbered note under a table
_NOTE = re.compile(r"^\s*(?:\(\d{1,2}\)|\d{1,2}[.)]|[a-zđ]\)|[-+•*])\s")


def case_of(sentence: str) -> str:
    """The subject of a numbered note, whose case it is ("(2) Giáo viên … ở các xã, phường
    thuộc thành phố Chí Linh và thị xã Kinh Môn trước đây"); empty for a sentence that is no
    note's first."""
    if _NOTE.match(sentence) is None:
        return ""
    end = _CASE_ENDS.search(sentence)
    return sentence[:end.start()] if end else ""


# a class's code, letters and a number together ("MN2", "TH1", "THCS1", "A3")
_CODE = re.compile(r"(?=\w*\d)(?=\w*[^\W\d_])[^\W_]{2,8}")


def asked_codes(question: str) -> frozenset[str]:
    """The class codes a question names ("tôi học lớp MN2"), in capitals."""
    return frozenset(w.upper() for w in re.findall(r"[^\W_]+", question) if _CODE.fullmatch(w))


def row_codes(row: str) -> frozenset[str]:
    """The class codes a row's cells hold ("Lớp: MN2"), in capitals."""
    if not is_row(row):
        return frozenset()
    return frozenset(value.strip().upper() for cell in row_cells(row)[1]
                     if _CODE.fullmatch((value := cell.partition(": ")[2]).strip()))


# "(5) Giáo viên của trung tâm … không nộp kế hoạch bài dạy; nộp …" (folded): what a note's
# case does not do, as the rule it changes says it
_NOT_DOING = re.compile(r"\bkhong (?:phai )?(nop|hoc|du|lam|den|tham gia|viet|gui) "
                        r"((?:\w+ ){0,5}?\w+)(?=\s*[;,.(]|\s+ma\b|$)")


def overridden(note: str, texts: list[str]) -> list[int]:
    """The texts stating the rule a note changes for its case: those saying the very thing it
    says its case does not do ("… không nộp kế hoạch bài dạy" changes "mỗi học viên nộp lên
    hệ thống một kế hoạch bài dạy"). A note is about what it changes, though it does not
    repeat that rule's heading ("Sản phẩm")."""
    if _NUMBERED.match(note) is None:
        return []
    found = _NOT_DOING.search(fold(note))
    if found is None or " " not in found.group(2):  # "không viết nữa" names no paper
        return []
    verb, thing = found.groups()
    rule = re.compile(rf"\b{verb}\b[^.;]{{0,40}}\b{re.escape(thing)}\b")
    return [k for k, text in enumerate(texts) if rule.search(fold(text))
            and _NOTE.match(text) is None]
