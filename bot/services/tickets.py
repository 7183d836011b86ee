"""Hand-off: a question becomes a ticket for the right staff, their answer goes back, and a
good answer can become a knowledge-base entry once a Sở admin approves it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import aiosqlite

from bot.domain.errors import AlreadyDone, DomainError
from bot.domain.people import Level, Profile, Role, UnitKind
from bot.i18n import N_, translator
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry, Source
from bot.services import notices
from bot.services.authority import current_profile, refuse
from bot.storage import Database
from bot.storage import people as people_repo
from bot.storage import tickets as repo
from bot.storage.accounts import account_by_telegram_id
from bot.storage.database import audit
from bot.storage.erasure import is_pseudonym_number
from bot.storage.outbox import OutboxRow, enqueue
from bot.storage.people import unit_by_id
from bot.storage.tickets import Draft, Ticket

MAX_QUESTION_CHARS = 1000
FAQ_TOPIC = "faq"
FAQ_TOPIC_TITLE = N_("Answers from the support staff")


async def so_unit_id(db: Database) -> int:
    found = await people_repo.so_unit_id(db.reader)
    if found is None:
        raise DomainError(N_("The Sở is not set up yet: please import the roster first."))
    return found


def may_answer(staff: Profile | None, is_admin: bool, ticket: Ticket) -> bool:
    """Sở staff and admins answer any question; Phòng staff those routed to their Phòng."""
    if is_admin:
        return True
    if staff is None:
        return False
    if staff.person.role is Role.SO_STAFF:
        return True
    return staff.person.role is Role.PHONG_STAFF and staff.unit.id == ticket.unit_id


async def _check_may_answer(db: Database, ticket_id: int, staff: Profile | None,
                            is_admin: bool, by: str, action: str) -> Ticket:
    """The ticket, if the staff member (reloaded: their unit as it is now) may answer it."""
    ticket = await repo.ticket_by_id(db.reader, ticket_id)
    current = await current_profile(db, staff.person.id if staff else None)
    if ticket is None or not may_answer(current, is_admin, ticket):
        await refuse(db, actor=by, action=action, subject=f"ticket:{ticket_id}",
                     reason="not_support_staff_of_unit",
                     message=N_("Only the support staff of this question's unit can answer "
                                "it."))
    return ticket


async def answer_ticket(db: Database, ticket_id: int, *, staff: Profile | None,
                        is_admin: bool, text: str, by: str) -> Ticket:
    """Record the answer and queue it for the asker, in one transaction."""
    ticket = await _check_may_answer(db, ticket_id, staff, is_admin, by, "ticket.answer")
    if not text.strip():
        raise DomainError(N_("Please type the answer first."))
    asker = await account_by_telegram_id(db.reader, ticket.asker_tg)
    async with db.transaction() as tx:
        if not await repo.answer(tx, ticket_id, text.strip(), by):
            raise AlreadyDone(N_("Question #{id} has already been answered."), {"id": ticket_id})
        await audit(tx, actor=by, action="ticket.answer", subject=f"ticket:{ticket_id}")
        if ticket.asker_person_id is not None or not is_pseudonym_number(ticket.asker_tg):
            await enqueue(tx, [notices.to_person_or_chat(  # (a guest who erased: nobody)
                # one key per answer (the compare-and-set above makes each answer happen once):
                # an answer given again after a refused one is sent too
                notices.TICKET_ANSWER, f"ticket:{ticket_id}:{uuid.uuid4().hex[:12]}",
                ticket.asker_person_id,
                ticket.asker_tg, {"ticket_id": ticket_id}, asker.language if asker else "vi")])
    answered = await repo.ticket_by_id(db.reader, ticket_id)
    assert answered is not None
    return answered


async def settle_answer(tx: aiosqlite.Connection, row: OutboxRow, status: str) -> None:
    """The outcome of an answer's delivery, in the outbox's transaction: accepted by Telegram,
    the ticket closes; refused (blocked, bad request, given up), the answer is withdrawn, the
    ticket is open again and the officer is told where they answered."""
    ticket_id = int(row.payload["ticket_id"])
    if status == "sent":
        if await repo.mark_delivered(tx, ticket_id):
            await audit(tx, actor="outbox", action="ticket.delivered",
                        subject=f"ticket:{ticket_id}")
        return
    ticket = await repo.ticket_by_id(tx, ticket_id)
    if ticket is None or ticket.answered_by is None or not await repo.withdraw_answer(tx,
                                                                                      ticket_id):
        return
    await audit(tx, actor="outbox", action="ticket.undelivered", subject=f"ticket:{ticket_id}",
                outcome=status)
    by = ticket.answered_by.removeprefix("tg:")
    chat = ticket.group_chat or (int(by) if by.isascii() and by.isdigit() else None)
    if chat is not None:
        await enqueue(tx, [notices.to_person_or_chat(
            notices.TICKET_UNDELIVERED, f"ticket_undelivered:{ticket_id}:{row.id}", None, chat,
            {"ticket_id": ticket_id, "outcome": status})])


@dataclass(frozen=True, slots=True)
class Asker:
    """Who asked, as staff may see it: role, level and school, never the name or phone."""

    role: Role
    is_core: bool
    level: Level | None
    school: str | None


async def ticket_by_id(db: Database, ticket_id: int) -> Ticket | None:
    return await repo.ticket_by_id(db.reader, ticket_id)


async def ticket_replied_to(db: Database, chat_id: int, message_id: int) -> Ticket | None:
    """The ticket whose group message this is (a reply to it is the answer)."""
    return await repo.ticket_by_group_message(db.reader, chat_id, message_id)


async def asker_of(db: Database, ticket: Ticket) -> Asker | None:
    """None for a guest (or someone no longer in the roster)."""
    person = (await people_repo.person_by_id(db.reader, ticket.asker_person_id)
              if ticket.asker_person_id is not None else None)
    if person is None:
        return None
    profile = await people_repo.profile_of(db.reader, person)
    return Asker(person.role, person.is_core, person.level,
                 profile.school.name if profile.school else None)


async def unit_name(db: Database, unit_id: int) -> str:
    unit = await unit_by_id(db.reader, unit_id)
    return unit.name if unit else ""


async def rate(db: Database, ticket_id: int, asker_tg: int, rating: int) -> bool:
    """The asker rates the answer; False when the ticket is not their answered one."""
    async with db.transaction() as tx:
        rated = await repo.rate(tx, ticket_id, asker_tg, rating)
        if rated:
            await audit(tx, actor=f"tg:{asker_tg}", action="ticket.rate",
                        subject=f"ticket:{ticket_id}", rating=rating)
    return rated


async def register_group(db: Database, staff: Profile | None, chat_id: int, by: str) -> str:
    """This group receives the questions of the staff member's unit (their Phòng, else the
    Sở); returns the unit's name."""
    if staff is not None and staff.person.role is Role.PHONG_STAFF:
        unit_id = staff.unit.id
    else:
        unit_id = await so_unit_id(db)
    async with db.transaction() as tx:
        await repo.set_support_group(tx, unit_id, chat_id, by)
        await audit(tx, actor=by, action="support_group.set", subject=f"unit:{unit_id}")
    return await unit_name(db, unit_id)


async def pending_drafts(db: Database) -> list[Draft]:
    return await repo.drafts(db.reader, "pending")


async def tickets_for_staff(db: Database, staff: Profile | None,
                            is_admin: bool) -> list[Ticket]:
    if is_admin or (staff is not None and staff.person.role is Role.SO_STAFF):
        return await repo.open_tickets(db.reader, None)
    if staff is not None and staff.person.role is Role.PHONG_STAFF:
        return await repo.open_tickets(db.reader, [staff.unit.id])
    return []


async def propose_faq(db: Database, ticket_id: int, *, staff: Profile | None, is_admin: bool,
                      by: str) -> int:
    ticket = await _check_may_answer(db, ticket_id, staff, is_admin, by, "faq.propose")
    if ticket.status != "answered" or not ticket.answer:
        raise DomainError(N_("Question #{id} has no answer yet."), {"id": ticket_id})
    title = ticket.question if len(ticket.question) <= 60 else ticket.question[:59] + "…"
    async with db.transaction() as tx:
        draft_id = await repo.create_draft(tx, ticket_id=ticket_id, unit_id=ticket.unit_id,
                                           title=title, question=ticket.question,
                                           answer_text=ticket.answer, by=by)
        await audit(tx, actor=by, action="faq.propose", subject=f"faq:{draft_id}",
                    ticket=ticket_id)
    return draft_id


async def decide_faq(db: Database, draft_id: int, *, approve: bool, staff: Profile | None,
                     is_admin: bool, by: str) -> Draft:
    """Only a Sở officer (as the roster says now) or an admin decides what goes live."""
    current = await current_profile(db, staff.person.id if staff else None)
    if not is_admin and (current is None or current.person.role is not Role.SO_STAFF):
        await refuse(db, actor=by, action="faq.decide", subject=f"faq:{draft_id}",
                     reason="not_so_officer",
                     message=N_("Only a Sở officer can approve answers for the knowledge base."))
    async with db.transaction() as tx:
        if not await repo.decide_draft(tx, draft_id, approve, by):
            raise AlreadyDone(N_("This draft has already been decided."))
        await audit(tx, actor=by, action="faq.approve" if approve else "faq.reject",
                    subject=f"faq:{draft_id}")
    decided = next((d for d in await repo.drafts(db.reader, "approved" if approve
                                                 else "rejected") if d.id == draft_id), None)
    assert decided is not None
    return decided


async def faq_entry(db: Database, draft: Draft) -> Entry:
    """The knowledge-base entry an approved draft becomes; its source names the answering unit."""
    unit = await unit_by_id(db.reader, draft.unit_id) if draft.unit_id else None
    issuer = unit.name if unit else "Sở GD&ĐT"
    if unit is not None and unit.kind is UnitKind.PHONG:
        issuer = f"Phòng GD&ĐT {unit.name}" if not unit.name.lower().startswith("phòng") \
            else unit.name
    return Entry(
        id=f"faq_{draft.id}", topic=FAQ_TOPIC, title=draft.title,
        answer=draft.answer,  # the officer's message as Telegram HTML: already escaped
        questions=(draft.question, draft.title),
        sources=(Source("faq", f"hỏi đáp #{draft.ticket_id or draft.id}",
                        draft.proposed_at[:10], issuer),))


async def approved_faq_entries(db: Database) -> list[Entry]:
    return [await faq_entry(db, d) for d in await repo.drafts(db.reader, "approved")]


def publish_faq(engine: AnsweringEngine, topics: dict[str, str], entry: Entry) -> None:
    """An approved answer is live at once, under the staff answers' topic."""
    engine.add_entry(entry)
    topics.setdefault(FAQ_TOPIC, translator("vi")(FAQ_TOPIC_TITLE))


async def load_approved_faq(db: Database, engine: AnsweringEngine,
                            topics: dict[str, str]) -> None:
    """Approved drafts join the shipped knowledge base when the bot starts."""
    for entry in await approved_faq_entries(db):
        publish_faq(engine, topics, entry)
