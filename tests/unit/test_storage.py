"""The schema upgrades in place, keeping every row; a failed use case leaves nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.storage import Database
from bot.storage.database import LATEST_VERSION


async def test_an_older_database_upgrades_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = await Database.open(path, migrate=False)
    await old.migrate(target=1)
    assert await old.schema_version() == 1
    async with old.transaction() as tx:
        await tx.execute("INSERT INTO units (id, kind, name, name_key) "
                         "VALUES (1, 'so', 'Sở', 'so')")
        await tx.execute("INSERT INTO people (full_name, phone, role, unit_id, created_at, "
                         "updated_at) VALUES ('A', '0912345678', 'so', 1, 'x', 'x')")
        await tx.execute("INSERT INTO accounts (telegram_user_id, person_id, created_at) "
                         "VALUES (42, 1, 'x')")
    await old.close()

    upgraded = await Database.open(path)
    try:
        assert await upgraded.schema_version() == LATEST_VERSION > 1
        async with upgraded.reader.execute("SELECT telegram_user_id, person_id, blocked_at "
                                           "FROM accounts") as cur:
            assert [tuple(r) for r in await cur.fetchall()] == [(42, 1, None)]
        async with upgraded.reader.execute("SELECT phone FROM people") as cur:
            assert [r[0] for r in await cur.fetchall()] == ["0912345678"]
    finally:
        await upgraded.close()


async def test_wal_and_foreign_keys_are_on(db: Database) -> None:
    async with db.reader.execute("PRAGMA journal_mode") as cur:
        assert (await cur.fetchone())[0] == "wal"
    async with db.reader.execute("PRAGMA foreign_keys") as cur:
        assert (await cur.fetchone())[0] == 1


async def test_a_transaction_that_fails_writes_nothing(db: Database) -> None:
    with pytest.raises(RuntimeError):
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO units (kind, name, name_key) VALUES ('so', 'S', 's')")
            raise RuntimeError("boom")
    async with db.reader.execute("SELECT COUNT(*) FROM units") as cur:
        assert (await cur.fetchone())[0] == 0


def test_the_migration_splitter_keeps_a_trigger_whole() -> None:
    """A ``;`` inside a trigger, a string or a comment ends no statement (issue 13, item 9)."""
    import sqlite3

    from bot.storage.database import _split_sql

    script = """
    -- a comment; with a semicolon
    CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL, edits INTEGER DEFAULT 0);
    CREATE TABLE note_log (note_id INTEGER, what TEXT);
    CREATE TRIGGER note_edited AFTER UPDATE OF text ON notes
    BEGIN
        UPDATE notes SET edits = edits + 1 WHERE id = NEW.id;
        INSERT INTO note_log VALUES (NEW.id, 'edited; once more');
    END;
    INSERT INTO notes (text) VALUES ('a; b');
    """
    statements = _split_sql(script)
    assert len(statements) == 4
    assert statements[2].startswith("CREATE TRIGGER") and statements[2].endswith("END;")
    conn = sqlite3.connect(":memory:")
    for statement in statements:
        conn.execute(statement)
    conn.execute("UPDATE notes SET text = 'c' WHERE id = 1")
    assert conn.execute("SELECT edits FROM notes").fetchone() == (1,)
    assert conn.execute("SELECT what FROM note_log").fetchall() == [("edited; once more",)]


def test_every_migration_has_its_own_version() -> None:
    """Two steps numbered alike (two branches each adding one) would leave a database already
    at that version without the second: it would never be applied."""
    from bot.storage.database import migrations

    versions = [version for version, _name, _sql in migrations()]
    assert versions == list(range(1, len(versions) + 1))
