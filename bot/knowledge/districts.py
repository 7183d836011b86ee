"""Where a former district lay: the former province a letter's row or class is named by.

Since the 2025 merger a letter names the groups of a merged province by the former provinces
("các xã, phường thuộc tỉnh Hải Dương trước đây"), while a teacher says where they are by the
district they knew ("xã thuộc huyện Gia Lộc cũ"). A reader knows that Gia Lộc was in Hải Dương
and reads that row; so does the engine, from the list of former districts
(``bot.domain.provinces.former_districts``), read in the words a question is read in.
"""

from __future__ import annotations

from functools import cache

from bot.domain.provinces import former_districts
from bot.knowledge.normalize import fold_word, words

_LONGEST = 4  # words of a district's name, at most ("Phan Rang - Tháp Chàm" is said shorter)
# the kind words said before a district's name, folded ("huyện", "thị xã", "thành phố", "tp");
# and "phường", "xã": since the merger a ward or commune often bears the name of the former
# district it lies in ("phường Hải Châu" of the former quận Hải Châu)
_WARDS = (("phuong",), ("xa",))
_KINDS = (("huyen",), ("quan",), ("thi", "xa"), ("thanh", "pho"), ("tp",), ("tx",), *_WARDS)


def _folded(name: str) -> tuple[str, ...]:
    return tuple(f for w in words(name, limit=None) if (f := fold_word(w)))


@cache
def _index() -> dict[tuple[str, ...], frozenset[str]]:
    """A district's folded words → the former provinces it lay in (a name several had, all)."""
    found: dict[tuple[str, ...], set[str]] = {}
    for province, districts in former_districts().items():
        for district in districts:
            found.setdefault(_folded(district), set()).add(province)
    return {name: frozenset(of) for name, of in found.items() if name}


def district_spans(folded: list[str]) -> list[tuple[int, int, frozenset[str]]]:
    """Each span of words naming a former district (first word, past the last), longest
    first where two overlap, with the former provinces it lay in."""
    index = _index()
    found: list[tuple[int, int, frozenset[str]]] = []
    i = 0
    while i < len(folded):
        for size in range(_LONGEST, 0, -1):
            hit = index.get(tuple(folded[i:i + size]))
            if hit is not None and i + size <= len(folded):
                found.append((i, i + size, hit))
                i += size
                break
        else:
            i += 1
    return found


def said_as_place(folded: list[str], start: int, end: int) -> bool:
    """Whether words start..end-1 are said as a place: after its kind word ("huyện Gia Lộc")
    or before "cũ" / "trước đây" ("Chí Linh cũ")."""
    after = folded[end:end + 2]
    return any(tuple(folded[max(0, start - len(k)):start]) == k for k in _KINDS) or (
        after[:1] == ["cu"] or after == ["truoc", "day"])


def province_words(province: str) -> tuple[str, ...]:
    """A former province's name as folded words ("Hải Dương" → ("hai", "duong"))."""
    return _folded(province)


def wards_named_as_districts(folded: list[str]) -> frozenset[int]:
    """Positions of a ward or commune a question names by a former district's name, with its
    kind word ("phường Hải Châu"): where the asker is, which a letter's rows name by the former
    province ("các phường thuộc thành phố Đà Nẵng trước đây")."""
    return frozenset(k for i, j, _ in district_spans(folded) for kind in _WARDS
                     if tuple(folded[max(0, i - len(kind)):i]) == kind
                     for k in range(i - len(kind), j))
