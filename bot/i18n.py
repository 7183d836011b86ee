"""Gettext catalogs (Babel .po files in locales/) and Vietnamese date formatting.

Message ids are English; Vietnamese is the default language the bot speaks, English the
second. Catalogs are read from the .po files with Babel at start-up, so there is no compile
step to forget.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel.dates import format_date
from babel.messages.pofile import read_po

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"
DEFAULT_LANGUAGE = "vi"
LANGUAGES = ("vi", "en")
_VI_WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")

Gettext = Callable[[str], str]


def N_(message: str) -> str:
    """Mark a string for extraction where it is built at import time; translate it later."""
    return message


@dataclass(frozen=True, slots=True)
class Translator:
    language: str
    _messages: dict[str, str | tuple[str, ...]]

    def gettext(self, message: str) -> str:
        found = self._messages.get(message)
        return found if isinstance(found, str) and found else message

    __call__ = gettext

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        # Vietnamese has one plural form; English two.
        found = self._messages.get(singular)
        if isinstance(found, tuple) and all(found):
            return found[0] if len(found) == 1 or n == 1 else found[1]
        return singular if n == 1 else plural

    def date(self, value: dt.date, *, weekday: bool = False) -> str:
        return format_day(value, self.language, weekday=weekday)


@cache
def translator(language: str | None = None) -> Translator:
    """The translator for a language; unknown languages fall back to Vietnamese."""
    lang = language if language in LANGUAGES else DEFAULT_LANGUAGE
    return Translator(lang, _load_messages(lang))


def _load_messages(language: str) -> dict[str, str | tuple[str, ...]]:
    path = LOCALES_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.exists():
        return {}
    with path.open("rb") as f:
        catalog = read_po(f, locale=language)
    messages: dict[str, str | tuple[str, ...]] = {}
    for m in catalog:
        if not m.id or m.fuzzy:
            continue
        if isinstance(m.id, tuple):
            messages[str(m.id[0])] = tuple(str(x) for x in m.string or ())
        else:
            messages[str(m.id)] = str(m.string or "")
    return messages


def format_day(value: dt.date, language: str = DEFAULT_LANGUAGE, *, weekday: bool = False) -> str:
    """Dates as Vietnamese write them: ``28/02/2027``, or ``Chủ nhật, 28/02/2027``."""
    day = value.strftime("%d/%m/%Y")
    if not weekday:
        return day
    if language == "vi":
        # Babel capitalises every word ("Chủ Nhật"); Vietnamese writes "Chủ nhật", "Thứ hai".
        name = _VI_WEEKDAYS[value.weekday()]
    else:
        name = format_date(value, "EEEE", locale=language)
    return f"{name}, {day}"


def grouped(number: float) -> str:
    """Counts and sizes as Vietnamese write them: ``100.000``, ``1.000.000`` (whole numbers)."""
    return f"{number:,.0f}".replace(",", ".")
