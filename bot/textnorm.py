"""Vietnamese text normalisation shared by the roster importer and the answering engine.

Keyboards send Vietnamese in NFC or NFD, with the tone mark on either vowel of "oa", "oe",
"uy" ("hoà" / "hòa"), or without diacritics at all. Everything that compares text goes
through these functions so the same word always compares equal.
"""

from __future__ import annotations

import re
import unicodedata

_COMBINING_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền sắc ngã hỏi nặng
# Old-style tone placement moves the mark onto the second vowel of these pairs when they
# end the syllable: hoà→hòa is the old style; the new style puts it on the main vowel.
_OLD_STYLE = re.compile(r"(?i)([oòóỏõọ]a|[oòóỏõọ]e|[uùúủũụ]y)(?![\w])")
_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    """Compose decomposed (NFD) input, as some Vietnamese keyboards send it."""
    return unicodedata.normalize("NFC", text)


def _retone_syllable(match: re.Match[str]) -> str:
    """Put the tone of "oa/oe/uy" on the second vowel, so "hòa" and "hoà" become one form."""
    pair = unicodedata.normalize("NFD", match.group(0))
    tones = [ch for ch in pair if ch in _COMBINING_TONES]
    if not tones:
        return match.group(0)
    bare = "".join(ch for ch in pair if ch not in _COMBINING_TONES)
    return unicodedata.normalize("NFC", bare + tones[0])


def unify_tones(text: str) -> str:
    """Treat old and new tone placement as one (hoà = hòa, thuý = thúy)."""
    return _OLD_STYLE.sub(_retone_syllable, nfc(text))


def strip_diacritics(text: str) -> str:
    """Remove every diacritic, đ → d: the form people type on a phone without a Vietnamese IME."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


def fold(text: str) -> str:
    """Lowercase, diacritic-free, single-spaced: the comparison key for headers and words."""
    return _SPACES.sub(" ", strip_diacritics(nfc(text)).lower()).strip()


def header_key(text: str) -> str:
    """A column header's key: folded, with every non-alphanumeric character removed."""
    return re.sub(r"[^0-9a-z]", "", fold(text))
