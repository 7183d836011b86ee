"""Vietnamese text normalisation shared by the roster importer and the answering engine.

Keyboards send Vietnamese in NFC or NFD, with the tone mark on either vowel of "oa", "oe",
"uy" ("hoà" / "hòa"), or without diacritics at all. Everything that compares text goes
through these functions so the same word always compares equal.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_COMBINING_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền sắc ngã hỏi nặng
_SPACES = re.compile(r"\s+")
# Where a syllable's tone mark goes, old style and new made one: on the vowel with a
# hat, breve or horn (â ă ê ô ơ ư: "quyết", "người"), else on the last vowel of a syllable
# closed by a consonant ("khoản", "toàn"), else on the second of "oa", "oe", "uy" and on the
# first of any other pair ("tài"). A mark typed on another vowel ("khỏan", "tòan",
# "qủa", "taì") is a slip of the keyboard, not another word.
_VOWELS = "aăâeêioôơuưy"
_MARKED = "ăâêôơư"
_SYLLABLE = re.compile(rf"(qu|gi(?=[{_VOWELS}])|[^{_VOWELS}]*)([{_VOWELS}]{{1,3}})([^{_VOWELS}]*)")
_WORD = re.compile(r"[^\W\d_]+")
# The capital letters, as the body of a character class ("[{CAPITALS}]"): the range "À-Ỹ" a
# pattern might write also holds "à", "đ", "ở", so "được" would pass for a name
CAPITALS = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EF9)) if c.isupper())


def nfc(text: str) -> str:
    """Compose decomposed (NFD) input, as some Vietnamese keyboards send it."""
    return unicodedata.normalize("NFC", text)


def _retone_word(match: re.Match[str]) -> str:
    return _retoned(match.group(0))


@lru_cache(maxsize=65_536)
def _retoned(word: str) -> str:
    """A word with its one tone mark on the vowel that carries it (``_SYLLABLE``); a letter's
    vocabulary is a few thousand words, so each is placed once."""
    if word.isascii():
        return word
    split = unicodedata.normalize("NFD", word)
    tones = [ch for ch in split if ch in _COMBINING_TONES]
    if len(tones) != 1:
        return word
    bare = unicodedata.normalize("NFC", "".join(ch for ch in split if ch not in _COMBINING_TONES))
    parts = _SYLLABLE.fullmatch(bare.lower())
    if parts is None:
        return word
    vowels, closed = parts.group(2), bool(parts.group(3))
    marked = [i for i, ch in enumerate(vowels) if ch in _MARKED]
    if marked:
        at = marked[-1]
    elif closed or len(vowels) == 1:
        at = len(vowels) - 1
    elif len(vowels) == 3:
        at = 1  # "ngoài", "khuỷu"
    else:
        at = 1 if vowels in ("oa", "oe", "uy") else 0
    at += len(parts.group(1))
    toned = unicodedata.normalize("NFC", unicodedata.normalize("NFD", bare[at]) + tones[0])
    return bare[:at] + toned + bare[at + 1:]


def unify_tones(text: str) -> str:
    """Treat old and new tone placement as one (hoà = hòa, thuý = thúy), and a mark typed on
    the wrong vowel as the right one (khỏan = khoản)."""
    return _WORD.sub(_retone_word, nfc(text))


def _strip_slowly(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


# every accented Latin letter (Vietnamese's among them) -> its bare letter, read once: a
# question folds hundreds of sentences, and a table lookup is what decomposing each costs
_BARE = {code: bare for code in range(0xC0, 0x1F00)
         if (bare := _strip_slowly(chr(code))) != chr(code) and bare.isascii()}


def strip_diacritics(text: str) -> str:
    """Remove every diacritic, đ → d: the form people type on a phone without a Vietnamese IME."""
    bare = text.translate(_BARE)
    return bare if bare.isascii() else _strip_slowly(bare)


def fold(text: str) -> str:
    """Lowercase, diacritic-free, single-spaced: the comparison key for headers and words."""
    return _SPACES.sub(" ", strip_diacritics(nfc(text)).lower()).strip()


def header_key(text: str) -> str:
    """A column header's key: folded, with every non-alphanumeric character removed."""
    return re.sub(r"[^0-9a-z]", "", fold(text))
