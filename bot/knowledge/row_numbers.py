"""A table's rows called by their number in the letter's prose, and by their name in questions.

A letter numbers the rows of its table ("STT | Chuyên đề | …") and its prose then speaks of them
by number only: "nộp kế hoạch tổ chức giải hoặc câu lạc bộ (chuyên đề 1, 2, 4, 5, 8)". A teacher
names the row by what it is ("sản phẩm cuối chuyên đề bóng chuyền là gì"): a reader turns to
the table, sees that volleyball is topic 2, and reads the sentence as speaking of it. So does
the index: a sentence calling rows by number holds their names too (``named_by_number``). The
row itself says its number beside its name ("Bóng chuyền: … (chuyên đề 2) — …",
``letter_tables``), so a question naming the number reaches the row.
"""

from __future__ import annotations

import re

from bot.knowledge.letter_tables import ROW_JOIN, is_row
from bot.textnorm import fold

# the number ``letter_tables`` says at the end of a row's label: "… (chuyên đề 2) — …"
_SAID = re.compile(r"^(?P<name>.+?) \((?P<unit>[^\W\d_][^()\d]{0,20}) (?P<number>\d{1,2})\)$")
# the name proper of a row's label, before what it details: "Bóng chuyền: kỹ thuật …",
# "Luật và trọng tài bóng đá 5 người; tổ chức giải …"
_DETAIL = re.compile(r"[:;(]")
_NUMBERS = r"\d{1,2}(?:\s*(?:,|va|hoac|hay)\s*\d{1,2})*"  # folded


def _key(unit: str, number: str) -> str:
    return f"{fold(unit).lower()} {int(number)}"


def numbered_rows(sentences: list[str]) -> dict[str, str]:
    """Each numbered row's name by what the letter calls it ("chuyen de 2" -> "Bóng chuyền")."""
    found: dict[str, str] = {}
    for sentence in sentences:
        if not is_row(sentence):
            continue
        said = _SAID.match(sentence.split(ROW_JOIN, 1)[0])
        if said:
            name = _DETAIL.split(said["name"], 1)[0].strip()
            found.setdefault(_key(said["unit"], said["number"]), name)
    return found


def named_by_number(sentence: str, rows: dict[str, str]) -> list[str]:
    """The names of the rows a sentence of prose calls by number ("kế hoạch tổ chức giải
    (chuyên đề 1, 2)" -> the names of rows 1 and 2); none for a row, which is about itself."""
    if not rows or is_row(sentence):
        return []
    units = {key.rsplit(" ", 1)[0] for key in rows}
    folded = fold(sentence).lower()
    found: list[str] = []
    for unit in units:
        for m in re.finditer(rf"(?<!\w){re.escape(unit)}s?\s+({_NUMBERS})(?!\s*/|\d)", folded):
            found += [rows[key] for n in re.findall(r"\d+", m.group(1))
                      if (key := f"{unit} {int(n)}") in rows]
    return list(dict.fromkeys(found))
