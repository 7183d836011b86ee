"""The pending_inputs table: what the bot waits for from each user."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import aiosqlite


@dataclass(frozen=True, slots=True)
class PendingInput:
    telegram_user_id: int
    chat_id: int
    flow: str
    step: str
    data: dict[str, Any]
    language: str
    expires_at: dt.datetime


async def save(tx: aiosqlite.Connection, pending: PendingInput) -> None:
    await tx.execute(
        "INSERT OR REPLACE INTO pending_inputs (telegram_user_id, chat_id, flow, step, data, "
        "language, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (pending.telegram_user_id, pending.chat_id, pending.flow, pending.step,
         json.dumps(pending.data), pending.language,
         pending.expires_at.isoformat(timespec="seconds")))


async def delete(tx: aiosqlite.Connection, telegram_user_id: int) -> None:
    await tx.execute("DELETE FROM pending_inputs WHERE telegram_user_id = ?",
                     (telegram_user_id,))


async def all_pending(conn: aiosqlite.Connection) -> list[PendingInput]:
    rows = await conn.execute_fetchall("SELECT * FROM pending_inputs")
    return [PendingInput(r["telegram_user_id"], r["chat_id"], r["flow"], r["step"],
                         json.loads(r["data"]), r["language"],
                         dt.datetime.fromisoformat(r["expires_at"])) for r in rows]
