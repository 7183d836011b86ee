"""Which loaded letter amends which, and which of the older letter's sentences each item of
the newer one changes.

A Sở that changes part of a letter sends a second one ("V/v điều chỉnh một số nội dung Công văn
số 2948/SGDĐT-GDPT"), and keeps both loaded: the newer wins where it speaks, the older still
answers where it is silent. The newer letter is recognised by the older's number named beside a
word of change (sửa đổi, bổ sung, điều chỉnh, thay thế, thay cho…); its items are matched to the
older sentences they change by the old value they name ("thay cho ngày 13/12/2026", "nâng từ
100.000 đồng") or, when they name none, by the older sentence's own words they repeat ("không do
giảng viên chấm nữa" for "giảng viên chấm", "Tổng phụ trách Đội được đăng ký" for "Tổng phụ trách
Đội không thuộc diện cử").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.knowledge.letters import RECIPIENTS, SIGNED, Letter, date_key
from bot.textnorm import fold

# words by which a letter says it changes another, or an item what it changes
_AMENDS = re.compile(r"\b(?:sửa đổi|bổ sung|điều chỉnh|thay thế|thay cho|thay vì|đính chính|"
                     r"bãi bỏ|hủy bỏ|huỷ bỏ)\b", re.IGNORECASE)
_CHANGES = re.compile(r"\b(?:thay cho|thay vì|thay thế|thay bằng|chuyển sang|chuyển thành|"
                      r"chuyển về|kéo dài|gia hạn|lùi|dời|nâng|giảm|tăng|điều chỉnh|sửa|đổi|"
                      r"bỏ|không tổ chức|hủy|huỷ|nữa)\b", re.IGNORECASE)
_NOT = re.compile(r"\b(?:không|chưa)\b", re.IGNORECASE)
_CLAUSE = re.compile(r"(?<=[.;])\s+")
_BASIS = re.compile(r"\s*(?:căn cứ|thực hiện)\b", re.IGNORECASE)
_OPENING = 5  # passages, at most, before a letter has said which letter it amends
# the values an item may name as the old one: a date, a sum, a count of days or periods
_VALUE = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])|"
                    r"(?<![\d.])(\d{1,3}(?:\.\d{3})+)\s*(?:đồng|đ)\b|"
                    r"(?<![\d/.])(\d{1,3})\s+(ngày|tiết|buổi|giờ|lần|tuần|tháng)\b",
                    re.IGNORECASE)
# a phone number or an e-mail address: an item naming only ones the older letter gives
# restates whom to ask
_REACHED = re.compile(r"\b\d{3,4}[. ]?\d{3}[. ]?\d{3,4}\b|[\w.-]+@[\w.-]+\w")
# of an item's sentence without an old value, the share of its distinctive word pairs (or of
# the older sentence's, if shorter) the older sentence holds to be the one it changes
_SAME_RULE = 0.35
_SHARED_PAIRS = 3  # and at least this many of them


def _values(sentence: str) -> frozenset[str]:
    """The dates, sums and counts a sentence names, written alike ("9/1/2027", "07 ngày")."""
    found: set[str] = set()
    for m in _VALUE.finditer(sentence):
        if m.group(1):
            found.add(f"{int(m.group(1))}/{int(m.group(2))}/{m.group(3)}")
        elif m.group(4):
            found.add(m.group(4) + " đồng")
        else:
            found.add(f"{int(m.group(5))} {fold(m.group(6))}")
    return frozenset(found)


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", fold(text))


def _amending_lines(letter: Letter) -> tuple[bool, list[str]]:
    """Whether a letter's subject says it changes something ("V/v điều chỉnh thời gian …"),
    and its subject's and opening passages' clauses, squeezed (``_squeezed``), that name
    another letter, with whether each says a word of change. A clause citing what a letter
    is based on ("căn cứ Kế hoạch số … (bản điều chỉnh năm 2026)") changes nothing."""
    said = [letter.meta.subject,
            *(line for p in letter.passages[:_OPENING] for line in p.text.split("\n"))]
    clauses = [c for line in said for c in _CLAUSE.split(line)
               if "/" in c and not _BASIS.match(c)]
    return bool(_AMENDS.search(letter.meta.subject)), [
        ("+" if _AMENDS.search(c) else "-") + _squeezed(c) for c in clauses]


def _amends(newer: Letter, said: tuple[bool, list[str]], older: Letter) -> bool:
    number = _squeezed(older.meta.number)
    changing, clauses = said
    return (number[:1].isdigit() and "/" in number and newer is not older
            and date_key(newer.meta.date) > date_key(older.meta.date)
            and fold(newer.meta.issuer) == fold(older.meta.issuer)
            and any(number in c and (changing or c[0] == "+") for c in clauses))


def amends(newer: Letter, older: Letter) -> bool:
    """Whether ``newer`` is the same issuer's later letter changing ``older``: it names the
    older's number in a clause (or its subject) saying it amends, corrects or replaces it, or
    in its opening when its subject says it changes something."""
    return _amends(newer, _amending_lines(newer), older)


def amended(letters: Sequence[Letter]) -> dict[int, int]:
    """Each amending letter's position -> the position of the letter it amends (the newest of
    them when it names several)."""
    found: dict[int, int] = {}
    for k, newer in enumerate(letters):
        said = _amending_lines(newer)
        older = [i for i, letter in enumerate(letters) if said[1] and _amends(newer, said, letter)]
        if older:
            found[k] = max(older, key=lambda i: date_key(letters[i].meta.date))
    return found


# "thay thế Công văn số 3296/SGDĐT-GDTrH", "bãi bỏ Kế hoạch số 12/KH-SGDĐT": the number's figures
_REPLACED = re.compile(r"\b(?:thay thế|thay cho|bãi bỏ|hủy bỏ|huỷ bỏ)\s+(?:các\s+)?[^\d;.]{0,30}?"
                       r"(?:số\s*)?(\d{1,5})\s*/\s*[A-ZĐ]", re.IGNORECASE)


def replaced_numbers(letter: Letter) -> frozenset[str]:
    """The figures of the numbers of the letters ``letter`` says it replaces or repeals
    ("Công văn này thay thế Công văn số 3296/SGDĐT-GDTrH …"): a teacher citing the old number
    ("công văn 3296 ghi hạn …") has the old letter in hand and asks what holds now, which the
    replacing letter says, whether or not the old one is loaded."""
    said = [letter.meta.subject,
            *(line for p in letter.passages[:_OPENING] for line in p.text.split("\n"))]
    return frozenset(m.group(1) for line in said for m in _REPLACED.finditer(line))


def _body(letter: Letter, j: int) -> bool:
    path = letter.passages[j].path
    return bool(path) and path not in (RECIPIENTS, SIGNED)


def changed(newer: Letter, new_sentences: list[list[tuple[str, bool]]],
            new_terms: list[tuple[tuple[str, ...], ...]],
            older: Letter, old_sentences: list[list[tuple[str, bool]]],
            old_terms: list[tuple[frozenset[str], ...]],
            weight: Callable[[str], float], common: frozenset[str]
            ) -> dict[tuple[int, int], tuple[int, ...]]:
    """The older letter's sentences (passage, sentence) an item of the newer changes -> the
    newer's passages (its items) changing them, in order.

    An item's sentence naming a value the older letter gives, beside a word of change ("thay
    cho ngày 13/12/2026", "nâng từ 100.000 đồng lên …"), changes the older sentences giving it.
    One naming no old value changes the older sentence whose distinctive word pairs (``weight``:
    their idf; ``common``: the pairs both letters' subjects hold) it repeats, when it says a word
    of change or the opposite of it ("… được đăng ký" for "… không thuộc diện cử").
    """
    old_values = [[_values(s) for s, _ in parts] for parts in old_sentences]
    given = frozenset().union(*(v for parts in old_values for v in parts))
    reached = {m.group() for p in older.passages for m in _REACHED.finditer(p.text)}
    found: dict[tuple[int, int], list[int]] = {}
    for j, parts in enumerate(new_sentences):
        if not _body(newer, j):
            continue
        for w, (sentence, _) in enumerate(parts):
            changes = _CHANGES.search(sentence) is not None
            named = _values(sentence) & given if changes else frozenset()
            contacts = {m.group() for m in _REACHED.finditer(sentence)}
            if not named and contacts and contacts <= reached:
                continue  # whom to ask, as the older letter says: no change
            pairs = list(dict.fromkeys(t for t in new_terms[j][w] if " " in t and t not in common
                                       and not t.split()[0].isdigit()))
            for oj, old_parts in enumerate(old_sentences):
                if not _body(older, oj):
                    continue
                for ow, (old, _) in enumerate(old_parts):
                    if named:
                        hit = bool(named & old_values[oj][ow])
                    elif _flipped(sentence, old, pairs, old_terms[oj][ow]):
                        hit = True
                    elif changes:
                        theirs = {t for t in old_terms[oj][ow] if " " in t and t not in common}
                        shared = theirs.intersection(pairs)
                        shorter = min(sum(map(weight, set(pairs))), sum(map(weight, theirs)))
                        hit = len(shared) >= _SHARED_PAIRS and shorter > 0 and (
                            sum(map(weight, shared)) >= _SAME_RULE * shorter)
                    else:
                        hit = False
                    if hit and j not in found.setdefault((oj, ow), []):
                        found[(oj, ow)].append(j)
    return {k: tuple(v) for k, v in found.items() if v}


def _flipped(sentence: str, old: str, pairs: list[str], old_terms: frozenset[str]) -> bool:
    """Whether a sentence says the opposite of an older one about the same people or thing:
    it opens with words the older sentence holds ("Tổng phụ trách Đội …", its first word
    pairs), and one of the two says "không" where the other does not."""
    return (bool(_NOT.search(old)) != bool(_NOT.search(sentence))
            and len(pairs) >= _SHARED_PAIRS and old_terms.issuperset(pairs[:_SHARED_PAIRS]))
