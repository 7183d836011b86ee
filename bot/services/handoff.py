"""Hand-off: a question the bot cannot answer reaches a person who can, group or no group.

Where the question's unit (or the Sở) registered a support group, it is posted there. Without
one, the unit's officers who use the assistant get it in their private chat through the
outbox, queued in the ticket's own transaction; a Phòng with no such officer passes it to the
Sở's officers, and a Sở without any to the assistant's admins. When nobody at all can receive
it, no ticket is made and the asker is told to call the hotline. The nudge about a question
left two working days follows the same path, through the outbox.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from bot.domain.errors import DomainError
from bot.domain.people import Level, Profile, Role, UnitKind
from bot.domain.routing import ApproverKind, officers_for_level
from bot.domain.tickets import MAX_OPEN_TICKETS, reminder_due, support_unit
from bot.i18n import N_
from bot.services import notices
from bot.services.tickets import MAX_QUESTION_CHARS, so_unit_id
from bot.storage import Database
from bot.storage import people as people_repo
from bot.storage import tickets as repo
from bot.storage.accounts import account_by_telegram_id, account_of_person
from bot.storage.database import Tx, audit
from bot.storage.outbox import enqueue
from bot.storage.tickets import Ticket

NOBODY = N_("No support officer uses the assistant yet, so I cannot pass your question on. "
            "Please call the hotline 18008000 (branch 2).")


class Receivers(StrEnum):
    """Who received a question, as the asker is told (roles and units, never names)."""

    GROUP = "group"  # the support group of the unit (or of the Sở)
    UNIT_OFFICERS = "unit"  # the officers of the question's unit, in private
    SO_OFFICERS = "so"  # the Sở's officers: the question's Phòng has none on the assistant
    ADMINS = "admins"  # the assistant's admins: no officer at all uses it


@dataclass(frozen=True, slots=True)
class Handoff:
    ticket: Ticket
    receivers: Receivers
    unit_name: str  # the question's unit
    group_chat: int | None = None  # where to post it, for GROUP


@dataclass(frozen=True, slots=True)
class _Target:
    person_id: int | None  # an officer of the roster, or
    chat_id: int  # their chat (for an admin outside the roster, the only address)
    language: str


async def open_ticket(db: Database, *, asker_tg: int, profile: Profile | None, question: str,
                      now: dt.datetime, admin_ids: frozenset[int],
                      parent_id: int | None = None) -> Handoff:
    """Make the ticket and, when no group takes it, queue it for the officers, in one
    transaction.

    Raises:
        DomainError: an empty question, too many open questions, or nobody to receive it.
    """
    question = question.strip()[:MAX_QUESTION_CHARS]
    if not question:
        raise DomainError(N_("Please type the question first."))
    if await repo.open_count(db.reader, asker_tg) >= MAX_OPEN_TICKETS:
        raise DomainError(N_("You already have {n} questions waiting for an answer. Please wait "
                             "for them before asking more staff questions."),
                          {"n": MAX_OPEN_TICKETS})
    so_id = await so_unit_id(db)
    unit_id = support_unit(profile, so_id)
    unit = await people_repo.unit_by_id(db.reader, unit_id)
    group = await support_group(db, unit_id)
    receivers, targets = (Receivers.GROUP, []) if group is not None else await _officers(
        db, unit_id, profile.person.level if profile else None, admin_ids)
    if receivers is not Receivers.GROUP and not targets:
        raise DomainError(NOBODY)
    async with db.transaction() as tx:
        ticket_id = await repo.create_ticket(tx, asker_tg=asker_tg,
                                             person_id=profile.person.id if profile else None,
                                             unit_id=unit_id, question=question,
                                             parent_id=parent_id, now=now)
        await audit(tx, actor=f"tg:{asker_tg}", action="ticket.open",
                    subject=f"ticket:{ticket_id}", unit=unit_id, parent=parent_id,
                    receivers=receivers.value)
        await _queue(tx, notices.TICKET_NEW, f"ticket_new:{ticket_id}", ticket_id, targets)
    ticket = await repo.ticket_by_id(db.reader, ticket_id)
    assert ticket is not None
    return Handoff(ticket, receivers, unit.name if unit else "", group)


async def hand_to_officers(db: Database, ticket: Ticket,
                           admin_ids: frozenset[int]) -> Handoff | None:
    """The support group could not be reached: queue the ticket for the officers instead
    (None when nobody can receive it)."""
    asker = (await people_repo.person_by_id(db.reader, ticket.asker_person_id)
             if ticket.asker_person_id else None)
    receivers, targets = await _officers(db, ticket.unit_id, asker.level if asker else None,
                                         admin_ids)
    if not targets:
        return None
    async with db.transaction() as tx:
        await _queue(tx, notices.TICKET_NEW, f"ticket_new:{ticket.id}", ticket.id, targets)
        await audit(tx, actor="bot", action="ticket.handoff", subject=f"ticket:{ticket.id}",
                    receivers=receivers.value)
    unit = await people_repo.unit_by_id(db.reader, ticket.unit_id)
    return Handoff(ticket, receivers, unit.name if unit else "")


async def record_group_post(db: Database, ticket_id: int, chat_id: int,
                            message_id: int) -> None:
    """Where the ticket was posted, so a reply to that message is its answer."""
    async with db.transaction() as tx:
        await repo.set_group_message(tx, ticket_id, chat_id, message_id)


async def support_group(db: Database, unit_id: int) -> int | None:
    """The group of the unit, or else the Sở's; None when neither registered one."""
    chat_id = await repo.support_chat(db.reader, unit_id)
    if chat_id is None:
        chat_id = await repo.support_chat(db.reader, await so_unit_id(db))
    return chat_id


async def nudge_stale(db: Database, now: dt.datetime, admin_ids: frozenset[int]) -> int:
    """Queue a nudge for each question left two working days without an answer: in its
    group, or to the officers who received it. Returns how many were nudged."""
    nudged = 0
    for ticket in await repo.not_reminded_open(db.reader):
        if not reminder_due(ticket.created_at, now):
            continue
        key = f"ticket_nudge:{ticket.id}"
        if ticket.group_chat is not None:
            targets = [_Target(None, ticket.group_chat, "vi")]
        else:
            asker = (await people_repo.person_by_id(db.reader, ticket.asker_person_id)
                     if ticket.asker_person_id else None)
            _receivers, targets = await _officers(db, ticket.unit_id,
                                                  asker.level if asker else None, admin_ids)
        async with db.transaction() as tx:
            await _queue(tx, notices.TICKET_NUDGE, key, ticket.id, targets)
            await repo.mark_reminded(tx, ticket.id)
            await audit(tx, actor="scheduler", action="ticket.remind",
                        subject=f"ticket:{ticket.id}", recipients=len(targets))
        nudged += 1
    return nudged


async def _queue(tx: Tx, kind: str, key: str, ticket_id: int, targets: list[_Target]) -> None:
    await enqueue(tx, [notices.to_person_or_chat(kind, key, t.person_id, t.chat_id,
                                                 {"ticket_id": ticket_id}, t.language)
                       for t in targets])


async def _officers(db: Database, unit_id: int, level: Level | None,
                    admin_ids: frozenset[int]) -> tuple[Receivers, list[_Target]]:
    """The officers of the unit who use the assistant (those following the asker's level
    first); else the Sở's officers with the admins; else the admins alone."""
    unit = await people_repo.unit_by_id(db.reader, unit_id)
    if unit is not None and unit.kind is UnitKind.PHONG:
        found = await _linked(db, unit_id, Role.PHONG_STAFF, ApproverKind.PHONG, level)
        if found:
            return Receivers.UNIT_OFFICERS, found
    so_id = await so_unit_id(db)
    officers = await _linked(db, so_id, Role.SO_STAFF, ApproverKind.SO, level)
    linked_chats = {t.chat_id for t in officers}
    admins = []
    for admin_id in sorted(admin_ids - linked_chats):
        account = await account_by_telegram_id(db.reader, admin_id)
        if account is None or not account.blocked:
            admins.append(_Target(account.person_id if account else None, admin_id,
                                  account.language if account else "vi"))
    if officers:
        receivers = Receivers.UNIT_OFFICERS if unit_id == so_id else Receivers.SO_OFFICERS
        return receivers, officers + admins
    return Receivers.ADMINS, admins


async def _linked(db: Database, unit_id: int, role: Role, kind: ApproverKind,
                  level: Level | None) -> list[_Target]:
    staff = await people_repo.people_in_unit(db.reader, unit_id, [role])
    targets = []
    for person in staff:
        account = await account_of_person(db.reader, person.id)
        if account is not None and not account.blocked:
            targets.append((person, _Target(person.id, account.telegram_user_id,
                                            account.language)))
    chosen = officers_for_level(kind, [p for p, _t in targets], level, lambda p: p.level)
    return [t for p, t in targets if p in chosen]
