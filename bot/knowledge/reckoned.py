"""Deadlines counted from a date a letter's table gives each group.

A rule may count from a date that differs by group: "đổi người học báo Sở chậm nhất 07 ngày
trước ngày học trực tiếp của lớp", where "Ngày học trực tiếp" is a column of the schedule,
one date per level or place. Asked "báo ngày 20/01 còn kịp không", a reader reads the rule,
then the date of their own row, and counts; the quote gives both, the row cut to that column.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.knowledge.letter_tables import ROW_JOIN, is_row, row_cells
from bot.knowledge.noted_rows import row_codes
from bot.textnorm import fold

_DATE = re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b")
# the words a rule counts from a date with: "trước ngày học …", "sau ngày …", "kể từ ngày …"
_FROM = r"(?:truoc|sau|ke tu|tinh tu)"
_LEAST_WORDS = 2  # words of a column's header, at least: "Ngày học", not "Ngày"

Sentences = list[list[tuple[str, bool]]]


def _headers(sentences: Sentences) -> frozenset[str]:
    """The folded headers of the table columns holding dates ("ngay hoc truc tiep")."""
    found: set[str] = set()
    for parts in sentences:
        for sentence, _ in parts:
            if not is_row(sentence):
                continue
            for cell in row_cells(sentence)[1]:
                header, _, value = cell.partition(": ")
                if value and _DATE.search(value) and len(header.split()) >= _LEAST_WORDS:
                    found.add(fold(header))
    return frozenset(found)


def reckoned_from(sentences: Sentences) -> dict[tuple[int, int], str]:
    """The sentences counting from a date a table column gives ("… 07 ngày trước ngày học
    trực tiếp của lớp"), each with that column's folded header."""
    headers = _headers(sentences)
    if not headers:
        return {}
    pattern = re.compile(rf"\b{_FROM} (" + "|".join(
        re.escape(h) for h in sorted(headers, key=len, reverse=True)) + r")\b")
    found: dict[tuple[int, int], str] = {}
    for j, parts in enumerate(sentences):
        for w, (sentence, _) in enumerate(parts):
            if is_row(sentence):
                continue
            hit = pattern.search(fold(sentence))
            if hit:
                found[j, w] = hit.group(1)
    return found


def own_row(sentences: Sentences, header: str, fit: Callable[[str], int]) -> str | None:
    """The asker's row cut to the column ``header`` ("Thành phố Hồ Chí Minh trước đây (Cấp
    THCS) — Ngày học trực tiếp: 23/01/2027 - 24/01/2027."): of the rows fitting the asker best
    (``fit``, above 0), the first, when they all give the same date; None when no row fits or
    the best give different dates, which the asker's words do not choose between."""
    rows: list[tuple[int, str, str]] = []
    for parts in sentences:
        for sentence, _ in parts:
            if not is_row(sentence):
                continue
            label, cells = row_cells(sentence)
            # the class's code stays with its date ("Lớp: MN2; Ngày học trực tiếp: …")
            codes = [cell for cell in cells if row_codes(f"{label}{ROW_JOIN}{cell}.")]
            for cell in cells:
                name, _, value = cell.partition(": ")
                if value and fold(name) == header:
                    rows.append((fit(sentence), f"{label}{ROW_JOIN}{'; '.join([*codes, cell])}.",
                                 value))
    best = max((n for n, _, _ in rows), default=0)
    if best <= 0:
        return None
    own = [(line, value) for n, line, value in rows if n == best]
    return own[0][0] if len({value for _, value in own}) == 1 else None
