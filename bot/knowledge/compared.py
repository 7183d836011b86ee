"""A question comparing two things ("A và B khác nhau thế nào", "A với B khác gì", "A so với
B thì sao"), parted into one question per side.

No letter states a difference: it states each side's fact, often in two lists of its own (the
teachers' modules, the managers' modules). Asked whole, the message's words fall half on one
list and half on the other, and the answer shows one side only; asked side by side, each finds
its own sentence. What the message says before the first side ("Ở Hà Nội năm 2022, …", "hn:")
is whose case it is, and goes with both sides.
"""

from __future__ import annotations

import re

from bot.knowledge.normalize import fold

# what asks for a difference, folded: "khác nhau thế nào / chỗ nào / ra sao / ở điểm nào",
# "khác gì", "có gì khác (nhau)", "có khác nhau không", "so với … thế nào"; or whether they are
# alike, which is answered by the same two facts: "có giống nhau không"
_ASKS_DIFFERENCE = re.compile(
    r"(?:^|[ ,])(?:(?:thi )?(?:co )?giong nhau(?: (?:khong|ko|k|the nao|ra sao|hoan toan))?|"
    r"(?:thi )?(?:co )?(?:gi )?khac nhau(?: (?:nhu )?(?:the nao|cho nao|o cho nao|"
    r"(?:o )?diem nao|ra sao|gi|nhung gi|o dau|khong|ko|k))?|(?:thi )?(?:co )?khac (?:gi|the nao|"
    r"ra sao|cho nao|nhau)|(?:thi )?co gi khac(?: nhau| biet)?|(?:thi )?(?:co )?(?:su )?khac biet"
    r"(?: (?:gi|the nao|ra sao|nao))?)(?=[ ?.!,]|$)")
# what the question ends with besides the ask: "ạ", "vậy", "v", "nhỉ", a question mark
_TAIL = re.compile(r"^(?:[ ?.!,]|(?<![^ ,])(?:la gi|the nao|ra sao|a|ah|vay|v|nhi|nhe|nha|the|ha|"
                   r"khong|ko)(?=[ ?.!,]|$))*$")
# where the first side ends and the second begins: the last "và", "với", "so với", "và của"
_BETWEEN = re.compile(r" (?:so voi|voi|va|hay) ")
# "A so với B thế nào": the "so với" form asks without "khác"
_SO_VOI = re.compile(r" so voi (.+?) (?:thi )?(?:the nao|ra sao|nhu the nao)(?=[ ?.!,]|$)")
# "A khác B ở chỗ nào": the second side between "khác" and the ask
_KHAC = re.compile(r" khac (.+?) (?:o )?(?:cho nao|diem nao|the nao|ra sao|nhu the nao)"
                   r"(?=[ ?.!,]|$)")
# the words a second side may start with when it only changes whose it is ("… của giáo viên
# và của cán bộ quản lý"): it keeps the first side's head
_WHOSE = ("cua ", "cho ", "doi voi ", "danh cho ", "o ", "tai ")
# "giữa A và B": the first side starts after it
_AMONG = re.compile(r"(?:^| )giua ")
# "sự khác nhau giữa …", "điểm khác nhau giữa …": the noun of the ask, not what is told
_NOUN = re.compile(r"(?:(?:^| )(?:su|diem|nhung|cac))* ?$")
# "A và B cùng học mô đun 1 thì nội dung …": what follows "cùng", "đều" is said of both sides
_BOTH = re.compile(r"(?:^| )(?:cung|deu) ")
_MIN_SIDE = 2  # characters: a side of one letter ("A và B") names nothing to look up


def compared_sides(message: str) -> tuple[str, str] | None:
    """The two questions a comparison asks, each with what the message says before its first
    side; None when the message compares nothing."""
    text = message.strip()
    folded = fold(text.lower())
    if len(folded) != len(text):
        return None  # the folded text must keep the positions of what was typed
    cut = _cut(folded)
    if cut is None:
        return None
    told, first_at, between, second_at, end = cut
    if told is None:
        before, first = _context(text[:between], first_at)
    else:
        before, first = text[:told], text[first_at:between]
    first = first.strip(" ,")
    second = text[second_at:end].strip(" ,")
    if len(first) < _MIN_SIDE or len(second) < _MIN_SIDE:
        return None
    second = _with_head(first, second)
    both = _BOTH.search(fold(second.lower()))
    if both is not None and both.start():  # "A và B cùng học mô đun 1 thì …": said of each
        first = f"{first} {second[both.start():].strip()}"
    return " ".join(f"{before} {first}".split()), " ".join(f"{before} {second}".split())


def _cut(folded: str) -> tuple[int | None, int, int, int, int] | None:
    """Where what the message tells before the sides ends (None: to be found), where the
    first side starts and ends, where the second starts and ends."""
    found = _SO_VOI.search(folded)
    if found and _TAIL.match(folded[found.end():]):
        return None, 0, found.start(), found.start(1), found.end(1)
    asks = list(_ASKS_DIFFERENCE.finditer(folded))
    found = _KHAC.search(folded)
    if not asks and found and _TAIL.match(folded[found.end():]):
        return None, 0, found.start(), found.start(1), found.end(1)
    if not asks:
        return None
    ask = asks[-1]
    start = ask.start() + (folded[ask.start()] in " ,")
    after = folded[ask.end():]
    if _TAIL.match(after):  # "A và B khác nhau thế nào", "giữa A và B có gì khác"
        head = folded[:start]
        between = list(_BETWEEN.finditer(head))
        if not between:
            return None
        last = between[-1]
        among = list(_AMONG.finditer(head, 0, last.start()))
        if among:
            return among[-1].start(), among[-1].end(), last.start(), last.end(), start
        return None, 0, last.start(), last.end(), start
    end = ask.end() + len(after) - len(_tail(after))
    amid = _AMONG.match(after)
    if amid:  # "sự khác nhau giữa A và B là gì"
        parted = list(_BETWEEN.finditer(folded, ask.end() + amid.end(), end))
        if not parted:
            return None
        noun = _NOUN.search(folded[:start])
        told = start - (len(noun.group(0)) if noun else 0)
        return told, ask.end() + amid.end(), parted[-1].start(), parted[-1].end(), end
    return None, 0, start, ask.end(), end  # "A khác gì B"


def _tail(text: str) -> str:
    """The longest end of ``text`` that only closes the question ("là gì ạ?")."""
    return next(text[k:] for k in range(len(text) + 1) if _TAIL.match(text[k:]))


def _with_head(first: str, second: str) -> str:
    """The second side with the first side's head when it only says whose the thing is:
    "… của giáo viên và của CBQL", "hạn nộp của trường THCS so với trường THPT"."""
    own, other = fold(first.lower()), fold(second.lower())
    if other.startswith(_WHOSE):
        at = min((i for w in _WHOSE if (i := own.find(" " + w)) > 0), default=-1)
        return f"{first[:at]} {second}" if at > 0 else second
    if any(f" {w}" in f" {other}" for w in _WHOSE):
        return second
    at, word = min(((i, w) for w in _WHOSE if (i := own.find(" " + w)) > 0), default=(-1, ""))
    return f"{first[:at + len(word) + 1]}{second}" if at > 0 else second


def _context(head: str, first_at: int) -> tuple[str, str]:
    """What comes before the first side ("Ở Hà Nội năm 2022, ", "hn: "), kept for both sides,
    and the first side itself."""
    if first_at:
        return head[:first_at], head[first_at:]
    at = max(head.rfind(", "), head.rfind(": "))
    if at < 0:
        return "", head
    return head[:at + 2], head[at + 2:]
