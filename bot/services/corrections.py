"""/suathongtin: a person reports their name, date or place of birth on LMS is wrong."""

from __future__ import annotations

from bot.storage import Database
from bot.storage.corrections import report_correction


async def report(db: Database, *, person_id: int, field: str, wrong: str, correct: str,
                 by: str) -> None:
    async with db.transaction() as tx:
        await report_correction(tx, person_id=person_id, field=field, wrong=wrong,
                                correct=correct, by=by)
