"""What a table's row of marks adds up to, by the letter's own rule for each marked unit.

A letter may say what each group must study by marks ("x", "✓") in a row whose columns are the
units (modules, topics), and elsewhere what one unit counts for ("mỗi mô-đun hoàn thành được
ghi 10 tiết bồi dưỡng thường xuyên"). Asked "học xong các mô-đun thì được tính bao nhiêu tiết",
a reader counts the marks in their own row and adds each unit's periods. This does the same
from the row the answer quotes and the letter's rule, and gives the working for the teacher to
check (``figures.Worked``): every part is a figure the letter prints, never a guess. A quote of
several marked rows (whose would it be?) or a letter with no such rule gives nothing.
"""

from __future__ import annotations

import re

from bot.knowledge.asked import counted_as_typed
from bot.knowledge.figures import Worked
from bot.knowledge.letter_tables import ROW_JOIN, is_row, row_cells
from bot.knowledge.normalize import fold_word, words

# what a table writes in a cell to say "yes, this one": a cross, a tick, a plus
_MARKS = frozenset({"x", "X", "✓", "✔", "√", "+", "☑", "✗"})
# a column's unit and its number or letter, at the end of its header ("Mô-đun phải học -
# Mô-đun 3", "Chuyên đề B")
_UNIT = re.compile(r"^(\D*[^\W\d_])\s*(?:\d{1,2}|(?<=\s)[A-Z])$")
_RULE_REACH = 14  # words from "mỗi <unit>" to the figure it is worth, at most


def marked_units(row: str) -> tuple[str, list[str]]:
    """The unit a row of marks counts ("Mô-đun") and the headers of its marked cells
    ("Mô-đun 1", "Mô-đun 2" …); ("", []) for a row of other values, or of several units."""
    if not is_row(row):
        return "", []
    headers = [cell.rpartition(": ")[0] for cell in row_cells(row)[1]
               if cell.rpartition(": ")[2].strip() in _MARKS]
    named = [header.rsplit(" - ", 1)[-1].strip() for header in headers]
    units = [found.group(1).strip() for name in named if (found := _UNIT.search(name))]
    if not units or len(units) != len(named) or len({u.lower() for u in units}) != 1:
        return "", []
    return units[0], named


def worth_of_each(letter_text: str, unit: str, noun: str) -> int | None:
    """The figure of ``noun`` the letter gives each ``unit`` ("mỗi mô-đun … 10 tiết"), the
    same wherever it says it; None when it gives none, or two."""
    folded = [fold_word(w) for w in words(letter_text, limit=None)]
    unit_words = [fold_word(w) for w in words(unit)]
    found: set[int] = set()
    for i, word in enumerate(folded):
        if word != "moi" or folded[i + 1:i + 1 + len(unit_words)] != unit_words:
            continue
        for k in range(i + 1 + len(unit_words), min(len(folded) - 1, i + _RULE_REACH)):
            if folded[k].isdigit() and folded[k + 1] == noun:
                found.add(int(folded[k]))
                break
    return found.pop() if len(found) == 1 else None


def marked_total(question: str, quoted: str, letter_text: str) -> Worked | None:
    """The total of what ``question`` counts ("bao nhiêu tiết") over the marked units of the
    one row of marks ``quoted`` holds, each worth what the letter says one unit is."""
    typed = counted_as_typed(question)
    if not typed:
        return None
    rows = [line for line in quoted.splitlines() if ROW_JOIN in line
            and marked_units(line)[1]]
    if len(rows) != 1:
        return None
    unit, marked = marked_units(rows[0])
    each = worth_of_each(letter_text, unit, fold_word(typed))
    if each is None:
        return None
    return Worked(False, tuple((each, "", "", name) for name in marked), each * len(marked),
                  "", typed)
