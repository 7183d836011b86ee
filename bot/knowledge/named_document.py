"""The document a question asks about by its number.

"Công văn 5016 của Bộ … ban hành ngày nào, nói về việc gì", "Thông tư 19/2019 quy định gì":
the question's subject is that document, however many of its other words (the Sở that relied
on it, what that Sở's letter was about) an entry summing up the Sở's letter shares. An entry
written about the document itself (its title names the number) answers it. A document cited as
where the asker read a rule ("theo kế hoạch 4082 thì …", "căn cứ công văn …") is not what is
asked about: the rule is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.textnorm import fold

# what a document is called before its number, as typed: in full or short
_KINDS = (r"cong van|cv|ke hoach|kh|thong tu|tt|quyet dinh|qd|nghi quyet|nq|nghi dinh|nd|"
          r"to trinh|chi thi|huong dan|hd")
# "công văn 5016", "cv số 5016", "thông tư 19/2019": a number of three or more digits, or a
# shorter one with its year; not a year by itself
_NAMED = re.compile(rf"(?:^|\s)({_KINDS})\s+(?:so\s+)?(\d{{3,5}}|\d{{1,3}}(?=/(?:19|20)\d\d))"
                    rf"(?![\d.,])")
_CITED = re.compile(r"(?:theo|can cu|tai|dua vao|dua tren)\s*$")


@lru_cache(maxsize=1024)
def documents_asked(question: str) -> frozenset[str]:
    """The numbers of the documents ``question`` asks about (not those it cites as where a
    rule is written)."""
    text = fold(question).lower()
    return frozenset(m.group(2) for m in _NAMED.finditer(text)
                     if not _CITED.search(text[: m.start(1)])
                     and not re.fullmatch(r"(?:19|20)\d\d", m.group(2)))


def names_document(text: str, number: str) -> bool:
    """Whether ``text`` names the document numbered ``number`` ("5016/BGDĐT-GDTrH")."""
    return re.search(rf"(?<![\d.,/]){re.escape(number)}(?![\d.,])", text) is not None
