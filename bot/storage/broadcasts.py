"""Announcements: drafts, their audience as SQL, and their progress in the outbox."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import aiosqlite

from bot.domain.audience import Audience, FilterCounts
from bot.domain.campaign import Campaign, Task
from bot.domain.people import Level, Role
from bot.domain.tasks import done_state
from bot.storage.database import utcnow


@dataclass(frozen=True, slots=True)
class Broadcast:
    id: int
    author_id: int | None
    author: str
    audience: Audience
    text: str
    attachment_kind: str | None
    attachment_id: str | None
    attachment_name: str | None
    status: str
    recipients: int
    progress_chat: int | None
    progress_msg: int | None


def _broadcast(row: aiosqlite.Row) -> Broadcast:
    return Broadcast(row["id"], row["author_id"], row["author"],
                     Audience.from_json(row["audience"]), row["text"], row["attachment_kind"],
                     row["attachment_id"], row["attachment_name"], row["status"],
                     row["recipients"], row["progress_chat"], row["progress_msg"])


async def create_draft(tx: aiosqlite.Connection, *, author_id: int | None, author: str,
                       text: str, attachment: tuple[str, str, str] | None) -> int:
    kind, file_id, name = attachment if attachment else (None, None, None)
    cur = await tx.execute(
        "INSERT INTO broadcasts (author_id, author, audience, text, attachment_kind, "
        "attachment_id, attachment_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (author_id, author, Audience().to_json(), text, kind, file_id, name, utcnow()))
    assert cur.lastrowid is not None
    return cur.lastrowid


async def broadcast_by_id(conn: aiosqlite.Connection, broadcast_id: int) -> Broadcast | None:
    async with conn.execute("SELECT * FROM broadcasts WHERE id = ?", (broadcast_id,)) as cur:
        row = await cur.fetchone()
    return _broadcast(row) if row else None


async def set_audience(tx: aiosqlite.Connection, broadcast_id: int, audience: Audience) -> None:
    await tx.execute("UPDATE broadcasts SET audience = ? WHERE id = ? AND status = 'draft'",
                     (audience.to_json(), broadcast_id))


async def mark(tx: aiosqlite.Connection, broadcast_id: int, status: str, *,
               expected: str | None = None, recipients: int | None = None) -> bool:
    """Move to ``status`` (only from ``expected`` when given): a double press changes nothing."""
    sets = ["status = ?"]
    params: list[object] = [status]
    if recipients is not None:
        sets.append("recipients = ?")
        params.append(recipients)
    if status == "queued":
        sets.append("queued_at = ?")
        params.append(utcnow())
    if status in ("done", "cancelled"):
        sets.append("finished_at = ?")
        params.append(utcnow())
    sql = f"UPDATE broadcasts SET {', '.join(sets)} WHERE id = ?"
    params.append(broadcast_id)
    if expected is not None:
        sql += " AND status = ?"
        params.append(expected)
    cur = await tx.execute(sql, params)
    return cur.rowcount == 1


async def set_progress_message(tx: aiosqlite.Connection, broadcast_id: int, chat_id: int,
                               message_id: int) -> None:
    await tx.execute("UPDATE broadcasts SET progress_chat = ?, progress_msg = ? WHERE id = ?",
                     (chat_id, message_id, broadcast_id))


async def in_progress(conn: aiosqlite.Connection) -> list[Broadcast]:
    async with conn.execute("SELECT * FROM broadcasts WHERE status IN ('queued', 'sending') "
                            "ORDER BY id") as cur:
        return [_broadcast(r) for r in await cur.fetchall()]


async def filter_counts(conn: aiosqlite.Connection, unit_id: int | None) -> FilterCounts:
    """What each audience filter selects among the people of a unit (its schools included),
    or of the whole province for None."""
    where, params = audience_sql(Audience(unit_id=unit_id))
    rows = await conn.execute_fetchall(
        f"SELECT p.level, p.role, p.is_core, COUNT(*) FROM people p "
        f"JOIN units u ON u.id = p.unit_id WHERE {where} "
        f"GROUP BY p.level, p.role, p.is_core", params)
    return FilterCounts.of((Level(r[0]) if r[0] else None, Role(r[1]), bool(r[2]), int(r[3]))
                           for r in rows)


async def waiting_of_kind(conn: aiosqlite.Connection, dedup_key: str, kind: str) -> int:
    """Outbox rows of one broadcast and kind not sent yet (urgent ones have their own kind)."""
    async with conn.execute("SELECT COUNT(*) FROM outbox WHERE dedup_key = ? AND kind = ? AND "
                            "status IN ('pending', 'sending')", (dedup_key, kind)) as cur:
        row = await cur.fetchone()
    return int(row[0]) if row else 0


def _task_owner_sql(task: Task) -> tuple[str, list[object]]:
    """Who a task belongs to (``Task.applies_to``), as SQL over people ``p``."""
    roles = sorted(r.value for r in task.roles)
    where = [f"p.role IN ({','.join('?' * len(roles))})"]
    params: list[object] = list(roles)
    if task.core_only or task.not_core:
        where.append(f"p.is_core = {int(task.core_only)}")
    if task.levels:
        levels = sorted(lv.value for lv in task.levels)
        where.append(f"(p.level IS NULL OR p.level IN ({','.join('?' * len(levels))}))")
        params += levels
    return " AND ".join(where), params


def audience_sql(audience: Audience, campaign: Campaign | None = None,
                 ) -> tuple[str, list[object]]:
    """WHERE clause (over people p, their unit u) for everyone the audience names."""
    where = ["1 = 1"]
    params: list[object] = []
    if audience.unit_id is not None:
        where.append("(u.id = ? OR u.parent_id = ?)")
        params += [audience.unit_id, audience.unit_id]
    if audience.levels:
        where.append(f"p.level IN ({','.join('?' * len(audience.levels))})")
        params += sorted(lv.value for lv in audience.levels)
    if audience.roles:
        where.append(f"p.role IN ({','.join('?' * len(audience.roles))})")
        params += sorted(r.value for r in audience.roles)
    if audience.core_only:
        where.append("p.is_core = 1")
    if audience.missing is not None:
        task = campaign.task(audience.missing) if campaign else None
        if task is None:  # a task retired since the draft: nobody still misses it
            return "0 = 1", []
        owners, owner_params = _task_owner_sql(task)
        where.append(owners)
        params += owner_params
        where.append("NOT EXISTS (SELECT 1 FROM task_states s WHERE s.person_id = p.id AND "
                     "s.task = ? AND s.state = ?)")
        params += [task.code, done_state(task).value]
    return " AND ".join(where), params


def _without(where: str, params: list[object],
             exclude: Collection[int]) -> tuple[str, list[object]]:
    """The audience without ``exclude`` (its author: nobody is sent their own announcement)."""
    if not exclude:
        return where, params
    return (f"{where} AND p.id NOT IN ({','.join('?' * len(exclude))})",
            [*params, *sorted(exclude)])


async def count_audience(conn: aiosqlite.Connection, audience: Audience,
                         campaign: Campaign, exclude: Collection[int] = ()) -> tuple[int, int]:
    """(people the audience names, of whom reachable: a linked, unblocked account)."""
    where, params = _without(*audience_sql(audience, campaign), exclude)
    rows = await conn.execute_fetchall(
        f"SELECT COUNT(*), COUNT(a.telegram_user_id) FROM people p "
        f"JOIN units u ON u.id = p.unit_id "
        f"LEFT JOIN accounts a ON a.person_id = p.id AND a.blocked_at IS NULL WHERE {where}",
        params)
    total, reachable = next(iter(rows))
    return int(total), int(reachable)


async def reachable_people(conn: aiosqlite.Connection, audience: Audience,
                           campaign: Campaign, exclude: Collection[int] = ()) -> list[int]:
    where, params = _without(*audience_sql(audience, campaign), exclude)
    rows = await conn.execute_fetchall(
        f"SELECT p.id FROM people p JOIN units u ON u.id = p.unit_id "
        f"JOIN accounts a ON a.person_id = p.id AND a.blocked_at IS NULL WHERE {where} "
        f"ORDER BY p.id", params)
    return [r[0] for r in rows]

