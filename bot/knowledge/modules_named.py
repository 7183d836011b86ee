"""Which modules a text names, lists and ranges included.

"Mô-đun 1 đến mô-đun 5 và mô-đun 9", "kế hoạch mô đun 2, 3, 4, 5, 9": a question asking when
or by what date module 6 is taken is about a module none of a Sở's texts name, and a deadline
for "the modules" in general is no answer to it. The word pairs the engine indexes ("dun 2")
see only a list's first number; this reads every one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.textnorm import fold

_MODULE = r"(?:mo\s*-?\s*dun|module|modun|md)\s*-?\s*"
_NUMBER = r"\d{1,2}(?!\d|/)"
# "mô đun 2, 3, 4 và 9", "mô-đun 1 đến mô-đun 5", "md 1-5"
_RUN = re.compile(rf"\b{_MODULE}({_NUMBER}(?:\s*(?:,|và|va|hoặc|hoac|-|–|đến|den|tới|toi)\s*"
                  rf"(?:{_MODULE})?{_NUMBER})*)", re.IGNORECASE)
_RANGE = re.compile(r"(\d{1,2})\s*(?:-|–|đến|den|tới|toi)\s*(?:\D{0,12}?)(\d{1,2})")


@lru_cache(maxsize=4096)
def modules_named(text: str) -> frozenset[int]:
    """The module numbers ``text`` names."""
    found: set[int] = set()
    for run in _RUN.finditer(fold(text).lower()):
        listed = run.group(1)
        found.update(int(n) for n in re.findall(r"\d{1,2}", listed))
        for low, high in _RANGE.findall(listed):
            if int(low) < int(high) <= 20:
                found.update(range(int(low), int(high) + 1))
    return frozenset(found)
