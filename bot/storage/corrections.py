"""Personal info on LMS that people report as wrong (000, 1.1b): the source of Phụ lục 4."""

from __future__ import annotations

import aiosqlite

from bot.reports.stats import InfoField
from bot.storage.database import audit, utcnow

FIELDS = tuple(f.value for f in InfoField)


async def report_correction(tx: aiosqlite.Connection, *, person_id: int, field: str,
                            wrong: str, correct: str, by: str) -> int:
    """A newer report of the same field replaces the open one: the list shows the latest."""
    await tx.execute("DELETE FROM info_corrections WHERE person_id = ? AND field = ? AND "
                     "resolved_at IS NULL", (person_id, field))
    cur = await tx.execute(
        "INSERT INTO info_corrections (person_id, field, wrong_value, correct_value, "
        "reported_at, reported_by) VALUES (?, ?, ?, ?, ?, ?)",
        (person_id, field, wrong, correct, utcnow(), by))
    assert cur.lastrowid is not None
    await audit(tx, actor=by, action="info.correction", subject=f"person:{person_id}",
                field=field)
    return cur.lastrowid
