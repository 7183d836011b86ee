"""Finds text in the wrong language in what the bot or the CLI showed someone.

Vietnamese mode must hold no English sentence, English mode no Vietnamese one; proper names,
what the user typed, quotes of letters and the Sở's own data (campaign files, the knowledge
base, the roster) are allowed in either.

The detector learns its vocabularies from the project itself rather than from a hand-made
dictionary, so it follows the catalogs as they grow:

- English words: every word of the English catalog (msgids and msgstrs) and a short list of
  common words; minus every word a Vietnamese text of ours writes without diacritics (the
  Vietnamese catalog's own words such as "do", "to", "in", "Telegram", "PDF", and the words of
  the data, which hold loanwords such as "email" or "online").
- Vietnamese words: any word with a Vietnamese letter (đ, ă, ơ, ư, a tone mark…).

A fragment (text between punctuation marks) is English when two English words follow each
other, or when every word in it is English ("updated", "OFF", "past"). A run of two or more
Vietnamese words with a lowercase one among them is Vietnamese, unless it is found in the
data; a run of capitalised words is a name ("Bình Phước", "Nguyễn Thị Lan").
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import cache
from itertools import pairwise
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"

# Common English words an untranslated line is made of, beyond those the catalog already has.
COMMON_ENGLISH = frozenset("""
a about above added after again all also am an and any are as at be because been before being
below between both but by can cannot could day days did does done down during each every few
for from further had has have having he her here his how i if into is it its just last left
loaded me more most must my next no nor not now of off ok on once one only or other our out
over own past removed same she should some such than that the their them then there these
they this those through to too under until up updated use used very was we were what when
where which while who whom why will with would year yes yet you your
""".split())
# The only English a Vietnamese officer's text keeps: technical terms with no Vietnamese word.
TERMS_KEPT_IN_ENGLISH = ("reverse proxy",)
# The Vietnamese an English text keeps: terms with no English equivalent.
TERMS_KEPT_IN_VIETNAMESE = ("Trợ lý Bồi dưỡng", "xã/phường", "cốt cán", "đại trà")
ADDRESS_FORM = "Thầy/Cô"  # how the Vietnamese interface addresses people: never in English mode
MAX_CHECKED = 20_000  # characters of one message or command output (Telegram's limit is 4096)

_VI_LETTERS = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
_VI_WORD = re.compile(f"[{_VI_LETTERS}]", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
# Links, commands (with their first argument: "/hanchot them", "troly campaign load",
# "demo-reset"), options, file names, e-mail
# addresses, and codes with digits or underscores: never words of a sentence.
# Each alternative starts at a token's first character, so a long run of text without spaces
# (a bomb test's) is scanned once, not backtracked over.
_CODES = re.compile(r"(?<!\S)https?://\S+|(?<![\w/])[/:]\w+(?: [a-z]+\b)?|(?<!\w)--?[\w-]+"
                    r"|\btroly(?: [a-z][a-z-]*\b){0,2}|(?<![\w-])[a-z]+(?:-[a-z]+)+(?![\w-])"
                    r"|(?<!\S)[^\s.]*\.[A-Za-z0-9]{2,5}\b\S*|(?<!\S)[^\s@]+@\S+")
_NOT_WORDS = re.compile(f"{_CODES.pattern}|(?<!\\S)[^\\s_\\d]*[_\\d]\\S*")
_FRAGMENT_BREAK = re.compile(r"[.!?;:,()\[\]{}\n—–•·|\"“”«»‘’…=→›]+|\s-\s")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"|(?<!\w)'[^'\n]*'(?!\w)|‘[^’]*’")
_GLOSS = re.compile(r"\(\s*[A-Za-z]+\s*\)")
_PATH = re.compile(r"(?<!\S)[^\s/]*/\S*")
_VOWEL = re.compile("[aeiouy]")
_SPACES = re.compile(r"\s+")
_PLACEHOLDER = re.compile(r"\{\w*\}|%\(\w+\)[sdr]|%[sdr]")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _catalog(language: str) -> list[tuple[str, str]]:
    path = ROOT / "locales" / language / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as f:
        catalog = read_po(f, locale=language)
    pairs = []
    for m in catalog:
        if not m.id:
            continue
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        strings = [m.string] if isinstance(m.string, str) else list(m.string or ())
        pairs += [(i, s or "") for i, s in zip(ids, strings + [""] * len(ids), strict=False)]
    return pairs


_NOT_SHOWN = {"questions", "keywords"}  # what users might type, to match them; never shown


def _prose(value: object, key: str = "") -> Iterable[str]:
    """The sentences and names of a YAML document: its values, not its keys, not identifiers
    (``core``, ``module1``) and not the English labels (``label_en``)."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _prose(v, str(k))
    elif isinstance(value, list):
        for v in value:
            yield from _prose(v, key)
    elif isinstance(value, str) and key not in _NOT_SHOWN and not key.endswith("_en") and (
            " " in value.strip() or not value.isascii()):
        yield value


def _data_strings() -> Iterable[str]:
    import csv

    import yaml

    from tests.letter_files import BODY, HEADER_LEFT, HEADER_RIGHT

    for path in [*(ROOT / "bot" / "campaigns").glob("*.yaml"),
                 *(ROOT / "bot" / "knowledge" / "data").glob("*.yaml")]:
        yield from _prose(yaml.safe_load(path.read_text(encoding="utf-8")))
    for path in (ROOT / "bot" / "demo").glob("*.csv"):
        with path.open(encoding="utf-8") as f:
            yield from (cell for row in csv.reader(f) for cell in row)
    if SEEDS.is_dir():
        yield from (p.read_text(encoding="utf-8", errors="replace") for p in SEEDS.iterdir())
    yield from [*BODY, *HEADER_LEFT, *HEADER_RIGHT]


def skeleton(text: str) -> str:
    """Only the words, casefolded, one space apart: data and what was shown compare on it, so
    a number, a link or a comma more or less does not hide a quote."""
    return " " + " ".join(_words(_NOT_WORDS.sub(" ", text.casefold()))) + " "


@cache
def data_text() -> str:
    """The Sở's data the bot shows as it is, whatever the language."""
    return "\n".join(skeleton(s) for s in _data_strings())


@cache
def vietnamese_ascii_words() -> frozenset[str]:
    """Words that Vietnamese texts of ours write without diacritics (Vietnamese syllables,
    loanwords, acronyms): never English evidence in Vietnamese mode."""
    words = set()
    for msgid, msgstr in _catalog("vi"):
        carried = {w.casefold() for w in _words(_PLACEHOLDER.sub(" ", msgid))}
        # a lowercase word kept from the msgid is an option or a key ("staff", "default"),
        # not Vietnamese; a capitalised one is a name ("Telegram", "PDF")
        words |= {w.casefold() for w in _words(_PLACEHOLDER.sub(" ", msgstr))
                  if w.isascii() and not (w.casefold() in carried and w[0].islower())}
    words |= {w for w in _words(data_text()) if w.isascii()}
    return frozenset(words)


@cache
def english_words() -> frozenset[str]:
    words = {w.casefold() for pair in _catalog("en") for t in pair
             for w in _words(_PLACEHOLDER.sub(" ", t))}
    words = {w for w in words if w.isascii() and _VOWEL.search(w)} - vietnamese_syllables()
    return frozenset((words | COMMON_ENGLISH) - vietnamese_ascii_words())


@cache
def vietnamese_syllables() -> frozenset[str]:
    """Vietnamese words without their diacritics ("phong" for Phòng, "so" for Sở): the
    English catalog writes them in option values; they are not English."""
    import unicodedata

    texts = [s for _i, s in _catalog("vi")] + [data_text()]
    words = {w.casefold() for t in texts for w in _words(t) if not w.isascii()}
    return frozenset(unicodedata.normalize("NFD", w.replace("đ", "d")).encode("ascii", "ignore")
                     .decode() for w in words)


def _in_data(phrase: str, more_data: str) -> bool:
    text = skeleton(phrase)
    return text in data_text() or text in more_data


def plain(text: str, allowed: Iterable[str] = ()) -> str:
    """The text a reader sees: no tags, no entities, and nothing the user typed."""
    text = html.unescape(_TAG.sub(" ", text[:MAX_CHECKED]))
    for quoted in sorted((a for a in allowed if a.strip()), key=len, reverse=True):
        if quoted in text:
            text = re.sub(rf"(?<!\w){re.escape(quoted)}(?!\w)", " ", text)
    return text


def _is_english(word: str, english: frozenset[str]) -> bool:
    """An English word, or its plural, past or -ing form, that Vietnamese never writes."""
    w = word.casefold()
    if not word.isascii() or w in vietnamese_ascii_words():
        return False
    return any(stem in english for stem in (w, w[:-1] * w.endswith("s"),
                                            w[:-2] * w.endswith(("es", "ed")),
                                            w[:-3] * w.endswith("ing")) if len(stem) > 2) or (
        w in english)


def english_in(text: str, allowed: Iterable[str] = ()) -> list[str]:
    """English fragments in what Vietnamese mode showed (empty when there are none).

    Quoted text (a key of a file, a command, what the user typed) and a one-word gloss in
    brackets ("Trả lời (reply)") are not sentences."""
    english = english_words()
    more_data = "\n".join(skeleton(a) for a in allowed)
    found = []
    seen = _GLOSS.sub(" ", _QUOTED.sub(" ", plain(text, [*allowed, *TERMS_KEPT_IN_ENGLISH])))
    for fragment in _FRAGMENT_BREAK.split(_PATH.sub(" ", _NOT_WORDS.sub(" ", seen))):
        words = _words(fragment)
        flags = [_is_english(w, english) for w in words]
        paired = any(a and b for a, b in pairwise(flags))
        if words and (paired or all(flags)) and not _in_data(fragment, more_data):
            found.append(fragment.strip())
    return found


def vietnamese_in(text: str, allowed: Iterable[str] = ()) -> list[str]:
    """Vietnamese runs in what English mode showed (empty when there are none)."""
    seen = plain(text, allowed)
    more_data = "\n".join(skeleton(a) for a in allowed)
    found = [ADDRESS_FORM] if ADDRESS_FORM in seen else []
    seen = _QUOTED.sub(" ", plain(seen, TERMS_KEPT_IN_VIETNAMESE))
    for fragment in _FRAGMENT_BREAK.split(_CODES.sub(" ", seen).replace("/", " ")):
        run: list[str] = []
        for word in [*_words(fragment), ""]:
            if word and _VI_WORD.search(word):
                run.append(word)
                continue
            phrase = " ".join(run)
            if (len(run) >= 2 and any(w[0].islower() for w in run)
                    and not _in_data(phrase, more_data)):
                found.append(phrase)
            run = []
    return found


def wrong_language(text: str, language: str, allowed: Iterable[str] = ()) -> list[str]:
    return english_in(text, allowed) if language == "vi" else vietnamese_in(text, allowed)
