"""A letter's sentence leaving a kind of school out of what it sets up ("Giáo viên trường
trung học phổ thông không thuộc kế hoạch này", "Kế hoạch không áp dụng đối với trường
THPT"): it answers whether a teacher of that kind may take part, though it repeats few of
the question's words (the course, the asker's school, why they want to go)."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.knowledge.normalize import fold_word, words
from bot.knowledge.table_rows import levels_named

# the words that leave someone out, folded: "không thuộc", "không áp dụng", "không được cử"
_LEAVES_OUT = re.compile(
    r"\bkhong (?:thuoc|ap dung|nam trong|la doi tuong|tham gia|"
    r"duoc (?:cu|dang ki|tham gia|hoc|tinh|ap dung))\b")
# "… có đăng ký được không", "có được học không", "có thuộc đối tượng … không"
_MAY = re.compile(r"\b(?:duoc|thuoc|co the|co phai)\b(?: \S+){0,10} (?:khong|chua)\b|"
                  r"\bco duoc\b")


def _folded(text: str) -> str:
    return " ".join(fold_word(w) for w in words(text, limit=None))


def left_out(sentence: str) -> frozenset[str]:
    """The school levels a sentence leaves out ("THPT"), none when it leaves none out."""
    folded = _folded(sentence)
    if _LEAVES_OUT.search(folded) is None:
        return frozenset()
    return levels_named(sentence)


@lru_cache(maxsize=1024)
def asks_may(question: str) -> bool:
    """Whether a question asks if the asker may take part ("… được không"); asked once per
    search, and a question is searched at two thresholds: read once."""
    return _MAY.search(_folded(question)) is not None
