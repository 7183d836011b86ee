"""The outbox table: queue, claim, and record the outcome of every bulk message."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import aiosqlite

from bot.storage.database import utcnow

BULK_KINDS = ("reminder", "broadcast")  # kept out of the quiet hours


@dataclass(frozen=True, slots=True)
class OutboxRow:
    id: int
    kind: str
    dedup_key: str
    person_id: int | None  # a person of the roster, or
    payload: dict[str, Any]
    attempts: int
    chat_id: int | None = None  # a chat: a support group, a guest, an admin outside the roster
    parts_sent: int = 0  # of a message sent in several parts, those Telegram accepted


@dataclass(frozen=True, slots=True)
class Queued:
    """A message to queue for a person (``person_id``) or a chat (``chat_id``, person None)."""

    kind: str
    dedup_key: str
    person_id: int | None
    payload: dict[str, Any]
    priority: int = 5
    chat_id: int | None = None


async def enqueue(tx: aiosqlite.Connection, items: Iterable[Queued]) -> int:
    """Queue messages; one already queued under the same key for that person (or chat) is
    ignored."""
    now = utcnow()
    before = tx.total_changes
    await tx.executemany(
        "INSERT OR IGNORE INTO outbox (kind, dedup_key, person_id, chat_id, payload, priority, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(q.kind, q.dedup_key, q.person_id, q.chat_id, json.dumps(q.payload), q.priority, now,
          now) for q in items])
    return tx.total_changes - before


async def recover_in_flight(tx: aiosqlite.Connection) -> int:
    """After a crash, rows claimed but not recorded are uncertain: send them again.

    A late duplicate beats a lost deadline reminder; claims are small, so few are at stake.
    """
    cur = await tx.execute("UPDATE outbox SET status = 'pending', updated_at = ? "
                           "WHERE status = 'sending'", (utcnow(),))
    return cur.rowcount


async def release(tx: aiosqlite.Connection, row_ids: Iterable[int]) -> int:
    """Rows claimed by a sender that is stopping, and not sent: back to pending."""
    ids = list(row_ids)
    cur = await tx.execute(f"UPDATE outbox SET status = 'pending', updated_at = ? WHERE "
                           f"status = 'sending' AND id IN ({','.join('?' * len(ids))})",
                           (utcnow(), *ids))
    return cur.rowcount


async def claim(tx: aiosqlite.Connection, limit: int, now: dt.datetime,
                exclude_kinds: Iterable[str] = ()) -> list[OutboxRow]:
    """Mark up to ``limit`` due rows as being sent and return them, most urgent first."""
    sql = ("SELECT id FROM outbox WHERE status = 'pending' AND "
           "(not_before IS NULL OR not_before <= ?)")
    params: list[object] = [now.isoformat(timespec="seconds")]
    excluded = list(exclude_kinds)
    if excluded:
        sql += f" AND kind NOT IN ({','.join('?' * len(excluded))})"
        params += excluded
    sql += " ORDER BY priority, id LIMIT ?"
    params.append(limit)
    async with tx.execute(sql, params) as cur:
        ids = [r[0] for r in await cur.fetchall()]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    await tx.execute(f"UPDATE outbox SET status = 'sending', attempts = attempts + 1, "
                     f"updated_at = ? WHERE id IN ({marks})", (utcnow(), *ids))
    async with tx.execute(f"SELECT id, kind, dedup_key, person_id, payload, attempts, chat_id, "
                          f"parts_sent FROM outbox WHERE id IN ({marks}) ORDER BY priority, id",
                          ids) as cur:
        return [OutboxRow(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6], r[7])
                for r in await cur.fetchall()]


async def record_parts_sent(tx: aiosqlite.Connection, row_id: int, parts: int) -> None:
    """Telegram accepted the first ``parts`` parts of the row's message."""
    await tx.execute("UPDATE outbox SET parts_sent = ?, updated_at = ? WHERE id = ?",
                     (parts, utcnow(), row_id))


async def finish(tx: aiosqlite.Connection, row_id: int, status: str,
                 error: str | None = None) -> None:
    await tx.execute("UPDATE outbox SET status = ?, error = ?, updated_at = ? WHERE id = ?",
                     (status, error, utcnow(), row_id))


async def postpone(tx: aiosqlite.Connection, row_id: int, until: dt.datetime,
                   error: str | None = None, *, refund_attempt: bool = False) -> None:
    await tx.execute(
        "UPDATE outbox SET status = 'pending', not_before = ?, error = ?, updated_at = ?, "
        "attempts = attempts - ? WHERE id = ?",
        (until.isoformat(timespec="seconds"), error, utcnow(), int(refund_attempt), row_id))


async def next_due(conn: aiosqlite.Connection) -> dt.datetime | None:
    """When the earliest postponed row becomes due (None when nothing is pending)."""
    async with conn.execute("SELECT MIN(COALESCE(not_before, '')) FROM outbox "
                            "WHERE status = 'pending'") as cur:
        row = await cur.fetchone()
    if row is None or row[0] is None:
        return None
    return dt.datetime.fromisoformat(row[0]) if row[0] else dt.datetime.min.replace(tzinfo=dt.UTC)


async def counts(conn: aiosqlite.Connection, dedup_key: str | None = None) -> dict[str, int]:
    """Rows by status, of the whole outbox or of one key (e.g. one broadcast)."""
    sql = "SELECT status, COUNT(*) FROM outbox"
    params: tuple[object, ...] = ()
    if dedup_key is not None:
        sql += " WHERE dedup_key = ?"
        params = (dedup_key,)
    rows = await conn.execute_fetchall(sql + " GROUP BY status", params)
    return {status: n for status, n in rows}
