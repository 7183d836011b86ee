"""Answering a question for a visitor: their role, level and province steer the engine, and
what it cannot answer is kept for the admins."""

from __future__ import annotations

from bot.domain.people import Person, Role
from bot.knowledge.engine import Answer, AnsweringEngine
from bot.knowledge.entries import Entry
from bot.storage import Database
from bot.storage import questions as questions_repo
from bot.storage.questions import FrequentQuestion, record_unanswered


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
                          person: Person | None, province: str | None) -> Answer:
    answer = engine.answer(question, role=engine_role(person),
                           level=person.level.value if person and person.level else None,
                           province=province)
    if answer.kind == "none" and sum(ch.isalpha() for ch in question) >= 3:  # not emoji alone
        async with db.transaction() as tx:
            await record_unanswered(tx, question, person.role.value if person else "guest")
    return answer


def entry_answer(engine: AnsweringEngine, entry: Entry) -> Answer:
    """An entry chosen by a button: shown as a confident answer with its related entries."""
    related = tuple(e for rid in entry.related if (e := engine.entry(rid)) is not None)
    return Answer(kind="confident", entry=entry, confidence=1.0, candidates=related[:3])


async def most_frequent_unanswered(db: Database) -> list[FrequentQuestion]:
    return await questions_repo.most_frequent_unanswered(db.reader)
