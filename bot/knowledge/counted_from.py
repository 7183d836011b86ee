"""A date a letter gives only as a count from another: the asker's day, counted.

"Trong vòng 10 ngày kể từ ngày học trực tiếp, mỗi học viên nộp …", "… lùi sang cùng thứ của
tuần kế tiếp": the letter states a rule once for every class, and each class's day stands in its
own row or sentence. A teacher asks for their own date ("lớp MN2 thì hạn nộp là ngày nào", "lớp
ngày 19/01 bị lùi vì bão thì học ngày nào"); a reader takes their day and counts. The answer
shows the count with the letter's lines, so the teacher can check it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from bot.knowledge.day_spans import shown_day
from bot.textnorm import fold

# "trong vòng 10 ngày kể từ ngày …", "chậm nhất 15 ngày sau ngày …", "05 ngày làm việc tính
# từ …" (folded): a day that many days after the asker's
_AFTER = re.compile(r"\b(?:trong vong|trong|cham nhat|sau|trong thoi han) (\d{1,3}) ngay "
                    r"(?:ke tu|tinh tu|sau)(?: khi)? (?:ngay|buoi|khi)\b")
# "… 07 ngày trước ngày học …": that many days before it
_BEFORE = re.compile(r"\b(\d{1,3}) ngay truoc (?:ngay|buoi|khi)\b")
# "lùi sang cùng thứ của tuần kế tiếp", "học bù vào cùng thứ tuần sau": a week later
_NEXT_WEEK = re.compile(r"\bcung thu (?:cua |trong |o )?tuan (?:ke tiep|tiep theo|ke|sau|toi)\b")
# "… kể từ ngày học trực tiếp cuối cùng", "… sau buổi học cuối": counted from the last day
_LAST = re.compile(r"\b(?:cuoi cung|cuoi)\b")
_WEEK = 7


@dataclass(frozen=True, slots=True)
class Counted:
    """The asker's day counted by one of the letter's rules."""

    start: str  # the asker's day, dd/mm/yyyy
    way: str  # AFTER, BEFORE or WEEK
    days: int  # how many days after or before (7 for WEEK)
    on: str  # the day counted, dd/mm/yyyy


AFTER, BEFORE, WEEK = "after", "before", "week"


@lru_cache(maxsize=16384)  # asked of every quoted sentence, for every question
def counts(sentence: str) -> bool:
    """Whether a sentence gives a day only as a count from another."""
    folded = fold(sentence)
    return any(p.search(folded) for p in (_AFTER, _BEFORE, _NEXT_WEEK))


def counted_days(rules: list[str], days: list[date]) -> tuple[Counted, ...]:
    """Each rule of ``rules`` counting from the asker's ``days`` (their class's, first to
    last), counted; nothing without days."""
    if not days:
        return ()
    found: list[Counted] = []
    for rule in rules:
        folded = fold(" ".join(rule.split()))
        start = max(days) if _LAST.search(folded) else min(days)
        for pattern, way in ((_AFTER, AFTER), (_BEFORE, BEFORE), (_NEXT_WEEK, WEEK)):
            hit = pattern.search(folded)
            if hit is None:
                continue
            count = _WEEK if way == WEEK else int(hit.group(1))
            step = timedelta(days=-count if way == BEFORE else count)
            found.append(Counted(shown_day(start), way, count, shown_day(start + step)))
            break
    return tuple(dict.fromkeys(found))
