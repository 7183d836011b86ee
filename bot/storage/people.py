"""Units and people: the roster as stored. Functions take the connection of the use case."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterable, Sequence

import aiosqlite

from bot.domain.people import (
    Level,
    Person,
    Profile,
    Role,
    Unit,
    UnitKind,
    profile_from_chain,
    unit_chain,
)
from bot.domain.roster import RosterEntry
from bot.storage.accounts import Account
from bot.storage.database import utcnow
from bot.textnorm import fold

YIELD_EVERY = 500  # roster rows handled between two turns of the event loop


def _unit(row: aiosqlite.Row) -> Unit:
    return Unit(id=row["id"], kind=UnitKind(row["kind"]), name=row["name"],
                parent_id=row["parent_id"], level=Level(row["level"]) if row["level"] else None)


def _person(row: aiosqlite.Row) -> Person:
    return Person(
        id=row["id"], full_name=row["full_name"], phone=row["phone"], role=Role(row["role"]),
        unit_id=row["unit_id"], level=Level(row["level"]) if row["level"] else None,
        is_core=bool(row["is_core"]),
        birth_date=dt.date.fromisoformat(row["birth_date"]) if row["birth_date"] else None,
    )


async def unit_by_id(conn: aiosqlite.Connection, unit_id: int) -> Unit | None:
    async with conn.execute("SELECT * FROM units WHERE id = ?", (unit_id,)) as cur:
        row = await cur.fetchone()
    return _unit(row) if row else None


async def units_of_kind(conn: aiosqlite.Connection, kind: UnitKind) -> list[Unit]:
    async with conn.execute("SELECT * FROM units WHERE kind = ? ORDER BY name", (kind,)) as cur:
        return [_unit(r) for r in await cur.fetchall()]


async def get_or_create_unit(tx: aiosqlite.Connection, kind: UnitKind, name: str,
                             parent_id: int | None, level: Level | None = None) -> int:
    key = fold(name)
    async with tx.execute(
        "SELECT id FROM units WHERE kind = ? AND name_key = ? AND COALESCE(parent_id, 0) = ?",
        (kind, key, parent_id or 0),
    ) as cur:
        row = await cur.fetchone()
    if row:
        return int(row[0])
    cur = await tx.execute(
        "INSERT INTO units (kind, name, name_key, level, parent_id) VALUES (?, ?, ?, ?, ?)",
        (kind, name, key, level, parent_id),
    )
    assert cur.lastrowid is not None
    return cur.lastrowid


async def person_by_id(conn: aiosqlite.Connection, person_id: int) -> Person | None:
    async with conn.execute("SELECT * FROM people WHERE id = ?", (person_id,)) as cur:
        row = await cur.fetchone()
    return _person(row) if row else None


async def person_by_phone(conn: aiosqlite.Connection, phone: str) -> Person | None:
    async with conn.execute("SELECT * FROM people WHERE phone = ?", (phone,)) as cur:
        row = await cur.fetchone()
    return _person(row) if row else None


async def people_in_unit(conn: aiosqlite.Connection, unit_id: int,
                         roles: Sequence[Role] | None = None) -> list[Person]:
    sql = "SELECT * FROM people WHERE unit_id = ?"
    params: list[object] = [unit_id]
    if roles:
        sql += f" AND role IN ({','.join('?' * len(roles))})"
        params.extend(roles)
    async with conn.execute(sql + " ORDER BY full_name", params) as cur:
        return [_person(r) for r in await cur.fetchall()]


async def count_people(conn: aiosqlite.Connection) -> int:
    async with conn.execute("SELECT COUNT(*) FROM people") as cur:
        row = await cur.fetchone()
    return int(row[0]) if row else 0


async def profile_of(conn: aiosqlite.Connection, person: Person) -> Profile:
    """The person with their unit, the unit that manages it and the Sở at the root."""
    units: dict[int, Unit] = {}
    unit_id: int | None = person.unit_id
    while unit_id is not None and unit_id not in units and len(units) < 4:
        unit = await unit_by_id(conn, unit_id)
        if unit is None:
            break
        units[unit.id] = unit
        unit_id = unit.parent_id
    return profile_from_chain(person, unit_chain(person.unit_id, units))


async def all_units(conn: aiosqlite.Connection) -> dict[int, Unit]:
    """Every unit by id: a few thousand rows, read once to place a province's people."""
    rows = await conn.execute_fetchall("SELECT * FROM units")
    return {r["id"]: _unit(r) for r in rows}


async def so_unit_id(conn: aiosqlite.Connection) -> int | None:
    rows = await conn.execute_fetchall("SELECT id FROM units WHERE kind = 'so' ORDER BY id "
                                       "LIMIT 1")
    return next((int(r[0]) for r in rows), None)


async def ensure_so(tx: aiosqlite.Connection, name: str) -> int:
    """The Sở at the root of the tree; a deployment serves one province."""
    existing = await so_unit_id(tx)
    return existing if existing is not None else await get_or_create_unit(tx, UnitKind.SO,
                                                                          name, None)


async def apply_roster(tx: aiosqlite.Connection, entries: Iterable[RosterEntry],
                       so_name: str) -> tuple[int, int]:
    """Upsert everyone keyed by phone, creating units as needed; (created, updated)."""
    so_id = await ensure_so(tx, so_name)
    unit_ids: dict[tuple[str, str, int], int] = {}

    async def unit(kind: UnitKind, name: str, parent: int, level: Level | None = None) -> int:
        key = (kind.value, fold(name), parent)
        if key not in unit_ids:
            unit_ids[key] = await get_or_create_unit(tx, kind, name, parent, level)
        return unit_ids[key]

    async with tx.execute("SELECT phone FROM people") as cur:
        existing = {r[0] for r in await cur.fetchall()}
    now = utcnow()
    rows = []
    for n, e in enumerate(entries, start=1):
        if n % YIELD_EVERY == 0:  # a province is 100,000 rows: let others be answered meanwhile
            await asyncio.sleep(0)
        if e.role is Role.SO_STAFF:
            unit_id = so_id
        elif e.role is Role.PHONG_STAFF:
            assert e.district is not None
            unit_id = await unit(UnitKind.PHONG, e.district, so_id)
        else:
            assert e.school is not None
            parent = await unit(UnitKind.PHONG, e.district, so_id) if e.district else so_id
            unit_id = await unit(UnitKind.SCHOOL, e.school, parent, e.level)
        rows.append((e.full_name, e.birth_date.isoformat() if e.birth_date else None, e.phone,
                     e.role.value, e.level.value if e.level else None, unit_id, int(e.is_core),
                     now, now))
    await tx.executemany(
        """INSERT INTO people (full_name, birth_date, phone, role, level, unit_id, is_core,
                               created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(phone) DO UPDATE SET
               full_name = excluded.full_name, birth_date = excluded.birth_date,
               role = excluded.role, level = excluded.level, unit_id = excluded.unit_id,
               is_core = excluded.is_core, updated_at = excluded.updated_at""",
        rows,
    )
    created = sum(1 for r in rows if r[2] not in existing)
    return created, len(rows) - created


async def insert_person(tx: aiosqlite.Connection, *, full_name: str, phone: str, role: Role,
                        unit_id: int) -> int:
    now = utcnow()
    cur = await tx.execute(
        "INSERT INTO people (full_name, phone, role, unit_id, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?)", (full_name, phone, role.value, unit_id, now, now))
    assert cur.lastrowid is not None
    return cur.lastrowid


_UNIT_COLUMNS = "id, kind, name, level, parent_id"


def _unit_from(row: aiosqlite.Row, start: int) -> Unit | None:
    """A unit from five columns (id, kind, name, level, parent_id) of a joined row."""
    uid, kind, name, level, parent = (row[start + k] for k in range(5))
    if uid is None:
        return None
    return Unit(uid, UnitKind(kind), name, parent, Level(level) if level else None)


async def account_and_profile(conn: aiosqlite.Connection, telegram_user_id: int,
                              ) -> tuple[Account | None, Profile | None]:
    """The account of a Telegram user and, when linked, the person with their unit chain."""
    units = ", ".join(f"u{n}.{c}" for n in (1, 2, 3) for c in _UNIT_COLUMNS.split(", "))
    rows = await conn.execute_fetchall(  # one trip to the database thread, not three
        f"""SELECT a.telegram_user_id, a.person_id, a.language, a.blocked_at,
                   a.reminders_muted, p.*, {units}
            FROM accounts a
            LEFT JOIN people p ON p.id = a.person_id
            LEFT JOIN units u1 ON u1.id = p.unit_id
            LEFT JOIN units u2 ON u2.id = u1.parent_id
            LEFT JOIN units u3 ON u3.id = u2.parent_id
            WHERE a.telegram_user_id = ?""", (telegram_user_id,))
    row = next(iter(rows), None)
    if row is None:
        return None, None
    account = Account(row[0], row[1], row[2], row[3] is not None, bool(row[4]))
    if row[1] is None or row["id"] is None:
        return account, None
    person = _person(row)
    base = len(row.keys()) - 15  # the three units' columns close the row
    chain = [u for u in (_unit_from(row, base + 5 * n) for n in range(3)) if u is not None]
    return account, profile_from_chain(person, chain)
