"""What a progress report reads: the scope's school staff with their units and task states, and
the open personal-info corrections. One query each, whatever the size of the province."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import aiosqlite

from bot.domain.campaign import Campaign, Task
from bot.domain.people import Level, Person, Role
from bot.reports.scope import Scope
from bot.reports.stats import InfoCorrection, InfoField, StaffMember, counted_tasks
from bot.storage.tasks import decoders, state_joins, states_decoded

_STAFF = "p.role IN ('gv', 'ht', 'pht') AND s.kind = 'school'"


def _in_scope(scope: Scope) -> tuple[str, list[object]]:
    """The condition on ``s`` (the person's school) that keeps the scope."""
    if scope.kind == "district":
        return "s.parent_id = ?", [scope.unit_id]
    if scope.kind == "school":
        return "s.id = ?", [scope.unit_id]
    return "1 = 1", []  # one province per deployment


async def staff_in_scope(conn: aiosqlite.Connection, scope: Scope,
                         campaign: Campaign) -> list[StaffMember]:
    """GV, HT and PHT of the scope, each with the states of the tasks a report counts.

    ``person.level`` is the person's cấp học, else their school's. ``district`` is the school's
    parent when that is a Phòng (or xã/phường), None for schools under the Sở.
    """
    where, params = _in_scope(scope)
    tasks = counted_tasks(campaign)
    joins, columns, task_params = state_joins(tasks)
    sql = (f"SELECT p.id, p.full_name, p.role, COALESCE(p.level, s.level), p.is_core, "
           f"p.birth_date, s.id, s.name, d.id, d.name{columns} FROM people p "
           f"JOIN units s ON s.id = p.unit_id "
           f"LEFT JOIN units d ON d.id = s.parent_id AND d.kind = 'phong'{joins} "
           f"WHERE {_STAFF} AND {where}")
    rows = await conn.execute_fetchall(sql, [*task_params, *params])
    return await asyncio.to_thread(_members, tasks, rows)  # 20,000 people: off the event loop


def _members(tasks: tuple[Task, ...], rows: Iterable[Sequence[Any]]) -> list[StaffMember]:
    table = decoders(tasks)  # once for all the rows, not once a person
    members = []
    for r in rows:
        states = states_decoded(table, r[10:])  # after 10 other columns
        person = Person(r[0], r[1], "", Role(r[2]), r[6], Level(r[3]) if r[3] else None,
                        bool(r[4]), dt.date.fromisoformat(r[5]) if r[5] else None)
        members.append(StaffMember(person, r[6], r[7], r[8], r[9], states))
    return members


async def open_corrections(conn: aiosqlite.Connection, scope: Scope) -> list[InfoCorrection]:
    """Corrections not yet resolved of the scope's school staff, in the order reported."""
    where, params = _in_scope(scope)
    rows = await conn.execute_fetchall(
        f"""SELECT c.person_id, p.full_name, s.id, s.name, c.field, c.wrong_value, c.correct_value
            FROM info_corrections c
            JOIN people p ON p.id = c.person_id
            JOIN units s ON s.id = p.unit_id
            WHERE c.resolved_at IS NULL AND {_STAFF} AND {where}
            ORDER BY c.id""", params)
    return [InfoCorrection(r[0], r[1], r[2], r[3], InfoField(r[4]), r[5], r[6]) for r in rows]


async def data_version(conn: aiosqlite.Connection) -> int:
    """SQLite's counter of commits made by other connections (the writer) since this one
    opened: the same number means the figures cannot have changed."""
    async with conn.execute("PRAGMA data_version") as cur:
        row = await cur.fetchone()
    return int(row[0]) if row else 0
