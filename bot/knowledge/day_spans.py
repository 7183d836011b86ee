"""The days from a letter's date, or a date the asker types, to the deadline the answer gives.

"Từ ngày ban hành kế hoạch đến hạn nhập dữ liệu còn bao nhiêu ngày?", "hôm nay 20/3 thì còn
mấy ngày nữa đến hạn?": the letter prints its own date and the deadline and never the days
between them, which a teacher would count on a calendar. The start is the date the question
types, else the letter's date when the question counts from its issue ("ngày ban hành",
"ngày ký"); the end is the first date the answer's text sets as a limit ("trước ngày …",
"hạn …", "chậm nhất …"). Either one missing, or more than one date typed, means no line.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import pairwise

from bot.knowledge.normalize import clean, expand, fold_word
from bot.textnorm import fold

_TOKEN = re.compile(r"\d+(?:[.,/:-]\d+)*|[^\W\d_]+|[^\w\s]")
_MAY_ASK = re.compile(r"\b(?:bao|may|bn)\b")
_ASKS_DAYS = re.compile(r"(?:^| )(?:bao nhieu|may) ngay(?= |$)")
# counting from the letter's own date: "từ ngày ban hành", "kể từ ngày ký công văn"
_FROM_ISSUE = re.compile(r"(?:^| )(?:ban hanh|ki|ky|phat hanh|ra van ban|ra cong van|"
                         r"ra ke hoach)(?= |$)")
_DATE = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?(?![\d/])")
# the words before a date that make it a limit: "trước ngày", "hạn", "chậm nhất (17 giờ) ngày"
_LIMIT = re.compile(r"(?:truoc|han|cham nhat|den het|han chot)(?: ngay| \d+ gio)*(?: ngay)? *$")


@dataclass(frozen=True, slots=True)
class DaySpan:
    """From ``start`` to ``end`` ("04/12/2020", "14/12/2020"), ``days`` apart; ``issued``
    when the start is the letter's own date."""

    start: str
    end: str
    days: int
    issued: bool


@lru_cache(maxsize=1024)
def asks_days(question: str) -> bool:
    """Whether ``question`` asks how many days lie up to a deadline."""
    folded = fold(question).lower()
    if "ngay" not in folded or not _MAY_ASK.search(folded):  # most questions: read no further
        return False
    return bool(_ASKS_DAYS.search(_read(question)))


def _read(question: str) -> str:
    return " ".join(fold_word(w) for w in expand(_TOKEN.findall(clean(question))))


def day_span(question: str, text: str, letter_date: tuple[int, int, int]) -> DaySpan | None:
    """The days ``question`` asks from its start to the limit ``text`` gives, the letter
    being dated ``letter_date`` (year, month, day; 0 where it gives none)."""
    if not asks_days(question):
        return None
    typed = [m for m in _DATE.finditer(question)]
    if len(typed) > 1:
        return None
    issued = not typed
    if typed:
        d, m, y = typed[0].groups()
        start = calendar_day(int(y or letter_date[0] or 0), int(m), int(d))
    elif _FROM_ISSUE.search(_read(question)) and all(letter_date):
        start = calendar_day(*letter_date)
    else:
        return None
    end = _limit(text, start)
    if start is None or end is None or end < start:
        return None
    return DaySpan(shown_day(start), shown_day(end), (end - start).days, issued)


def _limit(text: str, start: date | None) -> date | None:
    """The first date ``text`` sets as a limit, in the start's year when it gives none."""
    folded = fold(clean(text, None)).lower()
    for found in _DATE.finditer(folded):
        if not _LIMIT.search(folded[max(0, found.start() - 40):found.start()]):
            continue
        d, m, y = found.groups()
        year = int(y) if y else (start.year if start else 0)
        return calendar_day(year, int(m), int(d))
    return None


def calendar_day(year: int, month: int, day: int) -> date | None:
    """The day, or None for one no calendar has ("31/02")."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


# a date as a table cell or a rule writes it, with no spaces around "/": "19/01/2027", "19/01"
_WRITTEN = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])")


def days_in(text: str, year: int | None = None) -> list[date]:
    """The days a text writes, in order; one written without its year takes ``year`` (none
    without it)."""
    found: list[date] = []
    for m in _WRITTEN.finditer(text):
        y = int(m.group(3)) if m.group(3) else year
        if y is not None and (day := calendar_day(y, int(m.group(2)), int(m.group(1)))):
            found.append(day)
    return found


def shown_day(day: date) -> str:
    """A day as the letters write it: 05/03/2027."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


# -- the days between two things the question names ------------------------------------------
#
# "Từ ngày Sở ký tờ trình 1307 đến ngày UBND ký văn bản chấp thuận là bao nhiêu ngày?", "hạn
# nộp bảng giấy và hạn báo cáo trên hệ thống cách nhau mấy ngày?": each end is an event the
# texts date somewhere ("Tờ trình số 1307/TTr-SGDĐT ngày 17/6/2020", "… trước ngày
# 22/12/2020"), or the asker types its date. Each end takes the date of the clause that says
# most of what the end names; a document number the end types must be in that clause.

# "từ X đến Y", "giữa X và Y", "X và Y cách nhau"; what asks the days is cut off Y
_FROM_TO = re.compile(r"(?:^| )(?:tinh |ke )?tu (.+?) (?:den|toi) (.+)$")
_BETWEEN = re.compile(r"(?:^| )giua (.+) va (.+)$")
_APART = re.compile(r"^(.+) va (.+?) cach nhau(?= |$)")
_ASK_TAIL = re.compile(r"(?: (?:thi|la|con|co|duoc|mat|cach nhau))* (?:bao nhieu|may) ngay.*$")
# an end named only by pointing back: "ngày đó", "hôm ấy", "thời điểm đó"
_THAT = re.compile(r"^\s*(?:ngay|hom|thoi diem|luc|han)? ?(?:do|ay|nay)\s*$")
# what a closing date is said to do: "đóng", "kết thúc", "khóa sổ" (read as "hạn")
_CLOSES = re.compile(r"(?<![^ ])(dong|ket thuc|khoa so|het han)(?![^ ])")
# a date spelled out: "ngày 14 tháng 12 năm 2020"
_LONG_DATE = re.compile(r"(\d{1,2}) thang (\d{1,2}) nam (\d{4})")
_CLAUSE_END = re.compile(r"[;•\n]|[.:](?=\s)")
# the words that name no event: how the question asks, when, where it counts
_NO_EVENT = frozenset("ngay tu den toi cua la va thi co cac o bao nhieu may con nua tinh ke "
                      "cach nhau giua hom nay , . : ? ( ) / -".split())
_SIGNING = "ki ban hanh phat hanh van ban"  # what a letter's own date is the date of
_NUMBER = re.compile(r"^\d{3,}$")
_MIN_SAID = 1.5  # how much of an end a clause must say: an unusual word and its pair


@dataclass(frozen=True, slots=True)
class Dated:
    """A text the answer or a contender of the same Sở shows, with its letter's date
    (year, month, day), and each letter it is from by its date and what names it ("Kế
    hoạch 4082/KH-GDĐT-TC, Sở GD&ĐT TP.HCM"): a letter's own date is that of its signing."""

    text: str
    letter_date: tuple[int, int, int]
    signed: tuple[tuple[tuple[int, int, int], str], ...] = ()


def asks_between(question: str) -> tuple[str, str] | None:
    """The two ends ``question`` asks the days between, as it words them (folded); None
    when it names no two ends. An end named only as "ngày đó" is what the question asked
    of before ("bài kiểm tra đóng ngày nào, và từ ngày đó đến hạn nộp …"), and one said to
    close ("đóng", "kết thúc") is a limit, as the letters' "đến hết ngày" is."""
    if not asks_days(question):
        return None
    read = _read(question)
    for form in (_FROM_TO, _BETWEEN, _APART):
        found = form.search(read)
        if found is not None:
            first, second = found.group(1), _ASK_TAIL.sub("", found.group(2))
            if _ASKS_DAYS.search(first):  # "còn bao nhiêu ngày nữa đến hạn": one end only
                return None
            if _THAT.match(first) and read[:found.start()].strip(" ,."):
                first = read[:found.start()]
            first, second = (_CLOSES.sub(r"\1 han", end) for end in (first, second))
            if first.strip() and second.strip():
                return first, second
    return None


def days_between(question: str, texts: list[Dated]) -> DaySpan | None:
    """The days between the two ends ``question`` names, each dated by what it types or by
    the clause of ``texts`` that says most of it (two different dates; of equals, the
    earlier text's); None when either end is not found."""
    ends = asks_between(question)
    if ends is None:
        return None
    year = next((t.letter_date[0] for t in texts if t.letter_date[0]), 0)
    clauses = list(dict.fromkeys(c for t in texts for c in _dated_clauses(t, year)))
    # a word every clause says (the Sở's name, "báo cáo") tells none of them apart
    seen = Counter(w for _, words, _ in clauses for w in words)
    weight = {w: math.log(len(clauses) / n) for w, n in seen.items()}
    options: list[list[tuple[float, date, bool]]] = []
    for named in ends:
        typed = _typed(named, year)
        options.append([(_MIN_SAID, typed, False)] if typed is not None else [
            (said, day, own) for day, words, own in clauses
            if (said := _said(named, words, weight)) >= _MIN_SAID])
    pairs = [(a[0] + b[0], a, b) for a in options[0] for b in options[1] if a[1] != b[1]]
    if not pairs:
        return None
    _, start, end = max(pairs, key=lambda p: p[0])
    if end[1] < start[1]:
        if _FROM_TO.search(_read(question)):  # "từ … đến" a date before it: misread
            return None
        start, end = end, start
    return DaySpan(shown_day(start[1]), shown_day(end[1]), (end[1] - start[1]).days, start[2])


def _year_or_day(word: str) -> bool:
    return len(word) == 4 and word[:2] in {"19", "20"}


def _typed(end: str, year: int) -> date | None:
    found = _DATE.search(end)
    if found is None:
        return None
    d, m, y = found.groups()
    return calendar_day(int(y or year), int(m), int(d))


def _dated_clauses(text: Dated, year: int) -> list[tuple[date, frozenset[str], bool]]:
    """Each date ``text`` prints, with the words of its clause (a limit's clause says "hạn"),
    and each letter's own date with the words of its signing (marked True)."""
    found: list[tuple[date, frozenset[str], bool]] = []
    for signed, letter in text.signed:
        own = calendar_day(*signed) if all(signed) else None
        if own is not None:
            found.append((own, _words(f"{_SIGNING} {letter}"), True))
    cleaned = _LONG_DATE.sub(r"\1/\2/\3", fold(clean(text.text, None)).lower())
    for clause in _CLAUSE_END.split(cleaned):
        for hit in _DATE.finditer(clause):
            d, m, y = hit.groups()
            day = calendar_day(int(y) if y else (text.letter_date[0] or year), int(m), int(d))
            if day is None:
                continue
            words = _words(clause)
            if _LIMIT.search(clause[max(0, hit.start() - 40):hit.start()]):
                words |= {"han"}
            found.append((day, words, False))
    return found


def _words(text: str) -> frozenset[str]:
    """The clause's words and word pairs, abbreviations read."""
    words = _read(text).split()
    return frozenset(words) | {f"{a} {b}" for a, b in pairwise(words)}


def _said(end: str, clause: frozenset[str], weight: dict[str, float]) -> float:
    """How much of ``end`` the clause says (its words and word pairs, each by how few
    clauses say it); a document number the end types and the clause lacks: nothing."""
    words = [w for w in end.split() if w not in _NO_EVENT]
    numbers = [w for w in words if _NUMBER.match(w) and not _year_or_day(w)]
    if any(n not in clause for n in numbers):
        return 0.0
    pairs = [f"{a} {b}" for a, b in pairwise(words)]
    return sum(weight.get(w, 0.0) for w in {*words, *pairs} if w in clause)
