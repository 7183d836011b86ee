"""Deadlines as stored: the campaign's come with its file (and the schema's two defaults), the
Sở moves them and adds others."""

from __future__ import annotations

import json

import aiosqlite

from bot.domain.deadlines import Audience, Deadline, DeadlineDraft
from bot.storage.database import audit, utcnow


def _deadline(row: aiosqlite.Row) -> Deadline:
    return Deadline(id=row["id"], title=row["title"],
                    tasks=tuple(json.loads(row["tasks"])),
                    audience=Audience(row["audience"]), day=row["day"], month=row["month"],
                    year=row["year"], offsets=tuple(json.loads(row["offsets"])),
                    active=bool(row["active"]), campaign_key=row["campaign_key"],
                    letter_id=row["letter_id"], letter_section=row["letter_section"] or "")


async def all_deadlines(conn: aiosqlite.Connection, *, active_only: bool = False,
                        ) -> list[Deadline]:
    sql = "SELECT * FROM deadlines" + (" WHERE active = 1" if active_only else "")
    async with conn.execute(sql + " ORDER BY month, day, id") as cur:
        return [_deadline(r) for r in await cur.fetchall()]


async def deadline_by_id(conn: aiosqlite.Connection, deadline_id: int) -> Deadline | None:
    async with conn.execute("SELECT * FROM deadlines WHERE id = ?", (deadline_id,)) as cur:
        row = await cur.fetchone()
    return _deadline(row) if row else None


async def add_deadline(tx: aiosqlite.Connection, draft: DeadlineDraft, *, actor: str) -> int:
    cur = await tx.execute(
        "INSERT INTO deadlines (title, day, month, year, tasks, audience, offsets, letter_id, "
        "letter_section, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (draft.title, draft.day, draft.month, draft.year,
         json.dumps(list(draft.tasks)), draft.audience.value,
         json.dumps(list(draft.offsets)), draft.letter_id, draft.letter_section or None,
         utcnow()))
    assert cur.lastrowid is not None
    await audit(tx, actor=actor, action="deadline.add", subject=f"deadline:{cur.lastrowid}",
                day=draft.day, month=draft.month, year=draft.year)
    return cur.lastrowid


async def update_deadline(tx: aiosqlite.Connection, deadline_id: int, *, actor: str,
                          date: tuple[int, int, int | None] | None = None,
                          offsets: tuple[int, ...] | None = None,
                          active: bool | None = None) -> bool:
    """Change some fields. ``date`` is (day, month, year or None for every year)."""
    changes: dict[str, object] = {}
    if date is not None:
        changes.update(day=date[0], month=date[1], year=date[2])
    if offsets is not None:
        changes["offsets"] = json.dumps(list(offsets))
    if active is not None:
        changes["active"] = int(active)
    if not changes:
        return False
    sets = ", ".join(f"{k} = ?" for k in changes)
    cur = await tx.execute(f"UPDATE deadlines SET {sets}, updated_at = ? WHERE id = ?",
                           (*changes.values(), utcnow(), deadline_id))
    if cur.rowcount:
        await audit(tx, actor=actor, action="deadline.edit", subject=f"deadline:{deadline_id}",
                    fields=sorted(changes))
    return cur.rowcount == 1
