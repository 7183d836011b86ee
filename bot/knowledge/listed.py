"""Numbered things a text lists: how many in all, and which one list has that another lacks.

"Mỗi giáo viên phải học tổng cộng bao nhiêu mô đun?": the text lists "Mô đun 1: …", "Mô đun
2: …" … "Mô đun 9: …" (or "từ mô đun 1 đến mô đun 5 và mô đun 9") and never says "sáu". "Nộp
kế hoạch cho mô đun nào mà không phải nộp báo cáo cho mô đun đó?": the text gives the plans'
modules (2, 3, 4, 5, 9) and the reports' (2, 3, 4, 5) in two lists, and the one the second
lacks is left to the reader. Both are read here from the answer's own text, the numbers shown
so that the teacher can check them: nothing is a figure of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.knowledge.normalize import clean, expand, fold_word
from bot.textnorm import fold

_TOKEN = re.compile(r"\d+|[^\W\d_]+|[^\w\s]")
# the numbered things counted, folded, as the question and the text name them
_NOUNS = (("mo", "dun"), ("phu", "luc"), ("chuyen", "de"))
_JOINS = frozenset({",", "va", ";"})
_RANGE = frozenset({"den", "-", "toi"})
_STOPS = frozenset({".", ";", "•", "!", "?", ":", "(", ")"})
# what a question must hold, typed any way, to ask either: read before the words are
_MAY_ASK = re.compile(r"(?:bao nhieu|may|bn)\W+(?:mo\W*dun|modu|md|phu luc|pl|chuyen de|cd)|"
                      r"\bnao\W+(?:ma|nhung|lai)\b")
_WORD_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
_COUNT_ASKED = re.compile(r"(?:^| )(?:bao nhieu|may) (mo dun|phu luc|chuyen de)(?= |$)")
# "… cho mô đun nào mà (lại) không phải nộp …": the items of one list the other lacks
_WHICH_NOT = re.compile(r"(?:^| )(mo dun|phu luc|chuyen de) nao (?:ma|nhung|lai ma) (?:lai )?"
                        r"(?:khong|chua)(?= |$)")
_MAX_ITEM = 30  # a module, an appendix, a topic numbered above this is no list item
_LEAST_SHARED = 2  # words a list's label shares with its side of the question, at least


@dataclass(frozen=True, slots=True)
class Listed:
    """What a question asks of numbered things a text lists: ``items`` counted (``only`` is
    empty), or the ``only`` items of the list labelled ``label`` that the list labelled
    ``other`` lacks. ``noun`` is the things' name as the text writes it ("Mô đun")."""

    noun: str
    items: tuple[int, ...]
    label: str = ""
    other: str = ""
    other_items: tuple[int, ...] = ()
    only: tuple[int, ...] = ()


def _read(text: str) -> tuple[list[str], list[str]]:
    """A text's words as written and folded, abbreviations read ("md2": "mô đun 2")."""
    # "mô-đun 4" is "mô đun 4"; a hyphen between numbers ("1-5") stays a range
    words = expand(_TOKEN.findall(_WORD_HYPHEN.sub(" ", clean(text, None))))
    return words, [fold_word(w) for w in words]


@lru_cache(maxsize=1024)
def asks_listed(question: str) -> bool:
    """Whether ``question`` asks how many numbered things there are, or which of one list
    another lacks."""
    plain = fold(question).lower()
    if not _MAY_ASK.search(plain):  # most questions: read no further
        return False
    folded = " ".join(_read(question)[1])
    return bool(_COUNT_ASKED.search(folded) or _WHICH_NOT.search(folded))


def _runs(text: str, noun: tuple[str, ...]) -> list[tuple[list[str], list[int], str]]:
    """Each list of ``noun`` things in the text: the words before it back to the line's or
    the clause's start (its label, as written), its numbers (a range "1 đến 5" read whole),
    the noun as written."""
    runs: list[tuple[list[str], list[int], str]] = []
    width = len(noun)
    for line in clean(text, None).splitlines():
        words, folded = _read(line)
        label: list[str] = []
        joined = False  # the list goes on: "… mô đun 5 và mô đun 9"
        i = 0
        while i < len(folded):
            if tuple(folded[i:i + width]) != noun:
                if folded[i] in _STOPS:
                    label = [] if folded[i] != ":" else label
                elif not (joined and folded[i] in _JOINS):
                    label, joined = [*label, words[i]], False
                i += 1
                continue
            written = " ".join(words[i:i + width])
            j, items = i + width, []
            while j < len(folded) and folded[j].isdigit() and int(folded[j]) <= _MAX_ITEM:
                items.append(int(folded[j]))
                j += 1
                if j + 1 < len(folded) and folded[j] in _RANGE:
                    k = j + 1 + (width if tuple(folded[j + 1:j + 1 + width]) == noun else 0)
                    if k < len(folded) and folded[k].isdigit() and items[-1] < int(
                            folded[k]) <= _MAX_ITEM:
                        items.extend(range(items[-1] + 1, int(folded[k]) + 1))
                        j = k + 1
                if j + 1 < len(folded) and folded[j] in _JOINS and folded[j + 1].isdigit():
                    j += 1
            if items:
                if joined and runs:
                    runs[-1][1].extend(items)
                else:
                    runs.append((label, items, written))
                label, joined = [], j < len(folded) and folded[j] in _JOINS
            i = max(j, i + 1)
    return runs


def listed(question: str, text: str) -> Listed | None:
    """The count, or the items one list lacks, that ``question`` asks of ``text``."""
    folded_question = " ".join(_read(question)[1])
    which = _WHICH_NOT.search(folded_question)
    asked = which or _COUNT_ASKED.search(folded_question)
    if asked is None:
        return None
    noun = tuple(asked.group(1).split())
    runs = _runs(text, noun)
    if not runs:
        return None
    written = runs[0][2]
    if which is None:
        items = sorted({n for _, numbers, _ in runs for n in numbers})
        return Listed(written, tuple(items)) if len(items) >= 2 else None
    return _only(folded_question[:which.start()].split(),
                 folded_question[which.end():].split(), runs, written)


def _only(first: list[str], second: list[str], runs: list[tuple[list[str], list[int], str]],
          written: str) -> Listed | None:
    """The items of the list whose label the question's first side names that the list its
    second side names lacks."""
    def best(side: list[str], but: int = -1) -> int:
        """The list whose label shares most words with ``side``, then holds fewest others."""
        said = set(side)
        scored = [(len(words & said), -len(words - said), k) for k, words in
                  ((k, {fold_word(w) for w in label}) for k, (label, _, _) in enumerate(runs))
                  if k != but]
        found = max(scored, default=(0, 0, -1))
        return found[2] if found[0] >= _LEAST_SHARED else -1
    one = best(first)
    other = best(second, one)
    if one < 0 or other < 0:
        return None
    only = tuple(n for n in runs[one][1] if n not in runs[other][1])
    if not only:
        return None
    return Listed(written, tuple(runs[one][1]), " ".join(runs[one][0]),
                  " ".join(runs[other][0]), tuple(runs[other][1]), only)
