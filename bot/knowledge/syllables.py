"""Whether a word typed with marks can be a Vietnamese syllable.

A word typed with its marks is read as the word meant ("lương" is a salary, never "lượng"),
but a teacher on a phone also drops a letter or a mark: "hệ thốg", "bồi dưỡg", "đơt học".
Such a word is no syllable of the language, so its marks cannot have chosen a word: it is a
typo, read as if typed without marks (and repaired by the speller). No maintained PyPI
library checks this (the IME engines that do, such as ``bogo``, are unmaintained), so the
check is written here from the published rules of the written syllable (Đoàn Thiện Thuật,
*Ngữ âm tiếng Việt*, 1977; Wikipedia, "Vietnamese phonology" and "Vietnamese alphabet"):

- a syllable is an onset (one of ``_ONSETS``, or none), a rhyme (``_RHYMES``: an optional
  glide written "o" or "u", a vowel nucleus, an optional final) and one tone mark at most;
- the nuclei "ă" and "â" never end a syllable ("ăn", "âu", but no "bă"); the diphthongs are
  "iê/yê/ia/ya", "uô/ua", "ươ/ưa", so "uo" + final is "uô" or "ươ", never bare;
- the finals are m n ng nh p t c ch and the glides i/y o/u; "nh" and "ch" follow only
  a, ê, i (and "oa", "uê", "uy"); "g" never ends a syllable without "n" before it;
- a syllable closed by p, t, c or ch carries only the sắc or nặng tone ("đợt", never "đơt");
- /k/ is written "c" before a vowel other than i, y, e, ê; "gh" and "ngh" stand only before
  i, e, ê, and "g" and "ng" never do ("gi" is its own onset); "q" is always "qu".

The check is lenient where the language is: rare rhymes of interjections and loanwords
("oong", "oóc", "uýp") pass, and so does "k" anywhere, as the Central Highlands' place names
write /k/ ("Đắk Lắk", "Bắc Kạn", "Krông Búk"), so a real word is not taken for a typo.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TONES = {"\u0300": "huyền", "\u0301": "sắc", "\u0303": "ngã", "\u0309": "hỏi", "\u0323": "nặng"}
_ONSETS = "b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x".split()
_VOWEL = re.compile("[aeiouy]")
# Rhymes without a glide, by nucleus; "ưm", "ưn" and "ec", "eng" are rare but real
_PLAIN = """a ai ao au ay am an ang anh ap at ac ach
    ăm ăn ăng ăp ăt ăc  âu ây âm ân âng âp ât âc
    e eo em en eng ep et ec  ê êu êm ên ênh êp êt êch
    i ia iu im in inh ip it ich  iêu iêm iên iêng iêp iêt iêc
    y yêu yêm yên yêng yêt
    o oi om on ong op ot oc oong ooc  ô ôi ôm ôn ông ôp ôt ôc  ơ ơi ơm ơn ơp ơt
    u ua ui um un ung up ut uc  uôi uôm uôn uông uôt uôc
    ư ưa ưi ưu ưm ưn ưng ưt ưc  ươi ươu ươm ươn ương ươp ươt ươc""".split()
# The glide /w/, written "o" before a, ă, e and "u" before â, ê, y, ơ
_GLIDED = """oa oai oay oao oam oan oang oanh oap oat oac oach oăm oăn oăng oăt oăc
    oe oeo oem oen oeng oet  uâ uân uâng uât uây  uê uên uênh uêch uêt
    uy uya uyu uyn uynh uyp uyt uych uyên uyêt  uơ""".split()
_RHYMES = frozenset(_PLAIN + _GLIDED)
# after "qu" the glide is the "u" already written: "quả", "quăng", "quân", "quyết", "quý"
_AFTER_QU = frozenset(_PLAIN) | {r[1:] for r in _GLIDED if r[0] == "u"} | {
    "y" + r[1:] for r in _PLAIN if r[0] == "i" and not r.startswith("iê")}
_FRONT = re.compile("[ieêy]")  # the vowels "gh", "ngh" stand before, and "c", "g", "ng" never
_CLOSED = re.compile("(?:p|t|c|ch|k)$")


def is_mistyped(word: str, folded: str) -> bool:
    """Whether a word typed with marks (``folded`` is it without them) is no syllable, so its
    marks chose no word. A word without a vowel ("đc", "bgdđt") is an abbreviation, not a
    syllable mistyped."""
    return word != folded and bool(_VOWEL.search(folded)) and not is_syllable(word)


@lru_cache(maxsize=16_384)
def is_syllable(word: str) -> bool:
    """Whether ``word`` (lowercase, composed) can be a syllable of Vietnamese."""
    split = unicodedata.normalize("NFD", word)
    tones = [_TONES[ch] for ch in split if ch in _TONES]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in split if ch not in _TONES))
    if _CLOSED.search(bare) and tones not in (["sắc"], ["nặng"]):
        return False  # "đơt" (no mark is the ngang tone) is "đợt" or "đớt", mistyped
    return _spelled(bare)


def _spelled(bare: str) -> bool:
    """Whether a toneless syllable splits into an onset and a rhyme spelled as they may be."""
    if bare.endswith("k"):
        bare = bare[:-1] + "c"  # "Đắk Lắk"
    if bare in _RHYMES:
        return True
    for onset in _ONSETS:
        rhyme = bare[len(onset):]
        if not bare.startswith(onset) or (not rhyme and onset != "gi"):
            continue
        front = bool(_FRONT.match(rhyme))
        if onset == "qu":
            if rhyme in _AFTER_QU:
                return True
        elif onset == "gi":  # "gì", "gìn", "giếng": the "i" is the onset's and the rhyme's
            if rhyme in _RHYMES or "i" + rhyme in _RHYMES:
                return True
        elif (onset in ("gh", "ngh") and not front) or (onset in ("c", "g", "ng") and front):
            continue
        elif rhyme in _RHYMES:
            return True
    return False


def _marked_letters(word: str) -> list[tuple[str, frozenset[str]]]:
    """Each letter of ``word`` with the marks on it ("đ" is "d" with a stroke)."""
    found: list[tuple[str, set[str]]] = []
    for ch in unicodedata.normalize("NFD", word):
        if unicodedata.combining(ch) and found:
            found[-1][1].add(ch)
        elif ch in "đĐ":
            found.append(("d", {"stroke"}))
        else:
            found.append((ch, set()))
    return [(ch, frozenset(marks)) for ch, marks in found]


def marks_dropped(typed: str, meant: str) -> bool:
    """Whether ``meant`` is ``typed`` with one mark or more added and none changed: "buổi"
    of "buôi", "trường" of "trương", "dự" of "dư" (a phone typing fast drops the tone)."""
    said, full = _marked_letters(typed), _marked_letters(meant)
    return typed != meant and len(said) == len(full) and all(
        a == b and marks <= more for (a, marks), (b, more) in zip(said, full, strict=True))
