"""The lines of a rule-for-all entry that state one province's rule.

An entry with no province speaks for everyone, yet some carry a line of one Sở's own ("Vướng
mắc về nghiệp vụ ở Bình Phước: Phòng GDTrH …", "• Kiên Giang (2020): đối tượng là …") or a
section per province under its name. Deployed in another province, such a line would send a
teacher to another Sở's office: another province's rule never answers there unless the
question names that province. A province named in brackets ("… (Bình Phước 2/2022)") or in an
italic citation line only says where the rule was read, and stays.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.domain import provinces
from bot.knowledge.normalize import find_provinces, province_runs, words

_TAG = re.compile(r"<[^>]+>")
_BRACKETS = re.compile(r"\([^()]*\)")
_CITATION = re.compile(r"^\s*<i>.*</i>\s*$")


def _named(text: str) -> tuple[frozenset[str], bool]:
    """The provinces (codes today) a line names outside brackets, and whether it leads what
    follows: nothing but their names ("<b>Bình Phước</b>"), or a line ending in a colon."""
    plain = _BRACKETS.sub(" ", _TAG.sub(" ", text))
    accented = words(plain, limit=None)
    _keys, at = find_provinces(accented)
    found = frozenset(p.code for run in province_runs(accented, at)
                      if (p := provinces.province(" ".join(run))))
    return found, (bool(accented) and len(at) == len(accented)) or plain.rstrip().endswith(":")


# what a line is, besides a rule: a lead or heading, an italic citation, a blank line
LEAD, CITATION, BLANK = "lead", "citation", "blank"


@lru_cache(maxsize=4096)
def province_lines(answer: str) -> tuple[tuple[str, frozenset[str] | str], ...]:
    """Each line of an entry's answer with the provinces whose rule it states (empty: a rule
    for all), or what else it is (``LEAD``, ``CITATION``, ``BLANK``). A heading's or a lead's
    province holds for the lines under it, to the next lead or blank line."""
    out: list[tuple[str, frozenset[str] | str]] = []
    section: frozenset[str] = frozenset()
    for line in answer.split("\n"):
        if not line.strip():
            section = frozenset()
            out.append((line, BLANK))
        elif _CITATION.match(line):
            out.append((line, CITATION))
        else:
            named, leads = _named(line)
            if leads:
                section = named
                out.append((line, LEAD))
            else:
                out.append((line, named or section))
    return tuple(out)


@lru_cache(maxsize=4096)
def for_province(answer: str, own: frozenset[str]) -> str | None:
    """The answer without the lines stating the rule of a province not in ``own`` (codes
    today), or None when nothing but leads and citations would remain. A lead whose lines
    all went goes with them."""
    lines = province_lines(answer)
    kept = [(line, said) for line, said in lines
            if isinstance(said, str) or not said or said & own]
    if not any(isinstance(said, frozenset) for _line, said in kept):
        return None
    if len(kept) == len(lines):
        return answer
    shown = [line for k, (line, said) in enumerate(kept) if said != LEAD or (
        k + 1 < len(kept) and isinstance(kept[k + 1][1], frozenset))]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(shown)).strip()


@lru_cache(maxsize=4096)
def spoken_for(answer: str) -> frozenset[str] | None:
    """The provinces an entry's rules are all of, or None when one of its lines is a rule for
    all: "deadlines_overview" lists each province's dates under its name, and nothing of it
    answers for a province it does not list."""
    found: set[str] = set()
    for _line, said in province_lines(answer):
        if isinstance(said, frozenset):
            if not said:
                return None
            found |= said
    return frozenset(found)
