"""Questions the bot could not answer: kept (text, time, role) so admins can grow the base."""

from __future__ import annotations

from dataclasses import dataclass

import aiosqlite

from bot.storage.database import utcnow
from bot.textnorm import fold

MAX_STORED_CHARS = 500


@dataclass(frozen=True, slots=True)
class FrequentQuestion:
    text: str
    count: int
    last_asked: str


async def record_unanswered(tx: aiosqlite.Connection, text: str, role: str) -> None:
    text = text.strip()[:MAX_STORED_CHARS]
    await tx.execute(
        "INSERT INTO unanswered_questions (asked_at, role, text, text_key) VALUES (?, ?, ?, ?)",
        (utcnow(), role, text, fold(text)))


async def most_frequent_unanswered(conn: aiosqlite.Connection,
                                   limit: int = 10) -> list[FrequentQuestion]:
    """Grouped by the folded text, so "hạn chót?" and "han chot" count as one question."""
    async with conn.execute(
        """SELECT MAX(text), COUNT(*) AS n, MAX(asked_at) FROM unanswered_questions
           GROUP BY text_key ORDER BY n DESC, MAX(asked_at) DESC LIMIT ?""", (limit,)) as cur:
        return [FrequentQuestion(r[0], r[1], r[2]) for r in await cur.fetchall()]
