"""Answering a question for a visitor: their role, level and province steer the engine, and
what it cannot answer is kept for the admins."""

from __future__ import annotations

import datetime as dt
from html import escape

from bot.domain.people import Person, Role
from bot.domain.provinces import region, same_province
from bot.i18n import Translator, translator
from bot.knowledge.engine import Answer, AnsweringEngine
from bot.knowledge.entries import PROVINCES, Entry
from bot.knowledge.normalize import find_provinces, words
from bot.knowledge.render import render_answer
from bot.services.campaigns import current
from bot.services.deadline_answers import deadline_answer
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
                          person: Person | None, province: str | None,
                          today: dt.date | None = None, language: str = "vi",
                          record: bool = True, role: str | None = None) -> Answer:
    """The bot's answer, as every door gives it (Telegram, ``troly ask``).

    A question about a current deadline is answered from the deadlines the Sở has set
    (``deadline_answers``); the rest by the knowledge base, the deployment's province first.
    Another province's rule is given only when the question names that province. ``role``
    (an engine audience tag) stands in for ``person`` on the command line.
    """
    if today is not None:
        live = await deadline_answer(db, await current(db), question, today=today,
                                     province=province, _=translator(language))
        if live is not None:
            return Answer("confident", Entry("deadline_now", "deadlines",
                                             translator(language)("Deadlines set by the Sở"),
                                             live, (question,)), 1.0)
    answer = engine.answer(question, role=role or engine_role(person),
                           level=person.level.value if person and person.level else None,
                           province=province)
    answer = _own_province_only(answer, question, province)
    if (record and answer.kind == "none"
            and sum(ch.isalpha() for ch in question) >= 3):  # not emoji alone
        async with db.transaction() as tx:
            await record_unanswered(tx, question, person.role.value if person else "guest")
    return answer


def _own_province_only(answer: Answer, question: str, province: str | None) -> Answer:
    """An answer stating another province's rule, for a question that does not name it, is
    offered as a suggestion (its title names the province) instead of stated as the rule."""
    entry = answer.entry
    if (province is None or entry is None or entry.province is None
            or same_province(entry.province, province) or answer.kind != "confident"):
        return answer
    named, _positions = find_provinces(words(question))
    if region(entry.province) in named:
        return answer
    return Answer("unsure", None, min(answer.confidence, 0.45), (entry, *answer.candidates[:2]))


def rendered(answer: Answer, _: Translator, province: str | None) -> str:
    """The answer as Telegram HTML; another province's rule says whose rule it is first."""
    text = render_answer(answer, _)
    entry = answer.entry
    if (answer.kind != "confident" or entry is None or entry.province is None
            or same_province(entry.province, province)):
        return text
    name = PROVINCES.get(entry.province, entry.province)
    return "<i>" + escape(_("This is the rule of {province}, not of your province:").format(
        province=name) if province else _("This is the rule of {province}:").format(
        province=name)) + "</i>\n" + text


def entry_answer(engine: AnsweringEngine, entry: Entry) -> Answer:
    """An entry chosen by a button: shown as a confident answer with its related entries."""
    related = tuple(e for rid in entry.related if (e := engine.entry(rid)) is not None)
    return Answer(kind="confident", entry=entry, confidence=1.0, candidates=related[:3])


async def most_frequent_unanswered(db: Database) -> list[FrequentQuestion]:
    return await questions_repo.most_frequent_unanswered(db.reader)
