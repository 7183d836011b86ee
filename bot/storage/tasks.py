"""Task states and their history. A change is compare-and-set: it only happens from the state
the caller saw, so two approvers pressing at once make exactly one transition."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import aiosqlite

from bot.domain.campaign import Campaign, Task
from bot.domain.tasks import TaskState, state_from_value, states_for
from bot.storage.database import audit, utcnow


def state_joins(tasks: Sequence[Task]) -> tuple[str, str, list[str]]:
    """One LEFT JOIN of task_states per task, over people ``p``: (joins, columns, params).

    Reading a province's states as columns of the people rows is one pass, where a query per
    person would be a million.
    """
    joins = "".join(f" LEFT JOIN task_states t{i} ON t{i}.person_id = p.id AND t{i}.task = ?"
                    for i in range(len(tasks)))
    columns = "".join(f", t{i}.state" for i in range(len(tasks)))
    return joins, columns, [t.code for t in tasks]


Decoders = list[tuple[Task, dict[str, TaskState]]]


def decoders(tasks: Sequence[Task]) -> Decoders:
    """Each task with a stored value → state table, built once for a stream of rows (a task of
    kind criteria has no fixed values and is decoded on the way)."""
    return [(t, {s.value: s for s in states_for(t)}) for t in tasks]


def states_from_columns(tasks: Sequence[Task],
                        values: Sequence[str | None]) -> dict[Task, TaskState]:
    """The states read through ``state_joins``, a missing row (never recorded) left out."""
    return states_decoded(decoders(tasks), values)


def states_decoded(table: Decoders, values: Sequence[str | None]) -> dict[Task, TaskState]:
    """``states_from_columns`` with the tables of ``decoders`` built once for many rows."""
    states: dict[Task, TaskState] = {}
    for (task, known), value in zip(table, values, strict=True):
        if value is not None:
            state = known.get(value) or state_from_value(task, value)
            if state is not None:
                states[task] = state
    return states


def subject(person_id: int, task: Task) -> str:
    return f"task:{person_id}:{task.code}"


@dataclass(frozen=True, slots=True)
class HistoryRow:
    at: str
    actor: str
    from_state: str | None
    to_state: str
    reason: str | None


async def states_of(conn: aiosqlite.Connection, campaign: Campaign,
                    person_id: int) -> dict[Task, TaskState]:
    """The person's recorded states of the campaign's tasks (archived tasks left out)."""
    async with conn.execute("SELECT task, state FROM task_states WHERE person_id = ?",
                            (person_id,)) as cur:
        rows = await cur.fetchall()
    states: dict[Task, TaskState] = {}
    for task_value, state_value in rows:
        task = campaign.task(task_value)
        state = state_from_value(task, state_value) if task else None
        if task is not None and state is not None:
            states[task] = state
    return states


async def states_of_many(conn: aiosqlite.Connection, campaign: Campaign,
                         person_ids: Iterable[int]) -> dict[int, dict[Task, TaskState]]:
    ids = list(person_ids)
    result: dict[int, dict[Task, TaskState]] = {pid: {} for pid in ids}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        async with conn.execute(
                f"SELECT person_id, task, state FROM task_states WHERE person_id IN "
                f"({','.join('?' * len(chunk))})", chunk) as cur:
            for person_id, task_value, state_value in await cur.fetchall():
                task = campaign.task(task_value)
                state = state_from_value(task, state_value) if task else None
                if task is not None and state is not None:
                    result[person_id][task] = state
    return result


async def set_state(tx: aiosqlite.Connection, person_id: int, task: Task,
                    expected: TaskState | None, new: TaskState, *, actor: str,
                    reason: str | None = None) -> bool:
    """Move the item from ``expected`` (None: never recorded) to ``new``, with its audit row.

    Returns False, changing nothing, when the item is no longer in ``expected``.
    """
    now = utcnow()
    if expected is None:
        cur = await tx.execute(
            "INSERT OR IGNORE INTO task_states (person_id, task, state, updated_at, updated_by)"
            " VALUES (?, ?, ?, ?, ?)", (person_id, task.code, new.value, now, actor))
    else:
        cur = await tx.execute(
            "UPDATE task_states SET state = ?, updated_at = ?, updated_by = ? "
            "WHERE person_id = ? AND task = ? AND state = ?",
            (new.value, now, actor, person_id, task.code, expected.value))
    if cur.rowcount != 1:
        return False
    details: dict[str, object] = {"from": expected.value if expected else None, "to": new.value}
    if reason:
        details["reason"] = reason
    await audit(tx, actor=actor, action="task.change", subject=subject(person_id, task),
                **details)
    return True


async def history(conn: aiosqlite.Connection, person_id: int,
                  task: Task) -> list[HistoryRow]:
    async with conn.execute(
            "SELECT at, actor, detail FROM audit_log WHERE subject = ? AND action = 'task.change'"
            " ORDER BY id", (subject(person_id, task),)) as cur:
        rows = await cur.fetchall()
    out = []
    for at, actor, detail in rows:
        data = json.loads(detail)
        out.append(HistoryRow(at, actor, data.get("from"), data["to"], data.get("reason")))
    return out


async def people_with_state(conn: aiosqlite.Connection, tasks: Iterable[Task],
                            state: TaskState) -> list[tuple[int, Task]]:
    by_code = {t.code: t for t in tasks}
    codes = list(by_code)
    async with conn.execute(
            f"SELECT person_id, task FROM task_states WHERE state = ? AND task IN "
            f"({','.join('?' * len(codes))}) ORDER BY person_id, task",
            (state.value, *codes)) as cur:
        return [(pid, by_code[t]) for pid, t in await cur.fetchall()]
