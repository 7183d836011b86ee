"""The messages a state change announces, queued in the outbox inside the change's own
transaction: if the change commits, its notice is sent (after a crash too, when the outbox
starts again); if it rolls back, nobody is told of a change that did not happen.

Keys carry the id of the change (its audit row), so an item approved, reopened by a status
import and approved again is announced twice, while a retried transaction is announced once.
"""

from __future__ import annotations

from typing import Any

import aiosqlite

from bot.domain.people import Person
from bot.storage.outbox import Queued

ALERT = "alert"  # an item waits for an approver
APPROVED = "notice"  # the owner's item was approved
UNDONE = "approval_undone"  # … and the approval was taken back within ten minutes
TICKET_ANSWER = "ticket"  # the answer to a question, to its asker
TICKET_NEW = "ticket_new"  # a question for the officers, when their unit has no group
TICKET_UNDELIVERED = "ticket_undelivered"  # to the officer: the answer did not reach the asker
TICKET_NUDGE = "ticket_nudge"  # a question left two working days without an answer
URGENT = 1  # before reminders and announcements


async def last_change_id(tx: aiosqlite.Connection) -> int:
    """The id of the audit row the change just wrote, to name the change in keys."""
    async with tx.execute("SELECT last_insert_rowid()") as cur:
        row = await cur.fetchone()
    assert row is not None
    return int(row[0])


def approver_alerts(change_id: int, owner_id: int, task: str,
                    approver_ids: list[int]) -> list[Queued]:
    return [Queued(ALERT, f"alert:{owner_id}:{task}:{change_id}", approver_id,
                   {"owner_id": owner_id, "task": task}, URGENT)
            for approver_id in approver_ids]


def approval_notice(change_id: int, owner_id: int, task: str, approver: Person) -> Queued:
    return Queued(APPROVED, f"approved:{owner_id}:{task}:{change_id}", owner_id,
                  {"task": task, "approver_role": approver.role.value,
                   "approver_name": approver.full_name}, URGENT)


def undo_notice(change_id: int, owner_id: int, task: str, approver: Person) -> Queued:
    return Queued(UNDONE, f"undone:{owner_id}:{task}:{change_id}", owner_id,
                  {"task": task, "approver_role": approver.role.value,
                   "approver_name": approver.full_name}, URGENT)


def to_person_or_chat(kind: str, key: str, person_id: int | None, chat_id: int,
                      payload: dict[str, Any], language: str = "vi") -> Queued:
    """A notice for a person of the roster, or else for their chat (a guest, an admin outside
    the roster), in ``language``."""
    if person_id is not None:
        return Queued(kind, key, person_id, payload, URGENT)
    return Queued(kind, key, None, {**payload, "language": language}, URGENT, chat_id=chat_id)
