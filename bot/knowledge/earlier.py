"""What an entry written from an older letter still adds after a newer letter's answer.

The newest word wins; the older rule follows it, labelled with its year, only when it states the
fact asked for (a phone, a website, a number, an office…) that the new answer lacks, and says
nothing against it. A sentence giving another value of a kind the new answer gives (an older
date for the same deadline, another phone, another office), or a date the newer letter has
already passed, is left out: a teacher on a phone reads one short line, never two rules that
disagree.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.knowledge.asked import values
from bot.telegram_text import visible_text

MAX_CHARS = 220
_KINDS = ("phone", "email", "website", "number", "date", "person")
_SENTENCE = re.compile(r"(?<=[^\d\s][.;!?])\s+")
_CITATION = re.compile(r"^\(?(?:Theo|Nguồn)\b")
_values = lru_cache(maxsize=16_384)(values)  # the same sentences, question after question


def _sentences(answer_html: str) -> list[str]:
    """The entry's sentences, bullets and all, without its own "Theo Công văn …" line."""
    text = visible_text(answer_html)  # entries are checked Telegram HTML when loaded
    found = []
    for line in text.splitlines():
        line = line.strip().lstrip("•-–+* ").strip()
        if line and not _CITATION.match(line):  # nor a list's lead-in, nor half a sentence
            found += [s for s in map(str.strip, _SENTENCE.split(line))
                      if s and (s[0].isupper() or s[0].isdigit()) and not s.endswith(":")]
    return found


def _passed(date: tuple[int, int, int], newer: tuple[int, int, int]) -> bool:
    """A date of the older rule that the newer letter has passed (or one without its year)."""
    return not date[0] or date < newer


def earlier_facts(entry_answer: str, new_answer: str, newer_day: tuple[int, int, int],
                  asked: str | None) -> str:
    """The older entry's sentences (at most two, MAX_CHARS) that give the kind of value the
    question asks for (``asked``: a phone, a website…) when the new answer gives none, and
    contradict nothing it gives; "" when nothing does."""
    if asked not in _KINDS:
        return ""
    given = {kind: _values(kind, new_answer) for kind in _KINDS}
    if given[asked]:
        return ""
    chosen: list[str] = []
    size = 0
    for sentence in _sentences(entry_answer):
        adds = against = False
        for kind in _KINDS:
            stated = _values(kind, sentence)
            if not stated:
                continue
            if given[kind]:
                against = against or bool(stated - given[kind])
            else:
                adds = adds or kind == asked
            if kind == "date":
                against = against or any(_passed(d, newer_day) for d in map(_day, stated))
        if adds and not against and size + len(sentence) <= MAX_CHARS:
            chosen.append(sentence)
            size += len(sentence) + 1
            if len(chosen) == 2:
                break
    return " ".join(chosen)


def _day(value: str) -> tuple[int, int, int]:
    parts = [int(p) for p in value.split("/")]
    return (parts[2] if len(parts) > 2 else 0), parts[1], parts[0]
