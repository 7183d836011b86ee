"""Where a rule sends someone, and when that is.

An exception often replaces one part of a course by another the letter sets out elsewhere:
"học viên ốm đau … được học bù cùng Lớp 7", "giáo viên đã có giấy chứng nhận … chỉ làm phần
3". The asker then needs the date of that class or part, which only the class's row ("… — Lớp:
Lớp 7; …; Ngày học: 06/02/2027 - 07/02/2027") or the part's own sentence ("Phần 3 (04 tiết): …
trước ngày 30/4/2027") gives: a reader turns to it, and so does the quote.
"""

from __future__ import annotations

import re

from bot.knowledge.letter_tables import ROW_JOIN, is_row
from bot.knowledge.normalize import fold_word
from bot.textnorm import CAPITALS

_UNIT = r"(Lớp|Cụm|[Pp]hần|Đợt|đợt)\s+(\d{1,2}|[A-Z])(?![\w/])"
# a unit someone is sent to: "cùng Lớp 7", "chỉ làm phần 3", "chuyển sang Đợt 2"
_SENT_TO = re.compile(rf"\b(?:chỉ(?:\s+(?:làm|học|dự|thi))?|cùng|sang|học bù)\s+{_UNIT}")
# a sentence setting a unit out: "Phần 3 (04 tiết): …", "4. Phần 3 …", "Cụm 1 — …"
_SETS_OUT = re.compile(rf"^\s*(?:\d{{1,2}}[.)]\s*|[a-zđ]\)\s*)?{_UNIT}")
# a row about one unit, in a cell of its own: "… — Lớp: Lớp 7; …"
_UNIT_CELL = re.compile(rf"^[^:;]{{1,40}}:\s*{_UNIT}$")
_DATED = re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{4})?\b")
_CLAUSE = re.compile(r"(?<=[.;])\s+")  # "… năm học 2026-2027. Giáo viên …" is one sentence
_LONGEST = 320  # characters of a sentence setting a unit out, at most, to be quoted beside


def _key(kind: str, number: str) -> str:
    return f"{fold_word(kind.lower())} {number.lower()}"


# a place whose class someone is sent to: "học cùng lớp của tỉnh Vĩnh Long trước đây",
# "theo cột khu vực Bắc Ninh cũ", "chuyển sang lớp ở huyện Gia Lâm": a table said column by
# column has a row for it, labelled with that place ("Tỉnh Vĩnh Long trước đây — …")
_NAME = rf"[{CAPITALS}][^\W\d_]*(?:\s+[{CAPITALS}][^\W\d_]*){{0,3}}"
_PLACE = rf"(?:[tT]ỉnh|[hH]uyện|[kK]hu vực|[tT]hành phố|[qQ]uận|[xX]ã|[pP]hường)\s+({_NAME})"
_SENT_PLACE = re.compile(rf"\b(?:cùng|theo|sang)\s+(?:[^\W\d_]+\s+){{0,5}}?{_PLACE}")
_PLACE_ROW = re.compile(rf"^\s*{_PLACE}")
_PART = re.compile(r"[,;.]\s+")  # "…, báo Sở trước ngày 25/12/2026": another part's date


def _place_key(name: str) -> str:
    return "noi " + " ".join(fold_word(w.lower()) for w in name.split())


# a group of people a note sends to another section: "người đã tham gia học phần nâng cao
# theo Mục 4", "giáo viên đã có chứng chỉ thực hiện như quy định tại Mục 5"; "hồ sơ theo Mục
# 2", "(tính theo hồ sơ ở Mục 2)", "không học lại … ở Mục 2" send no one
_PEOPLE = r"(?:[Nn]gười|[Gg]iáo viên|[Hh]ọc viên|[Cc]án bộ|[Tt]rường hợp)"
_SECTION = r"[Mm]ục\s+(\d{1,2}|[IVX]{1,4})(?![\w/.]\w)"
_SENT_SECTION = re.compile(rf"\b{_PEOPLE}\b(?:(?!\bhồ sơ\b|\bkhông\b)[^,;.()])*?\b"
                           rf"(?:theo|tại|ở|như|sang)\s+(?:quy định (?:tại|ở)\s+)?{_SECTION}")


SECTION = "section "  # a numbered section's key ("section 4"), apart from the sums' "muc …"


def _section_key(number: str) -> str:
    return f"{SECTION}{number.lower()}"


def sent_to(sentence: str) -> tuple[str, ...]:
    """The units ("lop 7", "phan 3", "section 4") and places ("noi vinh long") a sentence sends
    someone to, in clauses giving no date of their own: one saying when ("… cùng Cụm 5 vào
    chiều ngày 14/4/2027") needs no other; and the sums it gives as another's ("muc tien an",
    ``alike``)."""
    units = [_key(m.group(1), m.group(2)) for clause in _CLAUSE.split(sentence)
             if not _DATED.search(clause) for m in _SENT_TO.finditer(clause)]
    units += [_section_key(m.group(1)) for clause in _CLAUSE.split(sentence)
              if not _DATED.search(clause) for m in _SENT_SECTION.finditer(clause)]
    places = [_place_key(m.group(1)) for part in _PART.split(sentence)
              if not _DATED.search(part) for m in _SENT_PLACE.finditer(part)]
    return tuple(dict.fromkeys([*units, *places, *alike(sentence)]))


# "được hỗ trợ tiền ăn như giáo viên công lập", "phụ cấp như các học viên khác": a sum given
# as another group's, which the letter states elsewhere ("Sở hỗ trợ tiền ăn 60.000 đồng một
# người …"); a reader turns to it, and so does the quote
_SUM = re.compile(r"\d[\d.,]*\s*(?:đồng|đ\b|nghìn|ngàn|triệu)", re.IGNORECASE)
_MONEY_HEADS = {"tien": "", "phu": "cap", "kinh": "phi"}  # "tiền …", "phụ cấp", "kinh phí"
_AS = re.compile(r"(?:^| )((?:\S+ ){1,3})nhu (?!tren|sau|nhau)")  # the words before "như"


def _money_key(words: str) -> str | None:
    """ "muc tien an" for folded words naming money ("hỗ trợ tiền ăn", "phụ cấp"); None for
    words naming none."""
    tokens = words.split()
    at = next((i for i, t in enumerate(tokens[:-1]) if t in _MONEY_HEADS and (
        not _MONEY_HEADS[t] or tokens[i + 1] == _MONEY_HEADS[t])), None)
    return None if at is None else "muc " + " ".join(tokens[at:at + 2])


def alike(sentence: str) -> tuple[str, ...]:
    """The sums a sentence gives as another group's, stating none itself ("muc tien an" of
    "… được hỗ trợ tiền ăn như giáo viên công lập")."""
    if "như" not in sentence.lower():  # most sentences: read no further
        return ()
    found = []
    for part in _PART.split(sentence):
        if _SUM.search(part):
            continue
        folded = " ".join(fold_word(w) for w in re.findall(r"[^\W_]+", part.lower()))
        found += [key for m in _AS.finditer(folded) if (key := _money_key(m.group(1)))]
    return tuple(found)


def stated_sums(sentences: list[str]) -> dict[str, str]:
    """Each sum the letter states, by the money it is ("muc tien an"), and the clause stating
    it ("Sở hỗ trợ tiền ăn 60.000 đồng một người trong ngày học trực tiếp")."""
    found: dict[str, str] = {}
    for sentence in sentences:
        if is_row(sentence):
            continue
        for clause in re.split(r"(?<=;)\s+", sentence):
            if not _SUM.search(clause):
                continue
            folded = [fold_word(w) for w in re.findall(r"[^\W_]+", clause.lower())]
            for i in range(len(folded) - 1):
                key = _money_key(" ".join(folded[i:i + 2]))
                if key is not None:
                    found.setdefault(key, clause.strip().removesuffix(";"))
    return found


def dated_units(sentences: list[str]) -> dict[str, str]:
    """Each unit the letter sets out with a date, and the words saying when: a row about it,
    shortened to its cells naming the unit or a date; or the sentence setting it out."""
    found: dict[str, str] = {}
    for sentence in sentences:
        if not _DATED.search(sentence):
            continue
        if is_row(sentence):
            label, rest = sentence.split(ROW_JOIN, 1)
            cells = rest.removesuffix(".").split("; ")
            place = _PLACE_ROW.match(label)
            if place:  # a place's column said as a row: when its class is
                kept = [c for c in cells if ": " in c and _DATED.search(c)]
                if kept:
                    found.setdefault(_place_key(place.group(1)),
                                     f"{label}{ROW_JOIN}{'; '.join(kept)}.")
                continue
            named = [m for c in cells if (m := _UNIT_CELL.match(c))]
            head = _SETS_OUT.match(label)
            units = [_key(m.group(1), m.group(2)) for m in named] or (
                [_key(head.group(1), head.group(2))] if head else [])
            if len(units) != 1:
                continue
            kept = [c for c in cells if _UNIT_CELL.match(c) or _DATED.search(c)]
            text = f"{label}{ROW_JOIN}{'; '.join(kept)}." if head else f"{'; '.join(kept)}."
            found.setdefault(units[0], text)
            continue
        head = _SETS_OUT.match(sentence)
        if head and len(sentence) <= _LONGEST:
            found.setdefault(_key(head.group(1), head.group(2)), sentence.strip())
    return found


_HEADED = re.compile(r"^\s*(\d{1,2}|[IVX]{1,4})[.)]\s+\S")  # "4. Học phần nâng cao …"
_CLAUSES = re.compile(r";\s+(?![^(]*\))")  # "; " outside brackets: "(a; b)" is one clause


_SENTENCE = re.compile(rf"(?<=[.!?])\s+(?=[{CAPITALS}])|\n")


def dated_sections(sections: list[tuple[str, str]]) -> dict[str, str]:
    """Each numbered section ("section 4") with a date, by its heading and the clauses of its
    text giving one: "4. Học phần nâng cao …: học 02 chuyên đề (…; …) … đến hết ngày
    31/01/2027, …". A note sending some people to "Mục 4" gives their dates only so."""
    found: dict[str, str] = {}
    for section, text in sections:
        heading, _, body = text.strip().partition("\n")
        head = _HEADED.match(heading)
        if head is None or section.lower() != head.group(1).lower():
            continue
        clauses = [c.strip() for s in _SENTENCE.split(body) if not is_row(s)
                   for c in _CLAUSES.split(s) if _DATED.search(c)]
        if clauses:
            found.setdefault(_section_key(section), f"{heading.rstrip(' .:')}: "
                             f"{' … '.join(clauses[:2])}")
    return found
