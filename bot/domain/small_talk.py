"""Messages that are not questions: greetings, thanks, "ok", emoji, a typed phone number.

New users greet the bot, thank it, or type their phone number to sign up. Searching the
knowledge base for those ends in "not found" and fills the admins' list of unanswered questions,
so they are recognised first. A message counts as small talk only when every word in it is a
greeting, a thank-you, an acknowledgement or a polite filler: "chào, cho hỏi hạn chót" is a
question.
"""

from __future__ import annotations

import re
from enum import StrEnum

from bot.domain.phones import normalise_phone
from bot.textnorm import fold


class SmallTalk(StrEnum):
    GREETING = "greeting"
    THANKS = "thanks"
    ACKNOWLEDGEMENT = "acknowledgement"  # ok, vâng, dạ, 👍


# Phrases folded (lowercase, no diacritics); the longest match is taken first.
_PHRASES: dict[SmallTalk, tuple[str, ...]] = {
    SmallTalk.GREETING: (
        "xin chao", "chao", "chao buoi sang", "chao buoi chieu", "chao buoi toi", "hello",
        "hi", "hey", "alo", "a lo", "good morning", "good afternoon", "good evening",
    ),
    SmallTalk.THANKS: (
        "cam on", "cam ong", "cam on nhieu", "xin cam on", "thanks", "thank you", "thank",
        "thanks a lot", "many thanks", "tks", "thx", "cam an", "camon", "cmon",
    ),
    SmallTalk.ACKNOWLEDGEMENT: (
        "ok", "oke", "okie", "okay", "okela", "uh", "u", "um", "uhm", "vang", "da", "da vang",
        "vang a", "duoc", "duoc roi", "roi", "ro roi", "hieu roi", "da hieu", "dong y",
        "tot", "tot qua", "hay qua", "great", "good", "fine", "yes", "noted", "da ro",
    ),
}
# Words that only address or soften: "ạ", "nhé", "ad", "Trợ lý", "thầy", "nhiều"…
_FILLERS = frozenset(
    "a ad admin ban bot tro ly troly nhe nha nhieu lam rat ah oi thay co em anh chi "
    "moi nguoi ca nha you so much very nhi nghe".split())
_WORD = re.compile(r"[a-z0-9]+")
_PHONE_CHARACTERS = re.compile(r"^[+\d][\d\s.\-()]{7,18}$")


def _phrase_table() -> list[tuple[tuple[str, ...], SmallTalk]]:
    table = [(tuple(p.split()), kind) for kind, phrases in _PHRASES.items() for p in phrases]
    return sorted(table, key=lambda item: -len(item[0]))


_TABLE = _phrase_table()


def small_talk_kind(text: str) -> SmallTalk | None:
    """What kind of small talk ``text`` is, or None when it may be a question.

    Emoji and punctuation alone count as an acknowledgement.
    """
    words = _WORD.findall(fold(text))
    if not words:
        return SmallTalk.ACKNOWLEDGEMENT if text.strip() else None
    found: list[SmallTalk] = []
    i = 0
    while i < len(words):
        for phrase, kind in _TABLE:
            if tuple(words[i:i + len(phrase)]) == phrase:
                found.append(kind)
                i += len(phrase)
                break
        else:
            if words[i] not in _FILLERS:
                return None
            i += 1
    if not found:
        return None
    # "chào, cảm ơn ạ" is above all a thank-you; "ok cảm ơn" too.
    for kind in (SmallTalk.THANKS, SmallTalk.GREETING, SmallTalk.ACKNOWLEDGEMENT):
        if kind in found:
            return kind
    return None


def typed_phone_number(text: str) -> str | None:
    """The phone number a message consists of ("0912 000 001", "+84 912…"), in canonical form;
    None when the message is anything else."""
    stripped = text.strip()
    if not _PHONE_CHARACTERS.match(stripped):
        return None
    return normalise_phone(stripped)
