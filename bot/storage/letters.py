"""Letters as stored: metadata and extracted text; every add and remove leaves an audit row."""

from __future__ import annotations

from dataclasses import dataclass

import aiosqlite

from bot.knowledge.letters import LetterMeta
from bot.storage.database import audit, utcnow


@dataclass(frozen=True, slots=True)
class StoredLetter:
    id: int
    meta: LetterMeta
    filename: str
    body: str
    added_at: str


def _letter(row: aiosqlite.Row) -> StoredLetter:
    return StoredLetter(row["id"], LetterMeta(row["number"], row["date"], row["issuer"],
                                              row["subject"], bool(row["scanned"])),
                        row["filename"], row["body"], row["added_at"])


async def all_letters(conn: aiosqlite.Connection) -> list[StoredLetter]:
    async with conn.execute("SELECT * FROM letters ORDER BY id") as cur:
        return [_letter(r) for r in await cur.fetchall()]


async def letter_metas(conn: aiosqlite.Connection) -> dict[int, LetterMeta]:
    """Number, date, issuer and subject of every stored letter (not their text)."""
    async with conn.execute("SELECT id, number, date, issuer, subject, scanned FROM letters"
                            ) as cur:
        return {r["id"]: LetterMeta(r["number"], r["date"], r["issuer"], r["subject"],
                                    bool(r["scanned"]))
                for r in await cur.fetchall()}


async def letter_with_sha256(conn: aiosqlite.Connection, sha256: str) -> int | None:
    """The number of the letter stored from the file with this SHA-256, if any."""
    async with conn.execute("SELECT id FROM letters WHERE sha256 = ?", (sha256,)) as cur:
        row = await cur.fetchone()
    return int(row[0]) if row else None


async def add_letter(tx: aiosqlite.Connection, meta: LetterMeta, *, filename: str, body: str,
                     sha256: str, actor: str) -> int:
    """A new number, never one given before (not even to a removed letter: migration 0013)."""
    async with tx.execute("UPDATE letter_numbers SET last = last + 1 RETURNING last") as cur:
        row = await cur.fetchone()
    assert row is not None
    cur = await tx.execute(
        "INSERT INTO letters (id, number, date, issuer, subject, scanned, filename, body, "
        "sha256, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (row[0], meta.number, meta.date, meta.issuer, meta.subject, int(meta.scanned), filename,
         body, sha256, actor, utcnow()))
    assert cur.lastrowid is not None
    await audit(tx, actor=actor, action="letter.add", subject=f"letter:{cur.lastrowid}",
                number=meta.number, date=meta.date, chars=len(body), scanned=meta.scanned)
    return cur.lastrowid


async def remove_letter(tx: aiosqlite.Connection, letter_id: int, *, actor: str) -> bool:
    cur = await tx.execute("DELETE FROM letters WHERE id = ?", (letter_id,))
    if cur.rowcount:
        await audit(tx, actor=actor, action="letter.remove", subject=f"letter:{letter_id}")
    return cur.rowcount == 1


async def record_answer(tx: aiosqlite.Connection, letter_id: int) -> None:
    """A question answered from this letter (a letter not stored, e.g. loaded for a test run,
    is not counted)."""
    await tx.execute("INSERT INTO letter_answers (asked_at, letter_id) "
                     "SELECT ?, id FROM letters WHERE id = ?", (utcnow(), letter_id))


async def answers_since(conn: aiosqlite.Connection, since: str) -> dict[int, int]:
    """Letter id → how many questions it answered since ``since`` (ISO time, UTC)."""
    async with conn.execute(
            "SELECT letter_id, COUNT(*) FROM letter_answers WHERE asked_at >= ? "
            "GROUP BY letter_id", (since,)) as cur:
        return {int(r[0]): int(r[1]) for r in await cur.fetchall()}
