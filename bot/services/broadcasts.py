"""Announcements: a draft, its audience within the sender's scope, then one queued send.

Queueing is one transaction (the broadcast becomes "queued", one outbox row per recipient and
an audit row), so a broadcast is either wholly queued or not at all; the outbox's keys mean a
restart resends nobody. Broadcasts queued later have later outbox rows, so two never interleave.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.audience import (
    Audience,
    FilterCounts,
    SenderScope,
    check_within,
    sender_scope,
    within_scope,
)
from bot.domain.errors import AlreadyDone, DomainError, PermissionDenied
from bot.domain.people import Level, Role, Unit, UnitKind
from bot.i18n import N_
from bot.services.authority import current_profile, refuse
from bot.services.campaigns import current
from bot.storage import Database
from bot.storage import broadcasts as repo
from bot.storage import people as people_repo
from bot.storage.accounts import account_by_telegram_id
from bot.storage.broadcasts import Broadcast
from bot.storage.database import audit
from bot.storage.outbox import Queued, counts, enqueue
from bot.storage.people import person_by_id, profile_of, so_unit_id, unit_by_id
from bot.telegram_text import CAPTION_LIMIT, MESSAGE_LIMIT, HtmlError, visible_length

HEADER_ROOM = 160  # the sender header every announcement starts with (unit and role)
MAX_TEXT_CHARS = MESSAGE_LIMIT - HEADER_ROOM  # Telegram's limit, less the header
MAX_CAPTION_CHARS = CAPTION_LIMIT - HEADER_ROOM  # … and for the caption of a file
KIND = "broadcast"  # held back 21:00–07:00 like every bulk message
URGENT_KIND = "broadcast_urgent"  # a Sở announcement marked urgent: sent at once, day or night
MAX_FILE_BYTES = 20 * 1024 * 1024  # what a bot may fetch from Telegram


@dataclass(frozen=True, slots=True)
class Sender:
    author: str  # "tg:<telegram id>" or "cli"
    person_id: int | None
    scope: SenderScope
    is_admin: bool = False  # an admin (or the CLI) speaks for the Sở whatever their roster row


async def _within(db: Database, scope: SenderScope, audience: Audience) -> bool:
    """Whether an audience stored earlier lies within ``scope`` as it is now."""
    unit = await unit_by_id(db.reader, audience.unit_id) if audience.unit_id else None
    return within_scope(scope, audience, unit.kind if unit else None,
                        unit.parent_id if unit else None)


async def current_scope(db: Database, sender: Sender) -> SenderScope:
    """Where the sender may reach now: their roster row is reloaded, so a demoted officer's
    old buttons carry only their new scope (raises PermissionDenied if they may not send)."""
    if sender.is_admin or sender.person_id is None:
        return sender.scope
    return sender_scope(await current_profile(db, sender.person_id), is_admin=False)


def key(broadcast_id: int) -> str:
    return f"broadcast:{broadcast_id}"


def check_content(text: str, *, attachment: bool, file_size: int | None = None) -> None:
    """Raises DomainError for an empty text, one over Telegram's limits (counted as Telegram
    does, on the visible text of the HTML), HTML Telegram cannot parse, or a too large file."""
    if file_size is not None and file_size > MAX_FILE_BYTES:
        raise DomainError(N_("The file is {size} MB; announcements can carry files up to 20 MB. "
                             "Please send a smaller file or a link to it."),
                          {"size": round(file_size / 2**20)})
    if not text.strip():
        raise DomainError(N_("The announcement is empty. Please send its text (or a file with "
                             "a caption)."))
    limit = MAX_CAPTION_CHARS if attachment else MAX_TEXT_CHARS
    try:
        length = visible_length(text)
    except HtmlError:
        raise DomainError(N_("Telegram cannot read the formatting of this announcement: a tag "
                             "is not closed or not supported. Please fix the tags or send it "
                             "as plain text.")) from None
    if length > limit:
        raise DomainError(N_("The announcement has {n} characters; the limit is {limit} "
                             "({limit_file} with a file). Please shorten it or split it into "
                             "several announcements."),
                          {"n": length, "limit": MAX_TEXT_CHARS,
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
    pinned = check_within(await current_scope(db, sender), audience,
                          unit.kind if unit else None, unit.parent_id if unit else None)
    async with db.transaction() as tx:
        await repo.set_audience(tx, broadcast_id, pinned)
    return pinned


async def queue(db: Database, broadcast_id: int, sender: Sender, *, urgent: bool = False) -> int:
    """Queue the draft for everyone reachable in its audience; returns how many.

    ``urgent`` sends it at once even between 21:00 and 07:00; only the Sở may, and the audit
    row says so.

    Raises:
        AlreadyDone: pressed twice, or already cancelled.
        DomainError: nobody would receive it.
        PermissionDenied: urgent, from anyone but the Sở; or the audience no longer lies
            within the sender's scope as it is now (audited).
    """
    broadcast = await own_draft(db, broadcast_id, sender)
    if broadcast.status != "draft":
        raise AlreadyDone(N_("This announcement has already been sent."))
    try:
        scope: SenderScope | None = await current_scope(db, sender)
    except PermissionDenied:
        scope = None
    if scope is None or not await _within(db, scope, broadcast.audience):
        await refuse(db, actor=sender.author, action="broadcast.queue",
                     subject=f"broadcast:{broadcast_id}", reason="outside_current_scope",
                     message=N_("Your role or unit has changed since announcement #{id} was "
                                "written, and its audience is now outside what you may reach. "
                                "Nothing was sent. Please write it again with /thongbao."),
                     params={"id": broadcast_id})
    if urgent and scope.kind is not UnitKind.SO:
        raise PermissionDenied(N_("Only the Sở may send an announcement as urgent."))
    recipients = await repo.reachable_people(db.reader, broadcast.audience, await current(db),
                                             exclude=await _author_people(db, broadcast))
    if not recipients:
        raise DomainError(N_("Nobody in this audience uses the assistant yet, so nobody would "
                             "receive it. Please widen the audience."))
    async with db.transaction() as tx:
        if not await repo.mark(tx, broadcast_id, "queued", expected="draft",
                               recipients=len(recipients)):
            raise AlreadyDone(N_("This announcement has already been sent."))
        await enqueue(tx, [Queued(URGENT_KIND if urgent else KIND, key(broadcast_id), person_id,
                                  {"broadcast_id": broadcast_id}, priority=7)
                           for person_id in recipients])
        await audit(tx, actor=sender.author, action="broadcast.queue",
                    subject=f"broadcast:{broadcast_id}", audience=broadcast.audience.to_json(),
                    recipients=len(recipients), urgent=urgent)
    return len(recipients)


async def _author_people(db: Database, broadcast: Broadcast) -> set[int]:
    """Who wrote the announcement, on the roster: they do not receive it themselves."""
    people = {broadcast.author_id} if broadcast.author_id else set()
    if broadcast.author.startswith("tg:") and broadcast.author[3:].isdigit():
        account = await account_by_telegram_id(db.reader, int(broadcast.author[3:]))
        if account is not None and account.person_id is not None:
            people.add(account.person_id)
    return people


@dataclass(frozen=True, slots=True)
class SenderHeader:
    """Who an announcement is from, as its first line shows it."""

    unit: str
    role: Role | None  # None: an administrator of the deployment, not on the roster


async def sender_header(db: Database, broadcast: Broadcast, so_name: str) -> SenderHeader:
    """The author's school or unit and role; an administrator speaks for the Sở."""
    person = await person_by_id(db.reader, broadcast.author_id) if broadcast.author_id else None
    if person is None:
        so_id = await so_unit_id(db.reader)
        so = await unit_by_id(db.reader, so_id) if so_id is not None else None
        return SenderHeader(so.name if so else so_name, None)
    profile = await profile_of(db.reader, person)
    unit = profile.school or profile.unit
    return SenderHeader(unit.name, person.role)


async def may_still_send(db: Database, broadcast: Broadcast, admin_ids: frozenset[int]) -> bool:
    """Whether the author may still reach the audience, by their roster row as it is now.

    The outbox asks before every message of the announcement, so a roster re-import that
    demotes the author, or moves them to a narrower unit, mid-send or overnight before 07:00,
    takes effect at the next message. Admins (by the settings) and the CLI keep the Sở's.
    """
    author_tg = int(broadcast.author[3:]) if broadcast.author.startswith("tg:") else None
    if broadcast.author == "cli" or (author_tg is not None and author_tg in admin_ids):
        return True
    try:
        scope = sender_scope(await current_profile(db, broadcast.author_id), is_admin=False)
    except PermissionDenied:  # no longer one who may announce at all
        return False
    return await _within(db, scope, broadcast.audience)


async def stop(db: Database, broadcast: Broadcast) -> Progress | None:
    """Cancel an announcement its author may no longer send: nobody else receives it, and the
    refusal is audited with how far it got. Returns that progress to whichever sender stopped
    it (None when another had already)."""
    state = await progress(db, broadcast.id)
    async with db.transaction() as tx:
        if not await repo.mark(tx, broadcast.id, "cancelled", expected=broadcast.status):
            return None
        await audit(tx, actor=broadcast.author, action="broadcast.send.refused",
                    subject=f"broadcast:{broadcast.id}", reason="outside_current_scope",
                    delivered=state.sent, recipients=broadcast.recipients)
    return state


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
    held: int = 0  # of those, not urgent: they wait for 07:00 during the quiet hours

    @property
    def finished(self) -> bool:
        return self.waiting == 0


async def progress(db: Database, broadcast_id: int) -> Progress:
    by_status = await counts(db.reader, key(broadcast_id))
    waiting = by_status.get("pending", 0) + by_status.get("sending", 0)
    return Progress(sent=by_status.get("sent", 0),
                    failed=by_status.get("failed", 0),
                    blocked=by_status.get("blocked", 0) + by_status.get("skipped", 0),
                    waiting=waiting,
                    held=await repo.waiting_of_kind(db.reader, key(broadcast_id), KIND)
                    if waiting else 0)


@dataclass(frozen=True, slots=True)
class AudienceSummary:
    unit_name: str | None  # None: the whole scope
    total: int  # people in the audience
    reachable: int  # of them, those who use the assistant


async def audience_summary(db: Database, audience: Audience,
                           draft: Broadcast | None = None) -> AudienceSummary:
    """Whom the audience reaches; the ``draft``'s author left out (never sent their own)."""
    unit = await unit_by_id(db.reader, audience.unit_id) if audience.unit_id else None
    author = await _author_people(db, draft) if draft is not None else set()
    total, reachable = await repo.count_audience(db.reader, audience, await current(db),
                                                 exclude=author)
    return AudienceSummary(unit.name if unit else None, total, reachable)


async def filter_counts(db: Database, unit_id: int | None) -> FilterCounts:
    return await repo.filter_counts(db.reader, unit_id)


async def units_to_choose(db: Database, scope: SenderScope) -> list[Unit]:
    """The units a sender may narrow an announcement to: for the Sở its Phòng and its own
    THPT/GDTX schools, for a Phòng its schools."""
    schools = await people_repo.units_of_kind(db.reader, UnitKind.SCHOOL)
    if scope.kind is UnitKind.SO:
        return [*await people_repo.units_of_kind(db.reader, UnitKind.PHONG),
                *[u for u in schools if u.level in (Level.THPT, Level.GDTX)]]
    return [u for u in schools if u.parent_id == scope.unit_id]


async def set_progress_message(db: Database, broadcast_id: int, chat_id: int,
                               message_id: int) -> None:
    """The message the sender watches: edited as the outbox delivers."""
    async with db.transaction() as tx:
        await repo.set_progress_message(tx, broadcast_id, chat_id, message_id)


async def broadcast_by_id(db: Database, broadcast_id: int) -> Broadcast | None:
    return await repo.broadcast_by_id(db.reader, broadcast_id)


async def in_progress(db: Database) -> list[Broadcast]:
    return await repo.in_progress(db.reader)


async def author_language(db: Database, broadcast: Broadcast) -> str | None:
    """The language of the sender who wrote it from Telegram (None: the CLI)."""
    if not broadcast.author.startswith("tg:"):
        return None
    account = await account_by_telegram_id(db.reader, int(broadcast.author[3:]))
    return account.language if account else None


async def finish(db: Database, broadcast: Broadcast, state: Progress) -> bool:
    """Close a broadcast whose messages all went out; False when another drain closed it."""
    async with db.transaction() as tx:
        done = await repo.mark(tx, broadcast.id, "done", expected=broadcast.status)
        if done:
            await audit(tx, actor="outbox", action="broadcast.done",
                        subject=f"broadcast:{broadcast.id}", sent=state.sent,
                        failed=state.failed, blocked=state.blocked)
    return done
