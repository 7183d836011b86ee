"""Who can be reached with a reminder: school staff with their account flags and task states,
and the approvers and heads of each unit. Streams, because a province is a million people."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass

import aiosqlite

from bot.domain.campaign import Task
from bot.domain.people import Level, Person, Role
from bot.domain.tasks import TaskState
from bot.storage.tasks import decoders, state_joins, states_decoded


@dataclass(frozen=True, slots=True)
class StaffRow:
    person: Person  # without name and phone: planning needs neither
    account: bool  # a linked, unblocked Telegram account
    muted: bool  # early reminders turned off
    states: dict[Task, TaskState]


async def school_staff(conn: aiosqlite.Connection, tasks: Sequence[Task], *,
                       core_only: bool, batch: int = 20_000) -> AsyncIterator[StaffRow]:
    """GV, HT and PHT (only cốt cán with ``core_only``) with the states of ``tasks``."""
    joins, columns, params = state_joins(tasks)
    table = decoders(tasks)
    core = " AND p.is_core = 1" if core_only else ""
    sql = (f"SELECT p.id, p.role, p.unit_id, p.level, p.is_core, "
           f"a.telegram_user_id IS NOT NULL AND a.blocked_at IS NULL, "
           f"COALESCE(a.reminders_muted, 0){columns} FROM people p "
           f"LEFT JOIN accounts a ON a.person_id = p.id{joins} "
           f"WHERE p.role IN ('gv', 'ht', 'pht'){core}")
    async with conn.execute(sql, params) as cur:
        while rows := await cur.fetchmany(batch):
            for r in rows:
                person = Person(r[0], "", "", Role(r[1]), r[2],
                                Level(r[3]) if r[3] else None, bool(r[4]))
                yield StaffRow(person, bool(r[5]), bool(r[6]), states_decoded(table, r[7:]))


@dataclass(frozen=True, slots=True)
class Reachable:
    person_id: int
    level: Level | None
    muted: bool


async def reachable_by_unit(conn: aiosqlite.Connection,
                            role: Role) -> dict[int, list[Reachable]]:
    """unit id → the people of this role there with a usable account (approvers, heads)."""
    found: dict[int, list[Reachable]] = {}
    rows = await conn.execute_fetchall(
        "SELECT p.id, p.unit_id, p.level, a.reminders_muted FROM people p JOIN accounts a "
        "ON a.person_id = p.id AND a.blocked_at IS NULL WHERE p.role = ?", (role.value,))
    for pid, unit_id, level, muted in rows:
        found.setdefault(unit_id, []).append(Reachable(pid, Level(level) if level else None,
                                                       bool(muted)))
    return found
