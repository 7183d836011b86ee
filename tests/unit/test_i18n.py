"""Every user-facing string of the code has a Vietnamese and an English translation."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from bot.i18n import LOCALES_DIR, format_day, translator

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def messages_in_code() -> set[str]:
    found: set[str] = set()
    for package in ("bot", "handlers", "scheduler"):
        for _file, _line, message, _comments, _context in extract_from_dir(
                ROOT / package, method_map=[("**.py", "python")], keywords=KEYWORDS):
            found.add(message if isinstance(message, str) else message[0])
    return found


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_message_is_translated_and_not_fuzzy(language: str) -> None:
    with (LOCALES_DIR / language / "LC_MESSAGES" / "messages.po").open("rb") as f:
        catalog = read_po(f, locale=language)
    translated = {}
    for m in catalog:
        if m.id:
            key = m.id if isinstance(m.id, str) else m.id[0]
            string = m.string if isinstance(m.string, str) else "".join(m.string)
            translated[key] = (string, m.fuzzy)
    missing = sorted(m for m in messages_in_code() if not translated.get(m, ("", False))[0])
    fuzzy = sorted(m for m in messages_in_code() if translated.get(m, ("", False))[1])
    assert not missing, f"{language}: untranslated (run scripts/i18n.sh): {missing[:10]}"
    assert not fuzzy, f"{language}: fuzzy: {fuzzy[:10]}"
    for msgid, (string, _fuzzy) in translated.items():
        if not string:  # not used by the code yet (checked above when it is)
            continue
        assert sorted(PLACEHOLDER.findall(msgid)) == sorted(PLACEHOLDER.findall(string)), msgid


def test_vietnamese_is_the_default_and_english_the_second() -> None:
    assert translator(None).gettext("Cancel") == "Huỷ"
    assert translator("fr").gettext("Cancel") == "Huỷ"
    assert translator("en").gettext("Cancel") == "Cancel"


def test_dates_the_vietnamese_way() -> None:
    assert format_day(dt.date(2027, 2, 28)) == "28/02/2027"
    assert format_day(dt.date(2027, 2, 28), weekday=True) == "Chủ nhật, 28/02/2027"
    assert format_day(dt.date(2027, 3, 30), weekday=True) == "Thứ ba, 30/03/2027"
    assert format_day(dt.date(2027, 2, 28), "en", weekday=True) == "Sunday, 28/02/2027"
