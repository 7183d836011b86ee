"""Telegram accounts and their link to a person of the roster; invitations for staff."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import aiosqlite

from bot.domain.people import Role
from bot.storage.database import utcnow


@dataclass(frozen=True, slots=True)
class Account:
    telegram_user_id: int
    person_id: int | None
    language: str
    blocked: bool = False
    reminders_muted: bool = False


@dataclass(frozen=True, slots=True)
class Invite:
    code: str
    role: Role
    unit_id: int
    full_name: str
    expires_at: dt.datetime
    used: bool


def _account(row: aiosqlite.Row) -> Account:
    return Account(row["telegram_user_id"], row["person_id"], row["language"],
                   row["blocked_at"] is not None, bool(row["reminders_muted"]))


async def account_by_telegram_id(conn: aiosqlite.Connection, user_id: int) -> Account | None:
    async with conn.execute("SELECT * FROM accounts WHERE telegram_user_id = ?",
                            (user_id,)) as cur:
        row = await cur.fetchone()
    if row is None:
        return None
    return _account(row)


async def account_of_person(conn: aiosqlite.Connection, person_id: int) -> Account | None:
    async with conn.execute("SELECT * FROM accounts WHERE person_id = ?", (person_id,)) as cur:
        row = await cur.fetchone()
    if row is None:
        return None
    return _account(row)


async def linked_person_ids(conn: aiosqlite.Connection, user_ids: Iterable[int]) -> list[int]:
    """The roster people behind these Telegram accounts (accounts not linked are left out)."""
    ids = list(user_ids)
    async with conn.execute(
            f"SELECT person_id FROM accounts WHERE person_id IS NOT NULL AND blocked_at IS NULL "
            f"AND telegram_user_id IN ({','.join('?' * len(ids))}) ORDER BY person_id",
            ids) as cur:
        return [r[0] for r in await cur.fetchall()]


async def link(tx: aiosqlite.Connection, user_id: int, person_id: int) -> None:
    """Link a Telegram account to a person; a person has one account, the newest wins."""
    now = utcnow()
    await tx.execute("UPDATE accounts SET person_id = NULL WHERE person_id = ? "
                     "AND telegram_user_id != ?", (person_id, user_id))
    await tx.execute(
        """INSERT INTO accounts (telegram_user_id, person_id, linked_at, created_at)
           VALUES (?, ?, ?, ?)
           ON CONFLICT(telegram_user_id) DO UPDATE SET person_id = excluded.person_id,
               linked_at = excluded.linked_at, blocked_at = NULL""",
        (user_id, person_id, now, now),
    )


async def set_language(tx: aiosqlite.Connection, user_id: int, language: str) -> None:
    await tx.execute(
        """INSERT INTO accounts (telegram_user_id, language, created_at) VALUES (?, ?, ?)
           ON CONFLICT(telegram_user_id) DO UPDATE SET language = excluded.language""",
        (user_id, language, utcnow()),
    )


async def delete_account(tx: aiosqlite.Connection, user_id: int) -> bool:
    cur = await tx.execute("DELETE FROM accounts WHERE telegram_user_id = ?", (user_id,))
    return cur.rowcount > 0


async def create_invite(tx: aiosqlite.Connection, *, code: str, role: Role, unit_id: int,
                        full_name: str, created_by: str, expires_at: dt.datetime) -> None:
    await tx.execute(
        "INSERT INTO invites (code, role, unit_id, full_name, created_by, created_at, expires_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (code, role.value, unit_id, full_name, created_by, utcnow(), expires_at.isoformat()),
    )


async def invite_by_code(conn: aiosqlite.Connection, code: str) -> Invite | None:
    async with conn.execute("SELECT * FROM invites WHERE code = ?", (code,)) as cur:
        row = await cur.fetchone()
    if row is None:
        return None
    return Invite(row["code"], Role(row["role"]), row["unit_id"], row["full_name"],
                  dt.datetime.fromisoformat(row["expires_at"]), row["used_at"] is not None)


async def mark_invite_used(tx: aiosqlite.Connection, code: str, person_id: int) -> bool:
    """True only for the first use: a replayed or concurrent second use changes nothing."""
    cur = await tx.execute("UPDATE invites SET used_at = ?, used_by = ? "
                           "WHERE code = ? AND used_at IS NULL", (utcnow(), person_id, code))
    return cur.rowcount == 1


async def mark_blocked(tx: aiosqlite.Connection, user_id: int) -> None:
    """The user blocked the bot: no bulk message goes to them until they write again."""
    await tx.execute("UPDATE accounts SET blocked_at = ? WHERE telegram_user_id = ?",
                     (utcnow(), user_id))


async def unblock(tx: aiosqlite.Connection, user_id: int) -> None:
    await tx.execute("UPDATE accounts SET blocked_at = NULL WHERE telegram_user_id = ?",
                     (user_id,))


async def set_reminders_muted(tx: aiosqlite.Connection, user_id: int, muted: bool) -> bool:
    cur = await tx.execute("UPDATE accounts SET reminders_muted = ? WHERE telegram_user_id = ?",
                           (int(muted), user_id))
    return cur.rowcount == 1
