"""The nightly backup as a use case: copy, verify, prune; when it fails, tell the admins.

The copy runs in a thread (the backup API is synchronous) so the bot keeps answering. A
failure is logged and queued for every admin with a linked account through the outbox, once
a night, so it is read the next morning instead of discovered the day the disk dies.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from pathlib import Path

from bot.i18n import N_, translator
from bot.storage import Database
from bot.storage.accounts import linked_person_ids
from bot.storage.backup import BackupError, Snapshot, make_backup
from bot.storage.outbox import Queued, enqueue

log = logging.getLogger(__name__)

ALERT_KIND = "ops_alert"


async def nightly_backup(db: Database, *, directory: Path, keep: int, now_local: dt.datetime,
                         admin_ids: frozenset[int]) -> Snapshot | None:
    """Make and verify tonight's copy; on failure alert the admins and return None."""
    try:
        snapshot = await asyncio.to_thread(make_backup, db.path, directory, now_local, keep)
    except Exception as exc:
        if isinstance(exc, BackupError):
            message, params = exc.message, {k: str(v) for k, v in exc.params.items()}
        else:
            message = N_("The backup could not be written to {file}: {error}")
            params = {"file": str(directory), "error": type(exc).__name__}
        # paths and SQLite errors only: nothing about a person
        log.error("nightly backup failed: %s", translator("en")(message).format(**params))
        queued = await alert_admins(db, admin_ids, f"backup-failed:{now_local:%Y-%m-%d}",
                                    {"message": message, "params": params})
        if not queued:
            log.error("no admin with a linked Telegram account could be told")
        return None
    log.info("nightly backup %s: %s", snapshot.path.name,
             ", ".join(f"{k} {v}" for k, v in snapshot.counts.items()))
    return snapshot


async def alert_admins(db: Database, admin_ids: frozenset[int], key: str,
                       payload: dict[str, object]) -> int:
    """Queue one operations alert per admin (once per ``key``); returns how many were queued."""
    people = await linked_person_ids(db.reader, admin_ids)
    if not people:
        return 0
    async with db.transaction() as tx:
        return await enqueue(tx, [Queued(ALERT_KIND, key, p, payload, priority=1)
                                  for p in people])
