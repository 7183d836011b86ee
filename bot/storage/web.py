"""Sign-in links and sessions of the web dashboard, stored as digests of their tokens."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import aiosqlite


@dataclass(frozen=True, slots=True)
class WebSession:
    id: int
    csrf: str
    person_id: int | None
    telegram_user_id: int | None
    language: str
    expires_at: dt.datetime


async def add_link(tx: aiosqlite.Connection, token_hash: str, person_id: int | None,
                   telegram_user_id: int | None, now: dt.datetime,
                   expires_at: dt.datetime) -> None:
    await tx.execute(
        "INSERT INTO web_links (token_hash, person_id, telegram_user_id, created_at, expires_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (token_hash, person_id, telegram_user_id, now.isoformat(), expires_at.isoformat()))


async def use_link(tx: aiosqlite.Connection, token_hash: str,
                   now: dt.datetime) -> tuple[int | None, int | None] | None:
    """Mark the link used if it is unused and unexpired: (person id, Telegram id), else None.

    Compare-and-set, so two tabs opening the same link at once get one session between them.
    """
    async with tx.execute(
            "UPDATE web_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL "
            "AND expires_at > ? RETURNING person_id, telegram_user_id",
            (now.isoformat(), token_hash, now.isoformat())) as cur:
        row = await cur.fetchone()
    return None if row is None else (row[0], row[1])


async def add_session(tx: aiosqlite.Connection, token_hash: str, csrf: str,
                      person_id: int | None, telegram_user_id: int | None, language: str,
                      now: dt.datetime, expires_at: dt.datetime) -> int:
    cur = await tx.execute(
        "INSERT INTO web_sessions (token_hash, csrf, person_id, telegram_user_id, language, "
        "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (token_hash, csrf, person_id, telegram_user_id, language, now.isoformat(),
         expires_at.isoformat()))
    return int(cur.lastrowid or 0)


async def live_session(conn: aiosqlite.Connection, token_hash: str,
                       now: dt.datetime) -> WebSession | None:
    async with conn.execute(
            "SELECT id, csrf, person_id, telegram_user_id, language, expires_at "
            "FROM web_sessions WHERE token_hash = ? AND ended_at IS NULL AND expires_at > ?",
            (token_hash, now.isoformat())) as cur:
        row = await cur.fetchone()
    if row is None:
        return None
    return WebSession(row[0], row[1], row[2], row[3], row[4],
                      dt.datetime.fromisoformat(row[5]))


async def end_session(tx: aiosqlite.Connection, session_id: int, now: dt.datetime) -> bool:
    cur = await tx.execute("UPDATE web_sessions SET ended_at = ? WHERE id = ? AND "
                           "ended_at IS NULL", (now.isoformat(), session_id))
    return cur.rowcount > 0


async def set_language(tx: aiosqlite.Connection, session_id: int, language: str) -> None:
    await tx.execute("UPDATE web_sessions SET language = ? WHERE id = ?", (language, session_id))


async def forget_expired(tx: aiosqlite.Connection, now: dt.datetime) -> int:
    """Links and sessions past their time are of no use to anyone: drop them."""
    stamp = now.isoformat()
    removed = 0
    for statement in ("DELETE FROM web_links WHERE expires_at <= ?",
                      "DELETE FROM web_sessions WHERE expires_at <= ? OR ended_at IS NOT NULL"):
        cur = await tx.execute(statement, (stamp,))
        removed += cur.rowcount
    return removed
