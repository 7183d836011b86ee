"""Support groups, tickets and knowledge-base drafts as stored."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import aiosqlite

from bot.storage.database import utcnow


@dataclass(frozen=True, slots=True)
class Ticket:
    id: int
    asker_tg: int
    asker_person_id: int | None
    unit_id: int
    parent_id: int | None
    question: str
    status: str
    group_chat: int | None
    group_msg: int | None
    answer: str | None
    answered_by: str | None
    rating: int | None
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class Draft:
    id: int
    ticket_id: int | None
    unit_id: int | None
    title: str
    question: str
    answer: str
    status: str
    proposed_at: str


def _ticket(r: aiosqlite.Row) -> Ticket:
    return Ticket(r["id"], r["asker_tg"], r["asker_person_id"], r["unit_id"], r["parent_id"],
                  r["question"], r["status"], r["group_chat"], r["group_msg"], r["answer"],
                  r["answered_by"], r["rating"], dt.datetime.fromisoformat(r["created_at"]))


def _draft(r: aiosqlite.Row) -> Draft:
    return Draft(r["id"], r["ticket_id"], r["unit_id"], r["title"], r["question"], r["answer"],
                 r["status"], r["proposed_at"])


async def set_support_group(tx: aiosqlite.Connection, unit_id: int, chat_id: int,
                            by: str) -> None:
    await tx.execute("INSERT INTO support_groups (unit_id, chat_id, set_by, set_at) "
                     "VALUES (?, ?, ?, ?) ON CONFLICT(unit_id) DO UPDATE SET "
                     "chat_id = excluded.chat_id, set_by = excluded.set_by, "
                     "set_at = excluded.set_at", (unit_id, chat_id, by, utcnow()))


async def support_chat(conn: aiosqlite.Connection, unit_id: int) -> int | None:
    rows = await conn.execute_fetchall("SELECT chat_id FROM support_groups WHERE unit_id = ?",
                                       (unit_id,))
    return next((r[0] for r in rows), None)


async def create_ticket(tx: aiosqlite.Connection, *, asker_tg: int, person_id: int | None,
                        unit_id: int, question: str, parent_id: int | None,
                        now: dt.datetime) -> int:
    cur = await tx.execute(
        "INSERT INTO tickets (asker_tg, asker_person_id, unit_id, parent_id, question, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?)",
        (asker_tg, person_id, unit_id, parent_id, question, now.isoformat(timespec="seconds")))
    assert cur.lastrowid is not None
    return cur.lastrowid


async def open_count(conn: aiosqlite.Connection, asker_tg: int) -> int:
    rows = await conn.execute_fetchall(
        "SELECT COUNT(*) FROM tickets WHERE asker_tg = ? AND status = 'open'", (asker_tg,))
    return int(next(iter(rows))[0])


async def set_group_message(tx: aiosqlite.Connection, ticket_id: int, chat_id: int,
                            message_id: int) -> None:
    await tx.execute("UPDATE tickets SET group_chat = ?, group_msg = ? WHERE id = ?",
                     (chat_id, message_id, ticket_id))


async def ticket_by_id(conn: aiosqlite.Connection, ticket_id: int) -> Ticket | None:
    rows = await conn.execute_fetchall("SELECT * FROM tickets WHERE id = ?", (ticket_id,))
    return next((_ticket(r) for r in rows), None)


async def ticket_by_group_message(conn: aiosqlite.Connection, chat_id: int,
                                  message_id: int) -> Ticket | None:
    rows = await conn.execute_fetchall(
        "SELECT * FROM tickets WHERE group_chat = ? AND group_msg = ?", (chat_id, message_id))
    return next((_ticket(r) for r in rows), None)


async def answer(tx: aiosqlite.Connection, ticket_id: int, text: str, by: str) -> bool:
    """Compare-and-set: only an open ticket without an answer gets one; a second answer
    changes nothing. The ticket stays open until :func:`mark_delivered`."""
    cur = await tx.execute(
        "UPDATE tickets SET answer = ?, answered_by = ?, answered_at = ? "
        "WHERE id = ? AND status = 'open' AND answer IS NULL", (text, by, utcnow(), ticket_id))
    return cur.rowcount == 1


async def mark_delivered(tx: aiosqlite.Connection, ticket_id: int) -> bool:
    """Telegram accepted the answer: the ticket closes."""
    cur = await tx.execute("UPDATE tickets SET status = 'answered' WHERE id = ? AND "
                           "status = 'open' AND answer IS NOT NULL", (ticket_id,))
    return cur.rowcount == 1


async def withdraw_answer(tx: aiosqlite.Connection, ticket_id: int) -> bool:
    """The answer could not be delivered: the ticket is open and unanswered again."""
    cur = await tx.execute("UPDATE tickets SET answer = NULL, answered_by = NULL, "
                           "answered_at = NULL WHERE id = ? AND status = 'open'", (ticket_id,))
    return cur.rowcount == 1


async def rate(tx: aiosqlite.Connection, ticket_id: int, asker_tg: int, value: int) -> bool:
    cur = await tx.execute(
        "UPDATE tickets SET rating = ? WHERE id = ? AND asker_tg = ? AND status = 'answered'",
        (value, ticket_id, asker_tg))
    return cur.rowcount == 1


async def open_tickets(conn: aiosqlite.Connection, unit_ids: list[int] | None) -> list[Ticket]:
    """Open tickets of these units (None: every unit), oldest first."""
    sql = "SELECT * FROM tickets WHERE status = 'open' AND answer IS NULL"
    params: list[object] = []
    if unit_ids is not None:
        sql += f" AND unit_id IN ({','.join('?' * len(unit_ids)) or 'NULL'})"
        params += unit_ids
    rows = await conn.execute_fetchall(sql + " ORDER BY id", params)
    return [_ticket(r) for r in rows]


async def mark_reminded(tx: aiosqlite.Connection, ticket_id: int) -> None:
    await tx.execute("UPDATE tickets SET reminded_at = ? WHERE id = ?", (utcnow(), ticket_id))


async def not_reminded_open(conn: aiosqlite.Connection) -> list[Ticket]:
    rows = await conn.execute_fetchall(
        "SELECT * FROM tickets WHERE status = 'open' AND answer IS NULL AND reminded_at IS NULL "
        "ORDER BY id")
    return [_ticket(r) for r in rows]


async def create_draft(tx: aiosqlite.Connection, *, ticket_id: int | None, unit_id: int | None,
                       title: str, question: str, answer_text: str, by: str) -> int:
    cur = await tx.execute(
        "INSERT INTO kb_drafts (ticket_id, unit_id, title, question, answer, proposed_by, "
        "proposed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (ticket_id, unit_id, title, question, answer_text, by, utcnow()))
    assert cur.lastrowid is not None
    return cur.lastrowid


async def drafts(conn: aiosqlite.Connection, status: str) -> list[Draft]:
    rows = await conn.execute_fetchall("SELECT * FROM kb_drafts WHERE status = ? ORDER BY id",
                                       (status,))
    return [_draft(r) for r in rows]


async def decide_draft(tx: aiosqlite.Connection, draft_id: int, approve: bool,
                       by: str) -> bool:
    cur = await tx.execute(
        "UPDATE kb_drafts SET status = ?, decided_by = ?, decided_at = ? "
        "WHERE id = ? AND status = 'pending'",
        ("approved" if approve else "rejected", by, utcnow(), draft_id))
    return cur.rowcount == 1
