"""Turns an engine ``Answer`` into the Telegram HTML message a teacher reads.

Every user-facing string goes through the ``gettext`` the caller passes (English message ids,
Vietnamese catalog), so the engine stays free of Telegram and of any language.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.knowledge.citation import cite_letter
from bot.knowledge.engine import LEAD_AT, Answer, Ranking
from bot.telegram_text import escape as _esc
from bot.telegram_text import visible_text

Gettext = Callable[[str], str]

HOTLINE = "18008000"
TELEGRAM_LIMIT = 4096
_BLANK_LINES = re.compile(r"\n{3,}")


def _fit(text: str) -> str:
    """Shorten an over-long message to Telegram's limit as plain (escaped) text."""
    plain = plain_text(text)
    cut = TELEGRAM_LIMIT - 1
    while True:
        out = _esc(plain[:cut]).rstrip() + "…"
        if len(out) <= TELEGRAM_LIMIT:
            return out
        cut -= len(out) - TELEGRAM_LIMIT


def _source_line(answer: Answer, gettext: Gettext) -> str:
    if answer.entry is None or not answer.entry.sources:
        return ""
    captions = "; ".join(dict.fromkeys(_esc(s.caption()) for s in answer.entry.sources))
    label = _esc(gettext("Source"))
    return f"<i>{label}: {captions}</i>"


def _quote_lines(answer: Answer, gettext: Gettext) -> str:
    """The letter's own sentences in quotation marks, then which letter and section they are."""
    assert answer.quote is not None
    quote = answer.quote
    citation = cite_letter(quote.letter.meta_of(quote.passage), quote.passage.section, gettext)
    return f"📄 «{_esc(quote.text)}»\n<i>{_esc(citation)}</i>"


def _hotline(gettext: Gettext) -> str:
    return _esc(gettext("{phone}, branch 2 (Viettel, free of charge).").format(phone=HOTLINE))


def render_answer(answer: Answer, gettext: Gettext, *, contacts_html: str | None = None) -> str:
    """Telegram HTML for an answer: the entry with its source, a "did you mean", or an honest no.

    ``contacts_html`` (already HTML) is added to the "not found" message, e.g. the asker's
    Phòng or Sở contact, so the teacher knows whom to ask instead.
    """
    if answer.kind == "confident" and answer.entry is not None:
        parts = [answer.entry.answer, _source_line(answer, gettext)]
    elif answer.kind == "quoted" and answer.quote is not None:
        parts = [_quote_lines(answer, gettext)]
    elif answer.kind == "unsure" and answer.entry is not None and answer.lead >= LEAD_AT:
        parts = [
            _esc(gettext("I think you are asking about: {title}").format(
                title=answer.entry.title)),
            answer.entry.answer,
            _source_line(answer, gettext),
            _esc(gettext("Not what you asked? Choose another topic below, or ask again in "
                         "more detail.")),
        ]
    elif answer.kind == "unsure" and answer.candidates:
        lines = [f"• {_esc(c.title)}" for c in answer.candidates]
        parts = [
            _esc(gettext("Did you mean one of these?")),
            "\n".join(lines),
            _esc(
                gettext(
                    "Please ask again in more detail, or choose one of the topics above. "
                    "If none fits, you can contact the hotline:"
                )
            )
            + " "
            + _hotline(gettext),
        ]
    else:
        parts = [
            _esc(gettext("Sorry, I could not find this in the training documents.")),
            _esc(gettext("You can contact the hotline:")) + " " + _hotline(gettext),
            _esc(gettext("I can also pass your question to a staff member.")),
        ]
        if contacts_html:
            parts.append(contacts_html)
    if answer.notes:
        parts.insert(0, "\n".join(f"⚠️ <b>{_esc(n)}</b>" for n in answer.notes))
    text = _BLANK_LINES.sub("\n\n", "\n\n".join(p for p in parts if p)).strip()
    return text if len(text) <= TELEGRAM_LIMIT else _fit(text)


def plain_text(message_html: str) -> str:
    """The message without tags and entities, for the command line and the evaluation."""
    return visible_text(message_html)


def why_lines(ranking: Ranking, gettext: Gettext, *, extra_reason: str = "") -> list[str]:
    """``troly ask --why``: the five best contenders, entries and passages on one scale, each
    with its letter's number and date, then why the answer won (plain text)."""
    lines = [gettext("Candidates (score: share of the question's content covered):")]
    for n, c in enumerate(ranking.contenders, start=1):
        if c.quote is not None:
            where = cite_letter(c.quote.letter.meta, c.quote.passage.section, gettext)
            said = " ".join(c.quote.text.split())
            said = said if len(said) <= 90 else said[:89] + "…"
            lines.append(f"{n}. {c.score:.2f} · {where} · «{said}»")
        elif c.entry is not None:
            sources = "; ".join(dict.fromkeys(s.caption() for s in c.entry.sources))
            lines.append(f"{n}. {c.score:.2f} · " + gettext("entry {id}: {title}").format(
                id=c.entry.id, title=c.entry.title) + f" · {sources}")
    params = {k: gettext(v) if k == "kind" else v for k, v in ranking.why_params.items()}
    reason = extra_reason or gettext(ranking.why).format(**params)
    lines.append(gettext("Why: {reason}").format(reason=reason))
    return lines
