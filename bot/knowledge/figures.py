"""A total or a difference a question asks of figures the answer prints but does not add up.

"Cộng cả ba cấp còn bao nhiêu CBQL chưa xong?", "số GV THPT nhiều hơn số GV THCS bao nhiêu?",
"riêng THCS, tính cả GV và CBQL, tổng cộng bao nhiêu người?": the letter gives each group's
figure ("Cấp TH: 11 cán bộ quản lý và 164 giáo viên", "Tổng số GV: 15331 người, trong đó TH
8324; THCS 5003") and never the sum, so a teacher would have to add them on a phone. This
module reads which groups the question names (school levels, roles, or "cả ba cấp": every level
the text gives) and whether it asks a total or a difference, reads each group's figure from the
chosen answer's own text, and works the sum out only when every group named has exactly one
figure there: a group the text lacks, or gives two different figures for, means no line at all.
A count of listed things is the same kind of sum: "nộp kế hoạch mô đun 2, 3, 4, 5, 9 và báo cáo
mô đun 2, 3, 4, 5" holds 5 + 4 = 9 documents when the question asks how many in all.

Nothing here is a figure of its own: every part is a number the text prints, and the working is
returned so that the message can show it for the teacher to check.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from itertools import product

from bot.knowledge.normalize import clean, expand, fold_word
from bot.textnorm import fold

# Folded names (after ``expand``, which reads "th", "cấp 1", "c2", "gv", "cbql" …) of what a
# figure counts: a school level, or the people of a role.
_LEVELS = {"tieu hoc": "TH", "thcs": "THCS", "thpt": "THPT", "gdtx": "GDTX", "mam non": "MN"}
# "hiệu trưởng, phó hiệu trưởng" are the CBQL of a school: the letters count them as such
_ROLES = {"giao vien": "GV", "can bo quan li": "CBQL", "nhan vien": "NV",
          "hieu truong": "CBQL", "pho hieu truong": "CBQL"}
_LEVEL_ORDER = ("MN", "TH", "THCS", "THPT", "GDTX")
_NAMES = {**{k: ("level", v) for k, v in _LEVELS.items()},
          **{k: ("role", v) for k, v in _ROLES.items()}}
_WIDEST = max(len(k.split()) for k in _NAMES)

# A number right after one of these words is not a count of people: "mô đun 2", "năm 2020",
# "Phụ lục 3", "lớp 1", "Điều 5"; nor one right before these: "45 tiết", "20 %", "12 trường".
_NOT_AFTER = frozenset("dun module luc nam ngay thang lop dieu khoan muc diem chuong hang "
                       "dot khoa tuan gio tiet ki quy phan buoc bang cum".split())
_NOT_BEFORE = frozenset("phantram tiet ngay gio thang nam tuan phut dong trieu nghin ngan ti "
                        "truong lop phong cum lan luot buoi bai mo tin diem chuyen khoa dot "
                        "trang h km".split())
_STOPS = frozenset(";.•!?")
_LIST_JOINS = frozenset({",", "va", "-"})
# "mô đun 2, 3, 4, 5, 9", "chuyên đề 1, 2 và 3": a list whose items a count adds up
_LIST_NOUNS = (("mo", "dun"), ("chuyen", "de"))
_TOKEN = re.compile(r"\d+(?:[.,/:-]\d+)*(?:[/-][^\W\d_]+)*|[^\W\d_]+|[^\w\s]")

_ASKS_NUMBER = re.compile(r"(?:^| )(?:bao nhieu|may)(?= |$)")
_DIFFERENCE = re.compile(r"(?:^| )(?:nhieu hon|it hon|dong hon|chenh lech|chenh nhau|hon kem|"
                         r"kem hon|hon nhau|kem nhau|tru di|tru cho)(?= |$)")
# "gấp mấy lần", "gấp khoảng bao nhiêu lần": the first group's figure over the second's
_RATIO = re.compile(r"(?:^| )gap (?:\w+ ){0,2}?(?:bao nhieu|may) lan(?= |$)")
# "bình quân mỗi CBQL ứng với bao nhiêu GV": the group asked over the group "mỗi" names
_AVERAGE = re.compile(r"(?:^| )(?:binh quan|trung binh)(?= |$)")
# "trên một CBQL", "cho mỗi CBQL", "mỗi CBQL": the words before the group each one of whom
# an average is reckoned for
_EACH = re.compile(r"(?:^| )(?:(?:tren|cho|voi|ung voi) (?:mot|1|moi)|moi(?: mot)?)$")
# "chiếm bao nhiêu phần trăm", "bằng mấy %", "tỉ lệ … là bao nhiêu": a group's share of a
# whole, in hundredths; the whole is named after the cue ("… tổng số CBQL cả ba cấp")
_SHARE = re.compile(r"(?:^| )(?:(?:bao nhieu|may) (?:phan tram|phantram|%)|ti le|ty le)(?= |$)")
# "chiếm (khoảng) bao nhiêu phần trăm", "bằng mấy %": a part said to make up a share of a whole
_PART_OF = frozenset({"chiem", "bang"})
# what a "tỉ lệ" question puts between the share and its whole: "tỉ lệ CBQL THCS trên tổng số"
_OF_WHOLE = re.compile(r"(?:^| )(?:tren|so voi|trong)(?= |$)")
_TOTAL = re.compile(r"(?:^| )(?:tong cong|tong so|tong bao nhieu|tong la|cong ca|cong lai|"
                    r"cong voi|cong them|"
                    r"gop ca|gop lai|tinh ca|tat ca|ca thay|ca hai|ca ba|ca bon|toan bo|"
                    r"co ca)(?= |$)")  # "trường có cả THCS và THPT cử mấy người": both levels
# "cả ba cấp", "các cấp", "3 cấp học", "hai khối": every level the text gives (or, when the
# question names that many levels, those: "riêng hai cấp TH và THCS" asks their total)
_ALL_LEVELS = re.compile(r"(?:^| )(?:(ba|bon|hai|\d)|cac) (?:cap|khoi)(?= |$)")
_COUNTS = {"hai": 2, "ba": 3, "bon": 4}
# "không tính CBQL", "trừ giáo viên", "ngoài THPT": a group the question leaves out ("trừ đi
# số GV TH" is a subtraction, not that)
_LEAVES_OUT = re.compile(r"(?:^| )(?:khong tinh|khong ke|tru(?! di| cho)|ngoai)(?= |$)")
# "cấp nào có ít CBQL chưa xong nhất", "khối nào đông giáo viên nhất": which level holds the
# fewest or the most; the level asked for ("cấp nào") and the extreme's words, "ít … nhất"
_WHICH_LEVEL = re.compile(r"(?:^| )((?:cap|khoi|bac)(?: hoc)? nao)(?= |$)")
_EXTREMES = {"it": "least", "thap": "least", "nhieu": "most", "dong": "most", "cao": "most"}
_EXTREME_REACH = 14  # words at most between "ít" and its "nhất"
_PEOPLE = re.compile(r"(?:bao nhieu|may) (?:nguoi|thay co|luot nguoi)(?= |$)")
# what the question calls the things it counts: "bao nhiêu bản", "mấy văn bản"
_CLASSIFIERS = ("van ban", "ban", "bo", "mo dun", "loai", "muc", "ho so")


@dataclass(frozen=True, slots=True)
class Worked:
    """A sum or a difference of printed figures, with what each part is (for the working).

    ``quotient`` is the first part's figure over the second's, to one decimal, when the
    question asks how many times the one is the other ("gấp mấy lần"; ``result`` is then 0).
    ``parts`` are (figure, level, role, listed) as the text labels them: a level and a role
    code for a group's figure ("TH", "GV"), or the listed things' name for a count ("kế
    hoạch"). ``counted`` is the role every part counts, "" when they count people of several
    roles (or the question's own noun, ``noun``, for a count of listed things). For the
    level holding the fewest or the most (``extreme``: "least", "most"), ``parts`` are every
    level's figure, ``result`` the extreme and ``levels`` the levels holding it.
    """

    difference: bool
    parts: tuple[tuple[int, str, str, str], ...]
    result: int
    counted: str
    noun: str = ""
    extreme: str = ""
    levels: tuple[str, ...] = ()
    quotient: float | None = None
    per: str = ""  # an average: the role of the second part, each of whom the first is shared by
    share: float | None = None  # the first part over the second (the whole), in hundredths


@dataclass(frozen=True, slots=True)
class _Asked:
    difference: bool
    levels: tuple[str, ...]
    all_levels: int  # 0: the levels named; n > 0: every level the text gives, if it gives n
    # (-1: however many it gives)
    roles: tuple[str, ...]
    people: bool  # "bao nhiêu người": several roles may be counted together
    words: tuple[str, ...]  # the question's words, abbreviations read, as typed
    folded: tuple[str, ...]
    extreme: str = ""  # "least" or "most": which level holds the fewest or the most
    working: frozenset[str] = frozenset()  # the folded words that only ask the working
    ratio: bool = False  # "gấp mấy lần": the first group's figure over the second's
    per: str = ""  # "bình quân mỗi CBQL … bao nhiêu GV": the code "mỗi" names (the divisor)
    # "… chiếm bao nhiêu phần trăm …": the folded word where the whole's words begin (0: no
    # share asked)
    whole_at: int = 0


def _named(tokens: list[str]) -> dict[int, tuple[int, str, str]]:
    """Each level or role name by where it starts: its width, kind and code, longest first."""
    found: dict[int, tuple[int, str, str]] = {}
    i = 0
    while i < len(tokens):
        for width in range(min(_WIDEST, len(tokens) - i), 0, -1):
            hit = _NAMES.get(" ".join(tokens[i : i + width]))
            if hit is not None:
                found[i] = (width, *hit)
                i += width
                break
        else:
            i += 1
    return found


# Folded words without which no question asks a total or a difference: read before the rest
_CUES = re.compile(r"\b(?:nhieu hon|it hon|dong hon|chenh|hon kem|kem hon|hon nhau|kem nhau|"
                   r"tru di|tru cho|tong|cong|gop|tinh ca|tat ca|ca thay|ca hai|ca ba|ca bon|"
                   r"toan bo|nhat|gap|co ca|binh quan|trung binh|phan tram|phantram|ti le|ty le|"
                   r"(?:hai|ba|bon|\d) (?:cap|khoi))\b|%")


def asks_sum(question: str) -> bool:
    """Whether ``question`` asks a total or a difference of figures (``work_out``)."""
    return _read_question(question) is not None


@lru_cache(maxsize=1024)
def _read_question(question: str) -> _Asked | None:
    if not _CUES.search(fold(question)):
        return None
    words = expand(_TOKEN.findall(clean(question)))
    folded = [fold_word(w) for w in words]
    text = " ".join(folded)
    extreme, working = _extreme(folded)
    share = None if extreme else _SHARE.search(text)
    shared = None if share is None else _share_asked(words, folded, text, share)
    if shared is not None:
        return shared
    if not extreme and not _ASKS_NUMBER.search(text):
        return None
    cue = None if extreme else \
        _RATIO.search(text) or _DIFFERENCE.search(text) or _TOTAL.search(text)
    difference = cue is not None and cue.re is _DIFFERENCE
    ratio = cue is not None and cue.re is _RATIO
    per = "" if extreme or cue is not None else _divisor(folded, text)
    if per:
        cue, ratio = _AVERAGE.search(text), True
    if cue is not None:
        working = frozenset(cue.group(0).split())
    names = _named(folded)
    # "không tính CBQL": the name right after the cue (or one word on) is left out
    cue_ends = {len(text[: m.end()].split()) for m in _LEAVES_OUT.finditer(text)}
    levels: list[str] = []
    roles: list[str] = []
    for at, (_, kind, code) in names.items():
        if at in cue_ends or at - 1 in cue_ends:
            continue
        named = levels if kind == "level" else roles
        if code not in named:
            named.append(code)
    every = _ALL_LEVELS.search(text)
    all_levels = 0
    if every:
        said = every.group(1)
        all_levels = int(said) if said and said.isdigit() else _COUNTS.get(said or "", -1)
    # "riêng hai cấp TH và THCS … bao nhiêu": the levels counted out are the ones added up
    counted_out = all_levels >= 2 and all_levels == len(levels)
    if not (extreme or cue or counted_out) and not _adds_groups(folded, names):
        return None
    return _Asked(difference, tuple(levels), all_levels, tuple(roles),
                  bool(_PEOPLE.search(text)), tuple(words), tuple(folded), extreme, working,
                  ratio, per)


def _share_asked(words: list[str], folded: list[str], text: str, cue: re.Match[str]
                 ) -> _Asked | None:
    """"CBQL THCS chiếm bao nhiêu phần trăm tổng số CBQL cả ba cấp", "tỉ lệ GV TH trên
    tổng số GV là bao nhiêu %": the group named before the whole's words and the whole named
    after them; None when no group is named for the share (nothing to divide)."""
    start = len(text[: cue.start()].split()) + cue.group(0).startswith(" ")
    end = len(text[: cue.end()].split())
    low, whole_at = 0, end  # "A chiếm bao nhiêu phần trăm B": A before the cue, B after it
    if folded[start] not in {"ti", "ty"} and not _PART_OF & set(folded[max(0, start - 3):start]):
        return None  # "bị trừ bao nhiêu phần trăm lương": a rate, no group's share
    if folded[start] in {"ti", "ty"}:  # "tỉ lệ A trên B": A after the cue, B after "trên"
        after = _OF_WHOLE.search(text, cue.end())
        if after is None:
            return None
        low, start = end, len(text[: after.start()].split()) + after.group(0).startswith(" ")
        whole_at = end = len(text[: after.end()].split())
    names = _named(folded)
    levels = tuple(dict.fromkeys(code for at, (_, kind, code) in names.items()
                                 if kind == "level" and low <= at < start))
    roles = tuple(dict.fromkeys(code for at, (_, kind, code) in names.items()
                                if kind == "role" and low <= at < start))
    if not levels and not roles:
        return None
    return _Asked(False, levels, 0, roles, False, tuple(words), tuple(folded),
                  working=frozenset(cue.group(0).split()) | ({"chiem"} & set(folded)),
                  whole_at=whole_at)


def _divisor(folded: list[str], text: str) -> str:
    """"Bình quân mỗi cán bộ quản lý ứng với bao nhiêu giáo viên": the code of the group
    "mỗi" names (CBQL), each of whom the group asked is shared among; "" when the question
    asks no average, or names no group right after "mỗi"."""
    if not _AVERAGE.search(text):
        return ""
    names = _named(folded)
    return next((names[i][2] for i in names
                 if _EACH.search(" ".join(folded[max(0, i - 3) : i]))), "")


def _extreme(folded: list[str]) -> tuple[str, frozenset[str]]:
    """"Cấp nào … ít … nhất": "least" or "most", with the words that ask it (the level's
    noun, "ít", "nhất"); "" when the question asks no level's extreme. "Ít nhất" alone is
    also "at least" ("học ít nhất 2 tiết"): only a question asking which level reads it."""
    which = _WHICH_LEVEL.search(" ".join(folded))
    if which is None:
        return "", frozenset()
    for at, word in enumerate(folded):
        if word != "nhat":
            continue
        for back in range(at - 1, max(at - 1 - _EXTREME_REACH, -1), -1):
            said = _EXTREMES.get(folded[back])
            if said is not None:
                return said, frozenset({folded[back], "nhat", which.group(1).split()[0]})
    return "", frozenset()


def working_words(question: str) -> frozenset[str]:
    """The folded words with which ``question`` asks a working ("đông hơn", "trừ đi", "cấp
    nào … ít … nhất"): no text says them, so they name no subject to look up."""
    asked = _read_question(question)
    return frozenset() if asked is None else asked.working


@lru_cache(maxsize=4096)
def _text_marks(line: str) -> tuple[tuple[str, str], ...]:
    """A line of the answer as (kind, value): level, role, num, skip (a number that counts no
    one), stop (the end of a clause), or the folded word or mark itself. Kept per line: the
    same entries' and passages' lines are read for every question asking a total."""
    tokens = [fold_word(t) for t in expand(_TOKEN.findall(line))]
    named = _named(tokens)
    marks: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if i in named:
            width, kind, code = named[i]
            marks.append((kind, code))
            i += width
            continue
        if token[0].isdigit():
            marks.append(("num" if token.isdigit() else "skip", token))
        else:
            marks.append(("stop" if token in _STOPS else "word", token))
        i += 1
    # numbers that are not counts: after "mô đun", before "tiết", and the rest of their list
    listing = False
    for i, (kind, value) in enumerate(marks):
        if kind != "num":
            listing = listing and kind == "word" and value in _LIST_JOINS
            continue
        before = marks[i - 1][1] if i else ""
        after = marks[i + 1][1] if i + 1 < len(marks) else ""
        if listing or before in _NOT_AFTER or after in _NOT_BEFORE or after in {"/", ":"}:
            marks[i] = ("skip", value)
            listing = True
    return tuple(marks)


@lru_cache(maxsize=1024)
def _paragraphs(text: str) -> tuple[tuple[str, ...], ...]:
    """The text's paragraphs as lines, cleaned once: an entry is read for many questions."""
    return tuple(tuple(p.splitlines()) for p in re.split(r"\n\s*\n", clean(text, None)))


def figures_in(text: str) -> dict[tuple[str, str], set[int]]:
    """Each (level, role) group's figures as the text prints them; "" for a level stands for
    all levels (the role's total), "" for a role for a figure that names none.

    A number takes the role named right after it ("11 cán bộ quản lý") or right before it
    ("Tổng số GV: 15331"), else the role of the total it breaks down ("… giáo viên, trong đó
    TH 8324; THCS 5003"); it takes the level its clause is labelled with ("Cấp TH: …").
    """
    found: dict[tuple[str, str], set[int]] = defaultdict(set)
    for paragraph in _paragraphs(text):
        breakdown = ""  # the role of the last total: its parts follow
        for line in paragraph:
            level = ""
            parts_of = ""  # "cử 02 giáo viên: 01 giáo viên dạy …": the role the parts share
            marks = _text_marks(line)
            for i, (kind, value) in enumerate(marks):
                if kind == "stop":
                    level = parts_of = ""
                elif kind == "level":
                    level = value
                elif kind == "num":
                    role = _role_beside(marks, i)
                    if role and role == parts_of:
                        continue  # a part of the count before the colon, not another count
                    if role and i + 2 < len(marks) and marks[i + 2][1] == ":":
                        parts_of = role
                    if not role and not _labelled(marks, i) and _year_or_phone(value):
                        continue
                    if not level:
                        if role:
                            found[("", role)].add(int(value))
                            breakdown = role
                        continue
                    found[(level, role or breakdown)].add(int(value))
    return found


def _adds_groups(folded: list[str], named: dict[int, tuple[int, str, str]]) -> bool:
    """"Cộng giáo viên THCS và giáo viên THPT", "gộp số GV với số CBQL": "cộng" as a verb,
    the groups to add right after it (folded "cong" is also "công lập", "công văn": those
    are followed by no group's name)."""
    return any(word in _ADDING and (i + 1 in named or (
        i + 2 in named and folded[i + 1] in _ADD_LEADS)) for i, word in enumerate(folded))


_ADD_LEADS = frozenset({"so", "ca", "lai", "them"})
_ADDING = frozenset({"cong", "gop"})  # "cộng", "gộp" GV THCS và GV THPT


def _year_or_phone(number: str) -> bool:
    """"Chương trình GDPT 2018", "ĐT: 0919793279": no count of people without a role."""
    return (len(number) == 4 and number[:2] in {"19", "20"}) or len(number) >= 7


def _labelled(marks: tuple[tuple[str, str], ...], i: int) -> bool:
    """"THPT 1978", "THCS: 2019": a number a school level labels is that level's count, not
    a year."""
    back = i - 2 if i >= 2 and marks[i - 1][1] == ":" else i - 1
    return back >= 0 and marks[back][0] == "level"


def _role_beside(marks: tuple[tuple[str, str], ...], i: int) -> str:
    if i + 1 < len(marks) and marks[i + 1][0] == "role":
        return marks[i + 1][1]
    if i + 2 < len(marks) and marks[i + 1][1] == "nguoi" and marks[i + 2][0] == "role":
        return marks[i + 2][1]
    back = i - 2 if i >= 2 and marks[i - 1][1] == ":" else i - 1
    if back >= 0 and marks[back][0] == "role":
        return marks[back][1]
    return ""


def _one(found: dict[tuple[str, str], set[int]], level: str, role: str) -> int | None:
    values = found.get((level, role), set())
    return next(iter(values)) if len(values) == 1 else None


def _groups(asked: _Asked, found: dict[tuple[str, str], set[int]]
            ) -> list[tuple[str, str]] | None:
    """The (level, role) groups the question adds up or compares, or None when it names
    none that the text can answer for (too few, or a level count that is not the text's)."""
    given_levels = [lv for lv in _LEVEL_ORDER if any(k[0] == lv for k in found)]
    if asked.levels:
        levels: list[str] = list(asked.levels)
    elif asked.all_levels:
        if asked.all_levels > 0 and asked.all_levels != len(given_levels):
            return None
        levels = given_levels
    else:
        levels = [""]
    roles: list[str] = list(asked.roles)
    if not roles:
        given = sorted({k[1] for k in found if k[0] in levels})
        if len(given) == 1 or (asked.people and not asked.difference):
            roles = given
        else:
            return None
    groups = list(product(levels, roles))
    if asked.difference or asked.ratio:
        return groups if len(groups) == 2 else None
    return groups if len(groups) >= 2 else None


def work_out(question: str, text: str) -> Worked | None:
    """The total or difference ``question`` asks of the figures ``text`` prints; None when the
    question asks neither or the text lacks a figure it needs (never a guess)."""
    asked = _read_question(question)
    if asked is None:
        return None
    found = figures_in(text)
    if asked.whole_at:
        return _share(asked, found)
    if asked.extreme:
        return _extreme_level(asked, found)
    groups = _groups(asked, found) if found else None
    if groups is None:
        return None if asked.difference or asked.ratio or asked.levels or asked.roles else \
            _count_listed(asked, text)
    figures = [_one(found, level, role) for level, role in groups]
    if any(f is None for f in figures):
        return None
    roles = {role for _, role in groups}
    counted = next(iter(roles)) if len(roles) == 1 else ""
    levels = {level for level, _ in groups}
    parts = tuple((f, level if len(levels) > 1 else "", role if len(roles) > 1 else "", "")
                  for f, (level, role) in zip(figures, groups, strict=True) if f is not None)
    if asked.ratio:
        if asked.per:  # an average: the group "mỗi" names divides
            parts = tuple(sorted(parts, key=lambda p: asked.per in (p[1], p[2])))
        first, second = parts
        if not second[0]:
            return None
        per = second[2] if asked.per and first[2] and second[2] else ""
        return Worked(False, parts, 0, counted, quotient=_three_digits(first[0], second[0]),
                      per=per)
    if asked.difference:
        big, small = sorted(parts, key=lambda p: -p[0])
        return Worked(True, (big, small), big[0] - small[0], counted)
    return Worked(False, parts, sum(p[0] for p in parts), counted)


def _share(asked: _Asked, found: dict[tuple[str, str], set[int]]) -> Worked | None:
    """The group named before the share's cue over the whole named after it, in hundredths
    to one decimal: the whole's levels and roles are the ones it names, else every level and
    the part's roles ("… chiếm bao nhiêu phần trăm tổng số CBQL"). A level's group is its
    printed figure; all levels' is the printed total, else the sum of every level's figure."""
    names = _named(list(asked.folded))
    after = [names[at][1:] for at in names if at >= asked.whole_at]
    whole_levels = tuple(dict.fromkeys(c for k, c in after if k == "level"))
    whole_roles = tuple(dict.fromkeys(c for k, c in after if k == "role")) or asked.roles
    part_roles = asked.roles or whole_roles
    if not part_roles or not whole_roles:
        return None
    part_levels = asked.levels
    if part_levels == whole_levels and part_roles == whole_roles:
        return None
    part = _sum_of(found, part_levels, part_roles)
    whole = _sum_of(found, whole_levels, whole_roles)
    if part is None or not whole or part >= whole:
        return None
    hundredths = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"),
                                                                 rounding=ROUND_HALF_UP)
    label = "" if len(part_levels) != 1 else part_levels[0]
    role = part_roles[0] if len(part_roles) == 1 else ""
    whole_role = whole_roles[0] if len(whole_roles) == 1 else ""
    parts = ((part, label, role, ""), (whole, "", whole_role, ""))
    return Worked(False, parts, 0, role if role == whole_role else "", share=float(hundredths))


def _sum_of(found: dict[tuple[str, str], set[int]], levels: tuple[str, ...],
            roles: tuple[str, ...]) -> int | None:
    """The figure of the named levels' people of the named roles (every level's, when no
    level is named: the printed total, else each level's figure added up); None when one
    is missing or printed twice."""
    total = 0
    for role in roles:
        if levels:
            figures = [_one(found, level, role) for level in levels]
        else:
            printed = _one(found, "", role)
            figures = [printed] if printed is not None else [
                _one(found, lv, role) for lv in _LEVEL_ORDER if (lv, role) in found]
            if printed is None and len(figures) < 2:
                return None
        if not figures or any(f is None for f in figures):
            return None
        total += sum(f for f in figures if f is not None)
    return total


def _three_digits(over: int, under: int) -> float:
    """The quotient to three significant figures, halves rounded up: 205 : 164 is 1,25, not
    1,2 (a tenth hides a quarter), 617 : 314 is 1,96 (not 2), 1978 : 162 is 12,2."""
    quotient = Decimal(over) / Decimal(under)
    places = 2 if quotient < 10 else 1 if quotient < 100 else 0
    exact = quotient.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return float(exact)


def _extreme_level(asked: _Asked, found: dict[tuple[str, str], set[int]]) -> Worked | None:
    """The level with the fewest or the most of the role asked (the one the text gives when
    the question names none), over every level the text gives one figure for that role."""
    roles = list(asked.roles) or sorted({role for level, role in found if level and role})
    if len(roles) != 1:
        return None
    role = roles[0]
    figures = {lv: _one(found, lv, role) for lv in _LEVEL_ORDER if (lv, role) in found}
    if len(figures) < 2 or any(f is None for f in figures.values()):
        return None
    parts = tuple((f, lv, "", "") for lv, f in figures.items() if f is not None)
    pick = min if asked.extreme == "least" else max
    result = pick(p[0] for p in parts)
    return Worked(False, parts, result, role, extreme=asked.extreme,
                  levels=tuple(p[1] for p in parts if p[0] == result))


def _list_runs(text: str) -> list[tuple[list[str], int]]:
    """Each list of numbered things in ``text`` ("mô đun 2, 3, 4, 5, 9") with the words
    that name what it lists (back to the clause's start, a comma or "và") and its length."""
    runs: list[tuple[list[str], int]] = []
    for line in clean(text, None).splitlines():
        tokens = [fold_word(t) for t in _TOKEN.findall(line)]
        label: list[str] = []
        i = 0
        while i < len(tokens):
            noun = next((n for n in _LIST_NOUNS if tuple(tokens[i : i + len(n)]) == n), None)
            if noun is None:
                token = tokens[i]
                label = [] if token in _STOPS or token in {",", "va"} else [*label, token]
                i += 1
                continue
            j = i + len(noun)
            items = 0
            while j < len(tokens) and tokens[j].isdigit():
                items += 1
                j += 1
                if j + 1 < len(tokens) and tokens[j] in {",", "va"} and tokens[j + 1].isdigit():
                    j += 1
            if items:
                runs.append((label, items))
                label = []
            i = max(j, i + 1)
    return runs


def _count_listed(asked: _Asked, text: str) -> Worked | None:
    """"Tất cả bao nhiêu bản kế hoạch và báo cáo": the things joined by "và" in the question
    (two words each side), each the head of one list in the text; the sum of their lengths."""
    folded = asked.folded
    heads: dict[str, str] = {}  # folded head -> as the question types it
    for i, token in enumerate(folded):
        if token in {"va", "lan"}:
            for a, b in ((i - 2, i), (i + 1, i + 3)):
                if a >= 0 and b <= len(folded) and b - a == 2:
                    heads.setdefault(" ".join(folded[a:b]), " ".join(asked.words[a:b]))
    matched: list[tuple[str, int] | None] = []  # each list's head, and its length
    for label, items in _list_runs(text):
        joined = f" {' '.join(label)} "
        at = {h: joined.find(f" {h} ") for h in heads if f" {h} " in joined}
        matched.append((min(at, key=lambda h: at[h]), items) if at else None)
    # the things named, listed one after the other: the first such lists in the text
    counts: dict[str, int] = {}
    for run in matched:
        if run is not None and run[0] not in counts:
            counts[run[0]] = run[1]
        elif len(counts) >= 2:
            break
        else:
            counts = {run[0]: run[1]} if run is not None else {}
    if len(counts) < 2:
        return None
    text_folded = " ".join(folded)
    order = sorted(counts, key=lambda h: text_folded.find(h))
    noun = ""
    for k in range(1, len(folded)):  # the word after "bao nhiêu" or "mấy"
        if (k >= 2 and folded[k - 2 : k] == ("bao", "nhieu")) or folded[k - 1] == "may":
            noun = next((" ".join(asked.words[k : k + len(c.split())]) for c in _CLASSIFIERS
                         if " ".join(folded[k : k + len(c.split())]) == c), "")
            break
    parts = tuple((counts[h], "", "", heads[h]) for h in order)
    return Worked(False, parts, sum(p[0] for p in parts), "", noun)
