"""A total, a sum or a difference a question asks of the rows of a letter's table of figures.

A quota table gives one row per group ("Các xã thuộc huyện A, B trước đây — Giáo viên Toán:
10; Giáo viên Văn: 8; Cộng: 18") and often a "Tổng cộng" row. "Cả tỉnh tổng số giáo viên Toán
và Văn là bao nhiêu" is answered by that total row, which the quote of the first rows never
shows; "nhóm A, B và nhóm C, D cộng lại được bao nhiêu", "nhóm A nhiều hơn nhóm C bao nhiêu
người (tính cả hai môn)" by the two rows the question names, added or subtracted. A row is
named as ``row_overlap`` names it: by a word pair of its label no other row's label has ("An
Lão", "Kông Chro"). A column is the one the question names ("giáo viên Toán"), else the
table's own total column ("Cộng", "Tổng"), else every figure of the row added up.

Nothing here is a figure of its own: each part is a cell the letter prints, and the working is
returned so that the message shows it for the reader to check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from bot.knowledge.letter_tables import is_row, row_cells
from bot.textnorm import fold

_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{3})*$|^\d+$")
_ASKS_NUMBER = re.compile(r"(?:^| )(?:bao nhieu|may|bn|bnhieu)(?= |$)")
_DIFFERENCE = re.compile(r"(?:^| )(?:nhieu hon|it hon|dong hon|chenh lech|chenh nhau|hon kem|"
                         r"kem hon)(?= |$)")
_SUM = re.compile(r"(?:^| )(?:cong lai|cong ca|cong voi|gop lai|gop ca|tong cong|tong so|"
                  r"tong la|ca hai nhom|hai nhom)(?= |$)")
# asked of the whole table: "tổng số … cả tỉnh", "toàn tỉnh tất cả bao nhiêu"
_WHOLE = re.compile(r"(?:^| )(?:tong cong|tong so|tong|ca tinh|toan tinh|tat ca|toan bo)(?= |$)")
# a row or a column that is the table's own total: "Tổng cộng", "Cộng", "Tổng số"
_TOTAL_NAME = re.compile(r"^(?:tong cong|cong|tong|tong so|cong so)$")
# "tính cả hai môn", "cả hai loại": every column, i.e. the total column
_BOTH_COLUMNS = re.compile(r"(?:^| )ca (?:hai|ba|bon) (?:mon|loai|cot|nhom)(?= |$)")
# what the question counts, as it would type it: the working ends with it ("= 28 người")
_NOUNS = {"nguoi": "người", "giao vien": "giáo viên", "hoc vien": "học viên",
          "truong": "trường", "lop": "lớp"}
_SHORT = 6  # words of a row's label shown in the working


@dataclass(frozen=True, slots=True)
class RowSum:
    """The figures of the rows asked, each with its row's short name, and what they give.

    ``rows`` are the row sentences to quote. With no working (``parts`` empty) the table's own
    total row answers: ``result`` is its figure."""

    parts: tuple[tuple[int, str], ...]
    result: int
    difference: bool
    rows: tuple[str, ...]
    noun: str = ""


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text).lower())


def _pairs(words: list[str]) -> set[str]:
    return {f"{a} {b}" for a, b in pairwise(words)}


def _figure(value: str) -> int | None:
    value = value.strip().rstrip(".")
    return int(value.replace(".", "")) if _NUMBER.match(value) else None


Table = tuple[tuple[str, dict[str, int]], ...]


def tables(sentences: list[str]) -> tuple[Table, ...]:
    """Runs of rows with the same column headers, each row as (sentence, header → figure);
    a row with no figure ends a run. Read once per letter (``letter_index._Read``): each
    question asking a total reads every loaded letter's."""
    found: list[Table] = []
    run: list[tuple[str, dict[str, int]]] = []
    for sentence in sentences:
        figures: dict[str, int] = {}
        if is_row(sentence):
            for cell in row_cells(sentence)[1]:
                header, _, value = cell.partition(": ")
                figure = _figure(value)
                if figure is not None:
                    figures[header.strip()] = figure
        if figures and run and figures.keys() == run[-1][1].keys():
            run.append((sentence, figures))
            continue
        if len(run) >= 2:
            found.append(tuple(run))
        run = [(sentence, figures)] if figures else []
    if len(run) >= 2:
        found.append(tuple(run))
    return tuple(found)


def _is_total(sentence: str) -> bool:
    return _TOTAL_NAME.match(" ".join(_words(row_cells(sentence)[0]))) is not None


def _named_rows(asked: list[str], rows: list[str]) -> dict[int, set[str]]:
    """The rows the question names by a pair of their label's words no other row has, in the
    order the question names them, each with the pairs it is named by."""
    names = [_pairs(_words(row_cells(r)[0])) for r in rows]
    asked_pairs = [f"{a} {b}" for a, b in pairwise(asked)]
    first: dict[int, int] = {}
    said: dict[int, set[str]] = {}
    for k, pairs in enumerate(names):
        own = pairs - set().union(*(p for j, p in enumerate(names) if j != k))
        at = [i for i, pair in enumerate(asked_pairs) if pair in own]
        if at:
            first[k], said[k] = at[0], {asked_pairs[i] for i in at}
    return {k: said[k] for k in sorted(first, key=first.__getitem__)}


def _columns(asked: list[str], headers: list[str]) -> list[str]:
    """The columns to read: the one(s) the question names by words no other header has, else
    the table's total column, else every column."""
    total = [h for h in headers if _TOTAL_NAME.match(" ".join(_words(h)))]
    plain = [h for h in headers if h not in total]
    text = f" {' '.join(asked)} "
    named = []
    for header in plain:
        own = set(_words(header)) - {w for h in plain if h != header for w in _words(h)}
        if own and all(f" {w} " in text for w in own):
            named.append(header)
    if len(named) == 1 and not _BOTH_COLUMNS.search(text.strip()):
        return named
    return total[:1] or plain


def _noun(asked: list[str]) -> str:
    text = " ".join(asked)
    for noun in _NOUNS:
        if re.search(rf"(?:bao nhieu|may|bn) {noun}(?= |$)", text):
            return _NOUNS[noun]
    return ""


def _short(sentence: str, named_by: set[str]) -> str:
    """A few words of the row's label from the first pair the question names it by ("An
    Nhơn, thị xã Hoài Nhơn …"): its first words are often every row's ("Các xã thuộc")."""
    label = row_cells(sentence)[0].split()
    folded = [" ".join(_words(word)) for word in label]
    start = next((i for i, (a, b) in enumerate(pairwise(folded)) if f"{a} {b}" in named_by), 0)
    shown = label[start : start + _SHORT]
    more = " …" if start + _SHORT < len(label) else ""
    return ("… " if start else "") + " ".join(shown).rstrip(",;") + more


@lru_cache(maxsize=1024)
def asks_rows(question: str) -> bool:
    """Whether ``question`` asks a number and a total or a difference: only then are the
    letters' tables read (``rows_summed``)."""
    text = " ".join(_words(question))
    return bool(_ASKS_NUMBER.search(text) and (
        _DIFFERENCE.search(text) or _SUM.search(text) or _WHOLE.search(text)))


def rows_summed(question: str, tables: tuple[Table, ...]) -> RowSum | None:
    """The total, sum or difference ``question`` asks of one of a letter's ``tables``
    (``tables``); None when it asks none, or names no rows or columns the table has."""
    if not asks_rows(question):
        return None
    asked = _words(question)
    difference = _DIFFERENCE.search(" ".join(asked)) is not None
    for table in tables:
        rows = [sentence for sentence, _ in table]
        headers = list(table[0][1])
        columns = _columns(asked, headers)
        named_by = _named_rows(asked, rows)
        named = [k for k in named_by if not _is_total(rows[k])]
        if (difference and len(named) != 2) or (not difference and len(named) == 1):
            continue
        if not named:  # the whole table: its own total row, when the question names a column
            totals = [k for k, r in enumerate(rows) if _is_total(r)]
            said = set(asked)
            if difference or len(totals) != 1 or not any(
                    set(_words(h)) - {"giao", "vien"} <= said for h in headers
                    if not _TOTAL_NAME.match(" ".join(_words(h)))):
                continue
            k = totals[0]
            figure = sum(table[k][1][c] for c in columns)
            return RowSum((), figure, False, (rows[k],), _noun(asked))
        figures = [sum(table[k][1][c] for c in columns) for k in named]
        parts = tuple(zip(figures, (_short(rows[k], named_by[k]) for k in named), strict=True))
        if difference:
            big, small = sorted(parts, key=lambda p: -p[0])
            return RowSum((big, small), big[0] - small[0], True,
                          tuple(rows[k] for k in named), _noun(asked))
        return RowSum(parts, sum(figures), False, tuple(rows[k] for k in named), _noun(asked))
    return None
