"""Every user-facing string of the code has a Vietnamese and an English translation."""

from __future__ import annotations

import ast
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from bot.i18n import LOCALES_DIR, format_day, translator
from tests.output_language import wrong_language

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def messages_in_code() -> set[str]:
    found: set[str] = set()
    for package in ("bot", "handlers", "scheduler", "web"):
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


def _calls_with_a_literal(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """Every ``_("…")``, ``N_("…")``, ``x.gettext("…")``, wherever it is: f-strings included."""
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and node.args
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else (
            func.attr if isinstance(func, ast.Attribute) else "")
        if name in KEYWORDS:
            yield node.lineno, node.args[0].value


def test_every_message_the_code_asks_for_reaches_the_catalogs() -> None:
    """Babel cannot see a call inside an f-string on Python 3.11 (issue 20: "I read this
    letter" and "Letters I answer from" were shown untranslated); read the code as Python does."""
    extracted = messages_in_code()
    unseen = []
    for package in ("bot", "handlers", "scheduler", "web"):
        for path in sorted((ROOT / package).rglob("*.py")):
            for line, message in _calls_with_a_literal(ast.parse(path.read_text("utf-8"))):
                if message not in extracted:
                    unseen.append(f"{path.relative_to(ROOT)}:{line}: {message!r}")
    assert not unseen, "pybabel does not extract these (take them out of the f-string):\n" + \
        "\n".join(unseen)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_each_catalog_is_in_its_own_language(language: str) -> None:
    """The Vietnamese catalog holds no English sentence, the English one no Vietnamese."""
    with (LOCALES_DIR / language / "LC_MESSAGES" / "messages.po").open("rb") as f:
        catalog = read_po(f, locale=language)
    wrong = []
    for m in catalog:
        if not m.id:  # the header
            continue
        strings = [m.string] if isinstance(m.string, str) else list(m.string or ())
        for string in strings:
            shown = re.sub(r"\{\w*(?::[^}]*)?\}|%\(\w+\)[sdr]|%[sdr]", "7", string or "")
            found = wrong_language(shown, language)
            if found:
                wrong.append(f"{m.id!r}: {found}")
    assert not wrong, f"{language}: " + "\n".join(wrong[:20])
