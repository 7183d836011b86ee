"""Campaigns as stored: the loaded files, the registry of task codes, and their deadlines."""

from __future__ import annotations

import json

import aiosqlite

from bot.domain.campaign import Campaign
from bot.storage.database import audit, utcnow


async def active_row(conn: aiosqlite.Connection) -> tuple[int, str] | None:
    """(id, file text) of the running campaign; None until a campaign is loaded."""
    rows = await conn.execute_fetchall(
        "SELECT id, text FROM campaigns WHERE active = 1 ORDER BY id DESC LIMIT 1")
    row = next(iter(rows), None)
    return (int(row[0]), str(row[1])) if row else None


async def archived_codes(conn: aiosqlite.Connection) -> list[str]:
    rows = await conn.execute_fetchall(
        "SELECT code FROM campaign_tasks WHERE retired_at IS NOT NULL ORDER BY code")
    return [r[0] for r in rows]


async def save(tx: aiosqlite.Connection, campaign: Campaign, *, actor: str,
               retired: list[str]) -> int:
    """Make ``campaign`` the running one: its row, its task registry, its deadlines, audited.

    The caller holds the transaction, so a failure anywhere leaves the previous campaign.
    """
    now = utcnow()
    await tx.execute("UPDATE campaigns SET active = 0 WHERE active = 1")
    cur = await tx.execute(
        "INSERT INTO campaigns (key, name, text, loaded_at, loaded_by, active) "
        "VALUES (?, ?, ?, ?, ?, 1)", (campaign.key, campaign.name, campaign.text, now, actor))
    campaign_id = cur.lastrowid
    assert campaign_id is not None
    await tx.executemany(
        "INSERT INTO campaign_tasks (code, header, label, kind, campaign_id, retired_at) "
        "VALUES (?, ?, ?, ?, ?, NULL) ON CONFLICT (code) DO UPDATE SET header = excluded.header,"
        " label = excluded.label, kind = excluded.kind, campaign_id = excluded.campaign_id, "
        "retired_at = NULL",
        [(t.code, t.header, t.label, t.kind.value, campaign_id) for t in campaign.tasks])
    codes = [t.code for t in campaign.tasks]
    await tx.execute(
        f"UPDATE campaign_tasks SET retired_at = ? WHERE retired_at IS NULL AND code NOT IN "
        f"({','.join('?' * len(codes))})", (now, *codes))
    await _sync_deadlines(tx, campaign)
    await audit(tx, actor=actor, action="campaign.load", subject=f"campaign:{campaign_id}",
                key=campaign.key, tasks=codes, retired=retired)
    return campaign_id


async def _sync_deadlines(tx: aiosqlite.Connection, campaign: Campaign) -> None:
    """The campaign's deadlines replace those of earlier campaigns (switched off, not deleted);
    deadlines the Sở added by hand stay as they are."""
    keys = [f"{campaign.key}/{d.key}" for d in campaign.deadlines]
    listed = ",".join("?" * len(keys)) or "''"  # NOT IN (NULL) is never true: '' for none
    await tx.execute(
        f"UPDATE deadlines SET active = 0, updated_at = ? WHERE campaign_key IS NOT NULL AND "
        f"campaign_key NOT IN ({listed})", (utcnow(), *keys))
    for spec, key in zip(campaign.deadlines, keys, strict=True):
        values = (spec.title, spec.day, spec.month, spec.year, json.dumps(list(spec.tasks)),
                  spec.reminds.value, json.dumps(list(spec.offsets)), utcnow(), key)
        cur = await tx.execute(
            "UPDATE deadlines SET title = ?, day = ?, month = ?, year = ?, tasks = ?, "
            "audience = ?, offsets = ?, active = 1, updated_at = ? WHERE campaign_key = ?",
            values)
        if cur.rowcount == 0:
            await tx.execute(
                "INSERT INTO deadlines (title, day, month, year, tasks, audience, offsets, "
                "updated_at, campaign_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
