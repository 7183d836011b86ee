"""Deferred actions check the actor as they are now, not as they were when the button was made.

A button outlives the role of whoever it was shown to: a Sở officer drafts an announcement, a
roster re-import makes them a principal, and their old "📤 Gửi" must not reach the province.
So every action that takes effect later (queuing an announcement, an approval, answering a
ticket, approving an FAQ) reloads the actor from the database here, and a refusal leaves an
audit row saying what was refused and why.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NoReturn

from bot.domain.errors import PermissionDenied
from bot.domain.people import Profile
from bot.storage import Database
from bot.storage import people as people_repo
from bot.storage.database import audit


async def current_profile(db: Database, person_id: int | None) -> Profile | None:
    """The person's role and units as the roster says now (None: gone from the roster)."""
    if person_id is None:
        return None
    person = await people_repo.person_by_id(db.reader, person_id)
    return await people_repo.profile_of(db.reader, person) if person else None


async def refuse(db: Database, *, actor: str, action: str, subject: str | None, reason: str,
                 message: str, params: Mapping[str, object] | None = None) -> NoReturn:
    """Audit the refusal (``<action>.refused``) in its own transaction, then raise it."""
    async with db.transaction() as tx:
        await audit(tx, actor=actor, action=f"{action}.refused", subject=subject, reason=reason)
    raise PermissionDenied(message, params)
