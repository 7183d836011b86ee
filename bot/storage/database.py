"""The SQLite database: WAL, foreign keys, a busy timeout, migrations applied at start-up.

Writes go through :meth:`Database.transaction`, one per use case, serialised by a lock so two
coroutines never interleave statements inside one transaction. Reads use a second connection,
which in WAL mode sees the last committed state and never waits for a writer.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import aiosqlite

log = logging.getLogger(__name__)

Tx = aiosqlite.Connection
BUSY_TIMEOUT_MS = 10_000


def utcnow() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration shipped with the package, in order."""
    found = []
    for item in resources.files("bot.storage").joinpath("migrations").iterdir():
        if item.name.endswith(".sql"):
            version = int(item.name.split("_", 1)[0])
            found.append((version, item.name, item.read_text(encoding="utf-8")))
    return sorted(found)


LATEST_VERSION = max(v for v, _, _ in migrations())


async def _configure(conn: aiosqlite.Connection) -> None:
    await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    await conn.execute("PRAGMA foreign_keys = ON")
    await conn.execute("PRAGMA synchronous = NORMAL")
    conn.row_factory = aiosqlite.Row


class Database:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._writer: aiosqlite.Connection | None = None
        self._reader: aiosqlite.Connection | None = None
        self._write_lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path | str, *, migrate: bool = True) -> Database:
        db = cls(path)
        await db.connect(migrate=migrate)
        return db

    async def connect(self, *, migrate: bool = True) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._writer = await aiosqlite.connect(self.path, isolation_level=None)
        await self._writer.execute("PRAGMA journal_mode = WAL")
        await _configure(self._writer)
        if migrate:
            await self.migrate()
        self._reader = await aiosqlite.connect(self.path, isolation_level=None)
        await _configure(self._reader)

    @property
    def is_open(self) -> bool:
        return self._writer is not None

    async def close(self) -> None:
        for conn in (self._reader, self._writer):
            if conn is not None:
                await conn.close()
        self._reader = self._writer = None

    @property
    def reader(self) -> aiosqlite.Connection:
        if self._reader is None:
            raise RuntimeError("database is not open")
        return self._reader

    async def schema_version(self) -> int:
        assert self._writer is not None
        async with self._writer.execute("PRAGMA user_version") as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0

    async def migrate(self, target: int = LATEST_VERSION) -> None:
        """Bring an older database up to ``target`` in place, each step in one transaction."""
        current = await self.schema_version()
        level = logging.DEBUG if current == 0 else logging.INFO  # a new file: nothing to report
        for version, name, sql in migrations():
            if current < version <= target:
                log.log(level, "applying migration %s", name)
                async with self.transaction() as tx:
                    for statement in _split_sql(sql):
                        await tx.execute(statement)
                    await tx.execute(f"PRAGMA user_version = {version}")

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any exception: one use case, all or nothing."""
        if self._writer is None:
            raise RuntimeError("database is not open")
        async with self._write_lock:
            await self._writer.execute("BEGIN IMMEDIATE")
            try:
                yield self._writer
            except BaseException:
                await self._writer.execute("ROLLBACK")
                raise
            else:
                await self._writer.execute("COMMIT")

    @property
    def busy(self) -> bool:
        """True while a write transaction is open (used to refuse a second concurrent import)."""
        return self._write_lock.locked()


def _split_sql(script: str) -> list[str]:
    """The statements of a migration, one at a time. SQLite's own tokenizer
    (``sqlite3.complete_statement``) decides where one ends, so a ``;`` inside a trigger's
    body, a string or a comment does not cut a statement in two."""
    statements: list[str] = []
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            statement = pending.strip()
            if _has_code(statement):
                statements.append(statement)
            pending = ""
    if _has_code(pending.rstrip(";")):
        raise ValueError(f"incomplete SQL statement at the end of a migration: {pending[:60]!r}")
    return statements


def _has_code(sql: str) -> bool:
    """False for what is only comments, blanks and semicolons."""
    lines = [ln.split("--", 1)[0] for ln in sql.splitlines()]
    return bool("".join(lines).replace(";", "").strip())


async def audit(tx: aiosqlite.Connection, *, actor: str, action: str, subject: str | None = None,
                **detail: Any) -> None:
    """Append an audit row. ``detail`` must hold ids and states, never names or phone numbers."""
    await tx.execute(
        "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
        (utcnow(), actor, action, subject,
         json.dumps(detail, ensure_ascii=False, sort_keys=True) if detail else None),
    )
