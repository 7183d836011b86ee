"""Query and document normalisation for the answering engine.

Teachers type on phones: with or without diacritics, tone marks on either vowel, stretched
letters ("vậyyyy"), abbreviations and teencode ("gv", "ko", "đc", "md2"), Telex left-overs
("cuar") and plain typos. Documents and queries go through the same pipeline so that both
sides meet on one form; typo repair needs the index's vocabulary and lives in ``SpellFixer``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.domain.provinces import all_names, province, region
from bot.knowledge.entries import PROVINCES as KB_PROVINCES
from bot.textnorm import fold, nfc, strip_diacritics, unify_tones

MAX_QUERY_CHARS = 1000  # enough for the longest real question; bounds the work on any input

# Abbreviations and teencode, keyed by the lowercase token(s) as typed (tones unified).
# Values are the canonical form; "" drops the token. Multi-word keys match token sequences.
ABBREVIATIONS: dict[str, str] = {
    # people and units
    "gv": "giáo viên",
    "cbql": "cán bộ quản lý",
    "cb": "cán bộ",
    "ql": "quản lý",
    "qlgd": "quản lý giáo dục",
    "ht": "hiệu trưởng",
    "pht": "phó hiệu trưởng",
    "hiệu phó": "phó hiệu trưởng",
    "cc": "cốt cán",
    "gvcc": "giáo viên cốt cán",
    "gvsp": "giảng viên sư phạm",
    "gvqlgd": "giảng viên quản lý giáo dục",
    "pgd": "phòng giáo dục",
    "phòng gd": "phòng giáo dục",
    "phong gd": "phòng giáo dục",
    "sgd": "sở giáo dục",
    "sở gd": "sở giáo dục",
    "so gd": "sở giáo dục",
    "bgd": "bộ giáo dục",
    "bộ gd": "bộ giáo dục",
    "bo gd": "bộ giáo dục",
    "gd đt": "giáo dục đào tạo",
    "gd dt": "giáo dục đào tạo",
    "gdđt": "giáo dục đào tạo",
    "gddt": "giáo dục đào tạo",
    "sgdđt": "sở giáo dục đào tạo",
    "sgddt": "sở giáo dục đào tạo",
    "gd": "giáo dục",
    "gdpt": "giáo dục phổ thông",
    "ctgdpt": "chương trình giáo dục phổ thông",
    "ubnd": "ủy ban nhân dân",
    "ub": "ủy ban",
    "hs": "học sinh",
    "hv": "học viên",
    "trg": "trường",
    "tr": "trường",
    # levels: one token each, so THPT never collides with "trung học" or "phổ thông"
    "trung học phổ thông": "thpt",
    "trung hoc pho thong": "thpt",
    "trung học cơ sở": "thcs",
    "trung hoc co so": "thcs",
    "th": "tiểu học",
    "cấp 1": "tiểu học",
    "cap 1": "tiểu học",
    "c1": "tiểu học",
    "cấp 2": "thcs",
    "cap 2": "thcs",
    "c2": "thcs",
    "cấp 3": "thpt",
    "cap 3": "thpt",
    "c3": "thpt",
    # training vocabulary
    "md": "mô đun",
    "mđ": "mô đun",
    "modun": "mô đun",
    "module": "mô đun",
    "modul": "mô đun",
    "bdtx": "bồi dưỡng thường xuyên",
    "bd": "bồi dưỡng",
    "htđn": "hỗ trợ đồng nghiệp",
    "htdn": "hỗ trợ đồng nghiệp",
    "kh": "kế hoạch",
    "khht": "kế hoạch hỗ trợ",
    "bc": "báo cáo",
    "bcht": "báo cáo hoàn thành",
    "tt": "thông tư",
    "qđ": "quyết định",
    "qd": "quyết định",
    "cv": "công văn",
    "ct": "chương trình",
    "tđg": "tự đánh giá",
    "tdg": "tự đánh giá",
    "đg": "đánh giá",
    "dg": "đánh giá",
    "gcn": "giấy chứng nhận",
    "cn": "chứng nhận",
    "tk": "tài khoản",
    "mk": "mật khẩu",
    "sđt": "số điện thoại",
    "sdt": "số điện thoại",
    "đt": "điện thoại",
    "dt": "điện thoại",
    "lh": "liên hệ",
    "dk": "điều kiện",
    "đk": "điều kiện",
    "hđ": "hoạt động",
    "xong": "hoàn thành",  # "học xong mô đun 1" is how teachers say "hoàn thành"
    "ng nhân": "nguyên nhân",
    "ng nhan": "nguyên nhân",
    # provinces
    "bp": "bình phước",
    "hn": "hà nội",
    "kg": "kiên giang",
    "hcm": "tp hồ chí minh",
    "tphcm": "tp hồ chí minh",
    "tp hcm": "tp hồ chí minh",
    "sg": "tp hồ chí minh",
    "sài gòn": "tp hồ chí minh",
    "sai gon": "tp hồ chí minh",
    "thành phố hồ chí minh": "tp hồ chí minh",
    "thanh pho ho chi minh": "tp hồ chí minh",
    # teencode and chat fillers
    "ko": "không",
    "k": "không",
    "hok": "không",
    "hông": "không",
    "khg": "không",
    "kô": "không",
    "dc": "được",
    "đc": "được",
    "ntn": "như thế nào",
    "bn": "bao nhiêu",
    "bnhieu": "bao nhiêu",
    "bh": "bao giờ",
    "j": "gì",
    "gj": "gì",
    "z": "vậy",
    "v": "vậy",
    "zậy": "vậy",
    "r": "rồi",
    "ms": "mới",
    "trc": "trước",
    "vs": "với",
    "ad": "",
    "admin": "",
    "bot": "",
    "ạh": "ạ",
}

# Provinces whose letters the knowledge base states (their code today, since the 2025 merger):
# a question naming one of them, by its old or new name, asks for that province's rule.
_KB_REGIONS = frozenset(region(code) for code in KB_PROVINCES)
# Their names typed without marks are matched in any question; other names only in questions
# typed entirely without marks.
_KB_FOLDED = frozenset({"binh phuoc", "ha noi", "kien giang", "ho chi minh"})

# School levels as the folded words a question names them with, after abbreviation expansion.
LEVEL_NAMES: dict[str, str] = {
    "tieu hoc": "TH",
    "thcs": "THCS",
    "thpt": "THPT",
    "gdtx": "GDTX",
    "giao duc thuong xuyen": "GDTX",
}

# Words that say whom a question is about; without them the asker's role decides more.
AUDIENCE_NAMES = ("giao vien", "hieu truong", "can bo quan ly", "cot can")

# Names that are also common phrases ("tham gia lại", "hòa bình"): matched only with their marks.
_AMBIGUOUS_FOLDED = frozenset(
    {
        "gia lai",
        "hoa binh",
        "long an",
        "ha nam",
        "nam dinh",
        "thai binh",
        "quang nam",
        "son la",
        "hue",
        "an giang",
    }
)

# Folded words that carry no topic: greetings, pronouns, particles. Dropped from scoring.
FILLERS = frozenset(
    """a ah ak cai oi nhe nha nhi ha vay thi la ma cua va voi em toi minh anh cac nhung mot
    duoc de da se con cung rat roi ca moi cho chao cam on do nay kia the nhu vao tren trong den
    ve o bi nen neu hay hoac thua vang u uh ok oke thanks thank giup nua vi vui long""".split()
)
# Question words and generic verbs: they tell the intent (who, when, how many) so they are
# scored, but a question made only of them is not "about" anything, so they do not count
# towards coverage.
QUESTION_WORDS = frozenset(
    """ai gi nao sao bao nhieu may khong phai co can lam khi thoi gian ngay dau muon
    biet yeu xin xem hoi gio luc hien""".split()
)

_TAGS = re.compile(r"<[^>]{0,300}>")


def _letter_runs() -> re.Pattern[str]:
    """Runs of two or more letters that share a base letter (a, à, ạ, â, ấ … all count as a)."""
    groups: dict[str, str] = {}
    for code in range(0x61, 0x1EFA):
        ch = chr(code)
        base = strip_diacritics(ch)
        if ch.isalpha() and ch.islower() and len(base) == 1 and "a" <= base <= "z":
            groups[base] = groups.get(base, "") + ch
    return re.compile("|".join(f"[{re.escape(g)}]{{2,}}" for g in groups.values()))


_LETTER_RUN = _letter_runs()
_TOKEN = re.compile(r"[^\W_]+")
_MODULE = re.compile(
    r"(?<![^\W_])(?:m[oô]\s*-?\s*[dđ]un|modun|modul|module|m[dđ])\s*-?\s*(\d{1,2})"
    r"(?!\d)"
)
_PHRASES = (  # joined forms the tokenizer would split wrongly
    (re.compile(r"(?<![^\W_])gd\s*(?:&|&amp;|và|va|-)?\s*[đd]t(?![^\W_])"), "giáo dục đào tạo"),
    (re.compile(r"(?<![^\W_])tp\.\s*hcm(?![^\W_])"), "tphcm"),
    (re.compile(r"(?<![^\W_])th[ứu]\s+(\d)(?!\d)"), r"\1"),  # "cách thứ 2" = "cách 2"
)


def _widest(table: Mapping[str, str]) -> dict[str, int]:
    """For each first word of a multi-word key, the longest key it starts."""
    widest: dict[str, int] = {}
    for key in table:
        first, width = key.split()[0], len(key.split())
        widest[first] = max(widest.get(first, 1), width)
    return widest


_WIDEST = _widest(ABBREVIATIONS)
_HORN_U = frozenset("ưứừửữự")  # "ưu" (lưu, cứu) is the one real pair of same-base letters
_TELEX_TAIL = frozenset("sfrxj")  # tone keys left at a word's end by a Telex keyboard


def _unstretch(match: re.Match[str]) -> str:
    """Collapse a letter held down ("vậyyyy", "ạaaa") without touching real words ("lưu")."""
    run = match.group(0)
    first, base = run[0], strip_diacritics(run[0])
    if len(run) == 2 and (first == base or run[1] != base or first in _HORN_U):
        return run  # "xoong", "lưu": real Vietnamese
    return first + ("u" if first in _HORN_U else "")


def clean(text: str, limit: int | None = MAX_QUERY_CHARS) -> str:
    """Bounded, composed, lowercase text without HTML and with stretched letters collapsed."""
    if limit is not None:
        text = text[: limit * 2]  # a generous cut first, so NFC never sees a megabyte
    text = html.unescape(_TAGS.sub(" ", nfc(text))).lower()
    if limit is not None:
        text = text[:limit]
    text = unify_tones(_LETTER_RUN.sub(_unstretch, text))
    for pattern, replacement in _PHRASES:
        text = pattern.sub(replacement, text)
    return _MODULE.sub(r"mô đun \1", text)


def expand(tokens: list[str], table: Mapping[str, str] = ABBREVIATIONS) -> list[str]:
    """Replace abbreviations (longest match first) by their canonical words."""
    widest = _WIDEST if table is ABBREVIATIONS else _widest(table)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        for width in range(min(widest.get(token, 1), len(tokens) - i), 1, -1):
            key = " ".join(tokens[i : i + width])
            if key in table:
                out.extend(table[key].split())
                i += width
                break
        else:
            found = table.get(token)
            if found is None:
                out.append(token)
            elif found:
                out.extend(found.split())
            i += 1
    return out


def words(text: str, limit: int | None = MAX_QUERY_CHARS) -> list[str]:
    """Lowercase tokens with diacritics kept and abbreviations expanded."""
    if limit is None:  # a letter's or an entry's text, read once when it is indexed
        return expand(_TOKEN.findall(clean(text, limit)))
    return list(_question_words(text, limit))


@lru_cache(maxsize=4096)
def _question_words(text: str, limit: int) -> tuple[str, ...]:
    """A question is read by the entries' ranking, the letters' and the value it asks for:
    normalised once."""
    return tuple(expand(_TOKEN.findall(clean(text, limit))))


@lru_cache(maxsize=65_536)
def fold_word(word: str) -> str:
    """``fold`` of one token, cached: questions reuse the same few thousand words."""
    return fold(word)


def has_diacritics(token: str) -> bool:
    return fold_word(token) != token


_NameIndex = dict[str, list[tuple[list[str], str]]]  # first word -> [(all words, key)]


def _name_index() -> tuple[_NameIndex, _NameIndex]:
    """Province names by first word, with diacritics and without."""
    accented: _NameIndex = {}
    folded: _NameIndex = {}

    def add(index: _NameIndex, name: str, key: str) -> None:
        index.setdefault(name.split()[0], []).append((name.split(), key))

    for raw, code in all_names():
        key = code if code in _KB_REGIONS else "other"
        for part in re.split(r"\s[–-]\s", raw):  # "Bà Rịa – Vũng Tàu": either half names it
            tokens = _TOKEN.findall(nfc(part).lower())
            while tokens and tokens[0] in ("tp", "thành", "phố", "tỉnh"):
                tokens = tokens[1:]
            name = unify_tones(" ".join(tokens))
            ambiguous = fold(name) in _AMBIGUOUS_FOLDED
            if name and not (ambiguous and fold(name) == name):  # "Gia Lai" is "gia lại" too
                add(accented, name, key)
            if fold(name) in _KB_FOLDED:
                add(folded, fold(name), key)
            elif name and not ambiguous:  # only for questions typed without marks
                add(folded, fold(name), f"plain:{key}")
        if raw.startswith("Bà Rịa"):
            add(accented, "bà rịa vũng tàu", key)
    return accented, folded


_ACCENTED_NAMES, _FOLDED_NAMES = _name_index()


def find_provinces(accented: list[str]) -> tuple[set[str], set[int]]:
    """Provinces a question names and their positions: the code today of a province whose
    letters the knowledge base states ("Bình Phước" and "Đồng Nai" both give "dong_nai"), or
    "other".

    Other provinces are matched without diacritics only when the whole question has none, so
    that "tham gia lại" is never Gia Lai.
    """
    folded = [fold_word(w) for w in accented]
    plain = all(a == f for a, f in zip(accented, folded, strict=True))
    found: set[str] = set()
    positions: set[int] = set()
    for tokens, index in ((accented, _ACCENTED_NAMES), (folded, _FOLDED_NAMES)):
        for i, token in enumerate(tokens):
            for parts, key in index.get(token, ()):
                if key.startswith("plain:") and not plain:
                    continue
                if tokens[i : i + len(parts)] == parts:
                    found.add(key.removeprefix("plain:"))
                    positions.update(range(i, i + len(parts)))
    if "tphcm" in found:
        positions.update(i for i, t in enumerate(folded) if t == "tp")
    return found, positions


def named_places(accented: list[str]) -> frozenset[str]:
    """The provinces a question names, as the folded names a letter's issuer may carry: the
    province today and those merged into it ("Kiên Giang" → "an giang", "kien giang"), so
    that a letter of the Sở today and its predecessor's both speak for it."""
    folded = [fold_word(w) for w in accented]
    _keys, positions = find_provinces(accented)
    runs: list[list[str]] = []
    for i in sorted(positions):
        if runs and i - 1 in positions:
            runs[-1].append(folded[i])
        else:
            runs.append([folded[i]])
    names: set[str] = set()
    for run in runs:
        found = province(" ".join(run))
        written = [found.name, *(f.name for f in found.includes)] if found else [" ".join(run)]
        names.update(place_key(n) for n in written)
    return frozenset(names)


def place_key(name: str) -> str:
    """A place name as compared inside an issuer: folded words, "tỉnh"/"TP." dropped."""
    words_ = re.sub(r"[^0-9a-z]+", " ", fold(name).replace("đ", "d")).split()
    while words_ and words_[0] in ("tinh", "tp", "thanh", "pho"):
        words_ = words_[1:]
    return " ".join(words_)


def names_audience(folded: list[str]) -> bool:
    """Whether a question says whom it is about (teacher, principal, manager, core staff)."""
    text = f" {' '.join(folded)} "
    return any(f" {name} " in text for name in AUDIENCE_NAMES)


def find_levels(folded: list[str]) -> set[str]:
    """School levels a question names ("cấp 1", "tiểu học", "THPT" …)."""
    text = f" {' '.join(folded)} "
    return {level for name, level in LEVEL_NAMES.items() if f" {name} " in text}


@dataclass(slots=True)
class SpellFixer:
    """Maps an unknown folded token to the closest word of the index's vocabulary.

    Short words are dangerous to "fix" (a question about the weather must not turn into one
    about modules), so a correction is accepted only when it is a Telex or teencode repair,
    a transposition, or a one-edit change that forms a bigram the index knows.
    """

    vocab: Mapping[str, int]  # folded unigram -> document frequency
    bigrams: frozenset[str]
    extra: frozenset[str]  # words never indexed (fillers) that a Telex repair may still yield
    _choices: list[str]
    _cache: dict[tuple[str, str, str], str | None]

    @classmethod
    def build(
        cls, vocab: Mapping[str, int], bigrams: Iterable[str], extra: Iterable[str] = ()
    ) -> SpellFixer:
        choices = [w for w in vocab if len(w) >= 2 and not w.isdigit()]
        return cls(vocab, frozenset(bigrams), frozenset(extra), choices, {})

    def fix(self, token: str, before: str = "", after: str = "") -> str | None:
        """The vocabulary word meant by ``token``, or None when nothing is close enough."""
        if (
            token in self.vocab
            or token in self.extra
            or token.isdigit()
            or len(token) < 3
            or len(token) > 20
        ):
            return None
        key = (token, before, after)
        if key not in self._cache:
            if len(self._cache) > 20_000:
                self._cache.clear()
            self._cache[key] = self._fix(token, before, after)
        return self._cache[key]

    def _known_pair(self, word: str, before: str, after: str) -> bool:
        return (bool(before) and f"{before} {word}" in self.bigrams) or (
            bool(after) and f"{word} {after}" in self.bigrams
        )

    def _fix(self, token: str, before: str, after: str) -> str | None:
        rules = []
        if token[-1] in _TELEX_TAIL:
            rules.append(token[:-1])
        if token[0] == "f":
            rules.append("ph" + token[1:])
        if token[0] == "j":
            rules.append("gi" + token[1:])
        if token[0] == "w":
            rules.append("qu" + token[1:])
        rules.append(re.sub(r"([a-z])\1+", r"\1", token))
        for candidate in rules:
            if candidate != token and (candidate in self.vocab or candidate in self.extra):
                return candidate
        limit = 1 if len(token) < 7 else 2
        found = process.extract(
            token, self._choices, scorer=OSA.distance, score_cutoff=limit, limit=12
        )
        best: tuple[float, str] | None = None
        for word, dist, _ in found:
            same_letters = sorted(word) == sorted(token)
            context = self._known_pair(word, before, after)
            if not (same_letters or context or len(token) >= 6):
                continue
            rank = (
                dist
                - 0.5 * same_letters
                - 0.7 * context
                + 0.3 * (word[0] != token[0])
                - 1e-6 * self.vocab[word]
            )
            if best is None or rank < best[0]:
                best = (rank, word)
        return best[1] if best else None
