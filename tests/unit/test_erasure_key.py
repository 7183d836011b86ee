"""The key of erased accounts' pseudonyms: from the settings, or made once beside the database."""

from __future__ import annotations

import stat
from pathlib import Path

from bot.app import Services
from bot.config import Settings, load_settings
from bot.storage import Database
from bot.storage.erasure import (
    is_pseudonym_number,
    key_path,
    load_or_create_key,
    pseudonym,
    pseudonym_number,
)


def test_a_generated_key_is_private_stable_and_outside_the_database(tmp_path: Path) -> None:
    db_path = tmp_path / "troly.sqlite3"
    key = load_or_create_key(db_path)
    assert len(key) == 64 and load_or_create_key(db_path) == key
    assert stat.S_IMODE(key_path(db_path).stat().st_mode) == 0o600
    assert not db_path.exists()


def test_pseudonyms_depend_on_the_key_and_never_look_like_a_chat(tmp_path: Path) -> None:
    assert pseudonym(b"k1", 123456789) == pseudonym(b"k1", 123456789)
    assert pseudonym(b"k1", 123456789) != pseudonym(b"k2", 123456789)
    assert "123456789" not in pseudonym(b"k1", 123456789)
    number = pseudonym_number(b"k1", 8_000_000_000)
    assert is_pseudonym_number(number) and number < 2**63
    assert not is_pseudonym_number(8_000_000_000)


def test_the_configured_key_wins(tmp_path: Path) -> None:
    settings = load_settings({"TROLY_ERASURE_KEY": "a-key-from-the-settings",
                              "TROLY_DB_PATH": str(tmp_path / "x.sqlite3")})
    services = Services(settings=settings, db=Database(settings.db_path))
    assert services.erasure_key == b"a-key-from-the-settings"
    assert not key_path(settings.db_path).exists()
    generated = Services(settings=Settings(db_path=tmp_path / "y.sqlite3"),
                         db=Database(tmp_path / "y.sqlite3"))
    assert generated.erasure_key == key_path(tmp_path / "y.sqlite3").read_text().encode()
