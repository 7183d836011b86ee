"""Announcements: a draft, its audience within the sender's scope, then one queued send.

Queueing is one transaction (the broadcast becomes "queued", one outbox row per recipient and
an audit row), so a broadcast is either wholly queued or not at all; the outbox's keys mean a
restart resends nobody. Broadcasts queued later have later outbox rows, so two never interleave.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.audience import Audience, SenderScope, check_within
from bot.domain.errors import AlreadyDone, DomainError, PermissionDenied
from bot.i18n import N_
from bot.services.campaigns import current
from bot.storage import Database
from bot.storage import broadcasts as repo
from bot.storage.broadcasts import Broadcast
from bot.storage.database import audit
from bot.storage.outbox import Queued, counts, enqueue
from bot.storage.people import unit_by_id

MAX_TEXT_CHARS = 4096  # Telegram's limit for a message
MAX_CAPTION_CHARS = 1024  # … and for the caption of a file
MAX_FILE_BYTES = 20 * 1024 * 1024  # what a bot may fetch from Telegram


@dataclass(frozen=True, slots=True)
class Sender:
    author: str  # "tg:<telegram id>" or "cli"
    person_id: int | None
    scope: SenderScope


def key(broadcast_id: int) -> str:
    return f"broadcast:{broadcast_id}"


def check_content(text: str, *, attachment: bool, file_size: int | None = None) -> None:
    """Raises DomainError for an empty text, one over Telegram's limits, or a too large file."""
    if file_size is not None and file_size > MAX_FILE_BYTES:
        raise DomainError(N_("The file is {size} MB; announcements can carry files up to 20 MB. "
                             "Please send a smaller file or a link to it."),
                          {"size": round(file_size / 2**20)})
    if not text.strip():
        raise DomainError(N_("The announcement is empty. Please send its text (or a file with "
                             "a caption)."))
    limit = MAX_CAPTION_CHARS if attachment else MAX_TEXT_CHARS
    if len(text) > limit:
        raise DomainError(N_("The announcement has {n} characters; the limit is {limit} "
                             "({limit_file} with a file). Please shorten it or split it into "
                             "several announcements."),
                          {"n": len(text), "limit": MAX_TEXT_CHARS,
                           "limit_file": MAX_CAPTION_CHARS})


async def start_draft(db: Database, sender: Sender, text: str,
                      attachment: tuple[str, str, str] | None = None,
                      file_size: int | None = None) -> int:
    check_content(text, attachment=attachment is not None, file_size=file_size)
    async with db.transaction() as tx:
        draft_id = await repo.create_draft(tx, author_id=sender.person_id, author=sender.author,
                                           text=text, attachment=attachment)
        if sender.scope.unit_id is not None:
            await repo.set_audience(tx, draft_id, Audience(unit_id=sender.scope.unit_id))
    return draft_id


async def own_draft(db: Database, broadcast_id: int, sender: Sender) -> Broadcast:
    """The sender's own broadcast; anyone else's id (forged or replayed) is refused."""
    broadcast = await repo.broadcast_by_id(db.reader, broadcast_id)
    if broadcast is None or broadcast.author != sender.author:
        raise PermissionDenied(N_("This announcement is not yours."))
    return broadcast


async def choose_audience(db: Database, broadcast_id: int, sender: Sender,
                          audience: Audience) -> Audience:
    broadcast = await own_draft(db, broadcast_id, sender)
    if broadcast.status != "draft":
        raise AlreadyDone(N_("This announcement has already been sent."))
    unit = await unit_by_id(db.reader, audience.unit_id) if audience.unit_id else None
    pinned = check_within(sender.scope, audience, unit.kind if unit else None,
                          unit.parent_id if unit else None)
    async with db.transaction() as tx:
        await repo.set_audience(tx, broadcast_id, pinned)
    return pinned


async def queue(db: Database, broadcast_id: int, sender: Sender) -> int:
    """Queue the draft for everyone reachable in its audience; returns how many.

    Raises:
        AlreadyDone: pressed twice, or already cancelled.
        DomainError: nobody would receive it.
    """
    broadcast = await own_draft(db, broadcast_id, sender)
    if broadcast.status != "draft":
        raise AlreadyDone(N_("This announcement has already been sent."))
    recipients = await repo.reachable_people(db.reader, broadcast.audience, await current(db))
    if not recipients:
        raise DomainError(N_("Nobody in this audience uses the assistant yet, so nobody would "
                             "receive it. Please widen the audience."))
    async with db.transaction() as tx:
        if not await repo.mark(tx, broadcast_id, "queued", expected="draft",
                               recipients=len(recipients)):
            raise AlreadyDone(N_("This announcement has already been sent."))
        await enqueue(tx, [Queued("broadcast", key(broadcast_id), person_id,
                                  {"broadcast_id": broadcast_id}, priority=7)
                           for person_id in recipients])
        await audit(tx, actor=sender.author, action="broadcast.queue",
                    subject=f"broadcast:{broadcast_id}", audience=broadcast.audience.to_json(),
                    recipients=len(recipients))
    return len(recipients)


async def cancel(db: Database, broadcast_id: int, sender: Sender) -> None:
    await own_draft(db, broadcast_id, sender)
    async with db.transaction() as tx:
        if not await repo.mark(tx, broadcast_id, "cancelled", expected="draft"):
            raise AlreadyDone(N_("This announcement has already been sent."))


@dataclass(frozen=True, slots=True)
class Progress:
    sent: int
    failed: int
    blocked: int
    waiting: int  # pending or being sent

    @property
    def finished(self) -> bool:
        return self.waiting == 0


async def progress(db: Database, broadcast_id: int) -> Progress:
    by_status = await counts(db.reader, key(broadcast_id))
    return Progress(sent=by_status.get("sent", 0),
                    failed=by_status.get("failed", 0),
                    blocked=by_status.get("blocked", 0) + by_status.get("skipped", 0),
                    waiting=by_status.get("pending", 0) + by_status.get("sending", 0))
