"""Answering a question for a visitor: their role, level and province steer the engine, and
what it cannot answer is kept for the admins."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from html import escape

from bot.domain.campaign import Campaign
from bot.domain.deadlines import Deadline
from bot.domain.people import Person, Role
from bot.domain.provinces import same_province
from bot.i18n import Translator, translator
from bot.knowledge.engine import Answer, AnsweringEngine
from bot.knowledge.entries import PROVINCES, Entry
from bot.knowledge.letters import is_newer
from bot.knowledge.render import about_lms, render_answer
from bot.services.campaigns import current
from bot.services.deadline_answers import (
    asks_current_deadline,
    deadline_answer,
    matching,
    moved_notes,
    source_day,
    states_a_date,
)
from bot.storage import Database
from bot.storage import deadlines as deadline_repo
from bot.storage import letters as letters_repo
from bot.storage import questions as questions_repo
from bot.storage.questions import FrequentQuestion, record_unanswered

DEADLINE_ENTRY = "deadline_now"  # the id of an answer given from the deadlines the Sở has set


def engine_role(person: Person | None) -> str | None:
    """The knowledge base's audience tag for a person (gv, gv_cotcan, cbql, cbql_cotcan, ht…)."""
    if person is None:
        return None
    if person.role is Role.TEACHER:
        return "gv_cotcan" if person.is_core else "gv"
    if person.role is Role.PRINCIPAL:
        return "ht"
    if person.role is Role.VICE_PRINCIPAL:
        return "cbql_cotcan" if person.is_core else "cbql"
    return person.role.value  # phong, so


async def answer_question(db: Database, engine: AnsweringEngine, question: str, *,
                          person: Person | None, province: str | None,
                          today: dt.date | None = None, language: str = "vi",
                          record: bool = True, role: str | None = None) -> Answer:
    """The bot's answer, as every door gives it (Telegram, ``troly ask``).

    The engine ranks entries and the Sở's letters, the deployment's province first (another
    province's rule only when the question names it). A question naming a campaign task's
    deadline is answered with the date the Sở has set (``deadline_answers``), unless a loaded
    letter newer than the campaign file's source answers it; an answer stating a date the Sở
    has since moved says the current one first. ``role`` (an engine audience tag) stands in
    for ``person`` on the command line.
    """
    def engine_answer() -> Answer:
        return engine.answer(question, role=role or engine_role(person),
                             level=person.level.value if person and person.level else None,
                             province=province)

    asks = today is not None and asks_current_deadline(question, province, today)
    # with no letter loaded none is newer than a deadline the Sở set: the engine is asked only
    # when the deadlines do not answer
    found = engine_answer() if not asks or len(engine.letters) else None
    if today is not None and (found is None or asks or states_a_date(_stated(found))):
        _ = translator(language)
        campaign = await current(db)
        deadlines = await deadline_repo.all_deadlines(db.reader, active_only=True)
        asked = matching(deadlines, campaign, question) if asks else []
        if asked and (found is None or not _newer_letter_answers(found, asked, campaign)):
            letters = (await letters_repo.letter_metas(db.reader)
                       if any(d.letter_id is not None for d in asked) else {})
            return Answer("confident", Entry(
                DEADLINE_ENTRY, "deadlines", _("Deadlines set by the Sở"),
                deadline_answer(asked, campaign, today=today, _=_, letters=letters),
                (question,)), 1.0)
        found = found or engine_answer()
        notes = moved_notes(deadlines, campaign, _stated(found), today=today, _=_)
        if notes:
            found = replace(found, notes=tuple(notes))
    assert found is not None  # a deadline question without a date is not asked
    answer = found
    if record and answer.kind == "none" and sum(ch.isalpha() for ch in question) >= 3:
        async with db.transaction() as tx:  # not emoji alone
            await record_unanswered(tx, question, person.role.value if person else "guest")
    elif record and answer.quote is not None:
        async with db.transaction() as tx:
            await letters_repo.record_answer(tx, answer.quote.letter.id)
    return answer


def _newer_letter_answers(answer: Answer, asked: list[Deadline], campaign: Campaign) -> bool:
    """A quoted letter newer than the letters every asked deadline comes from: the Sở's newest
    word on it (a date the Sở set in the assistant is newer still)."""
    if answer.quote is None:
        return False
    day = answer.quote.letter.meta.day
    sources = [source_day(d, campaign) for d in asked]
    return all(s is not None and is_newer(day, s) for s in sources)


def _stated(answer: Answer) -> str:
    """The text an answer states: the entry's or the quoted sentences."""
    if answer.quote is not None:
        return answer.quote.text
    return answer.entry.answer if answer.entry is not None and answer.kind != "none" else ""


def rendered(answer: Answer, _: Translator, province: str | None, *, hotline: str | None = None,
             question: str | None = None) -> str:
    """The answer as Telegram HTML; another province's rule says whose rule it is first. A
    "not found" names the deployment's ``hotline``, Viettel's only for a ``question`` about
    the LMS."""
    text = render_answer(answer, _, hotline=hotline,
                         lms=None if question is None else about_lms(question))
    entry = answer.entry
    if (answer.kind != "confident" or entry is None or entry.province is None
            or same_province(entry.province, province)):
        return text
    name = PROVINCES.get(entry.province, entry.province)
    return "<i>" + escape(_("This is the rule of {province}, not of your province:").format(
        province=name) if province else _("This is the rule of {province}:").format(
        province=name)) + "</i>\n" + text


def entry_answer(engine: AnsweringEngine, entry: Entry, province: str | None = None) -> Answer:
    """An entry chosen by a button: shown as a confident answer with its related entries, a
    rule for all without another province's lines than the deployment's (``engine.local``)."""
    related = tuple(e for rid in entry.related if (found := engine.entry(rid)) is not None
                    and (e := engine.local(found, province)) is not None)
    return Answer(kind="confident", entry=engine.local(entry, province) or entry,
                  confidence=1.0, candidates=related[:3])


async def most_frequent_unanswered(db: Database, engine: AnsweringEngine, *,
                                   province: str | None = None,
                                   limit: int = 10) -> list[FrequentQuestion]:
    """The questions still unanswered, most asked first: one that an entry (an FAQ the Sở
    approved since, most often) now answers with confidence is no longer listed."""
    frequent = await questions_repo.most_frequent_unanswered(db.reader, limit=limit * 5)
    still = [q for q in frequent
             if engine.answer(q.text, province=province).kind != "confident"]
    return still[:limit]
