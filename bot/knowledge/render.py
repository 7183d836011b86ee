"""Turns an engine ``Answer`` into the Telegram HTML message a teacher reads.

Every user-facing string goes through the ``gettext`` the caller passes (English message ids,
Vietnamese catalog), so the engine stays free of Telegram and of any language.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.i18n import N_
from bot.knowledge.citation import cite_letter
from bot.knowledge.counted_from import AFTER, BEFORE, WEEK
from bot.knowledge.day_spans import DaySpan
from bot.knowledge.engine import LEAD_AT, Answer, Ranking
from bot.knowledge.entries import Entry
from bot.knowledge.figures import Worked
from bot.knowledge.letter_index import Quote
from bot.knowledge.letters import date_key
from bot.knowledge.listed import Listed
from bot.knowledge.per_head import PerHead
from bot.knowledge.row_overlap import Overlap
from bot.knowledge.spelled_out import spelled_out
from bot.telegram_text import escape as _esc
from bot.telegram_text import visible_text
from bot.textnorm import fold

Gettext = Callable[[str], str]

HOTLINE = "18008000"
TELEGRAM_LIMIT = 4096
# An entry with the letter's sentences on the detail asked stays readable on a phone: past this
# many visible characters the entry is given alone (its source is still cited).
WITH_QUOTE_LIMIT = 1200
# A message answering several asks ("học ở đâu, ai được miễn, …") likewise: past this many
# visible characters the next ask's answer is left out rather than make a wall of text (room
# is left for a line saying whose rule it is and for notes, added around it).
WITH_ASKS_LIMIT = 1400
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
    return "" if answer.entry is None else _entry_source(answer.entry, gettext)


def _entry_source(entry: Entry, gettext: Gettext) -> str:
    if not entry.sources:
        return ""
    captions = "; ".join(dict.fromkeys(_esc(s.caption()) for s in entry.sources))
    label = _esc(gettext("Source"))
    return f"<i>{label}: {captions}</i>"


def _quote_lines(answer: Answer, gettext: Gettext, quote: Quote | None = None) -> str:
    """The letter's own sentences in quotation marks, then which letter and section they are
    (the answer's quote, or ``quote``: the contact asked beside it)."""
    quote = quote or answer.quote
    assert quote is not None
    citation = cite_letter(quote.letter.meta_of(quote.passage), quote.passage.section, gettext)
    lines = f"📄 «{_esc(quote.text)}»\n<i>{_esc(citation)}</i>"
    if quote.days:  # "Ngày thứ ba" of a timetable several classes follow: the asker's date
        lines += "\n" + "\n".join(_esc(gettext(
            "{unit} starts on {start}, so its {day} is {date}.").format(
                unit=d.unit, start=d.start, day=d.day, date=d.on)) for d in quote.days)
    for c in quote.counted:  # "trong vòng 10 ngày kể từ ngày học": the asker's day, counted
        said = _COUNTED_WAYS[c.way]
        lines += "\n🧮 " + _esc(gettext(said).format(days=c.days, start=c.start, date=c.on))
    if quote.older is not None:  # the letter it amends, where the newer one is silent
        lines += "\n\n" + _esc(gettext("The earlier letter, which still applies where the "
                                         "newer one does not change it:"))
        lines += "\n" + _quote_lines(answer, gettext, quote.older)
    return lines


# how a count from the asker's day is said (``counted_from``)
_COUNTED_WAYS = {
    AFTER: N_("Counted from the letter: {days} days from {start} is {date}."),
    BEFORE: N_("Counted from the letter: {days} days before {start} is {date}."),
    WEEK: N_("Counted from the letter: the same weekday of the next week after {start} is "
             "{date}."),
}


def _earlier_line(answer: Answer, gettext: Gettext) -> str:
    """What the older rule a newer letter replaced still adds, labelled with its year."""
    if answer.earlier is None or not answer.earlier_text or not answer.earlier.sources:
        return ""
    source = max(answer.earlier.sources, key=lambda s: date_key(s.date))
    label = gettext("Earlier rule ({issuer}, {year}):").format(
        issuer=source.issuer, year=date_key(source.date)[0])
    return f"<i>{_esc(label)}</i> {_esc(answer.earlier_text)}"


# What a figure counts, by the role code ``figures`` reads from the text
_COUNTED = {"GV": N_("teachers"), "CBQL": N_("school managers"), "NV": N_("staff"),
            "": N_("people")}
_ONE_OF = {"GV": N_("teacher"), "CBQL": N_("school manager"), "NV": N_("staff member")}


def _worked_line(worked: Worked, gettext: Gettext) -> str:
    """The sum or difference worked out, each figure with the group it counts, so that the
    teacher can check it against the text that follows ("11 (TH) + 19 (THCS) + 10 (THPT) =
    40 cán bộ quản lý")."""
    if worked.extreme:
        return _extreme_line(worked, gettext)
    shown = []
    for figure, level, role, listed in worked.parts:
        part = f"{figure} {gettext(_COUNTED[role])}" if role else str(figure)
        label = level or listed
        shown.append(f"{part} ({label})" if label else part)
    if worked.share is not None:
        return _share_line(worked, gettext)
    if worked.quotient is not None:
        return _ratio_line(worked, shown, gettext)
    sign = " − " if worked.difference else " + "
    of_lists = any(p[3] for p in worked.parts)  # a count of listed things: the question's noun
    counted = worked.noun if of_lists else gettext(_COUNTED[worked.counted])
    line = gettext("Worked out from the letter's figures: {working} = {result} {counted}").format(
        working=sign.join(shown), result=worked.result, counted=counted)
    return f"🧮 {_esc(line.rstrip())}."


def _tenths(value: float, gettext: Gettext) -> str:
    """A figure to two decimals at most, as the language writes a decimal ("1,25")."""
    units, _, tenth = f"{value:.2f}".rstrip("0").partition(".")
    return gettext("{units}.{tenth}").format(units=units, tenth=tenth) if tenth else units


def _share_line(worked: Worked, gettext: Gettext) -> str:
    """A group's share of the whole, both figures shown ("19 cán bộ quản lý (THCS) : 40
    (tổng số) ≈ 47,5 %")."""
    (part, level, role, _), (whole, _, whole_role, _) = worked.parts
    said = f"{part} {gettext(_COUNTED[role])}" if role else str(part)
    of = f"{whole} {gettext(_COUNTED[whole_role])}" if whole_role and whole_role != role \
        else str(whole)
    line = gettext("Worked out from the letter's figures: {part} : {whole} ({total}) ≈ "
                   "{result} %").format(part=f"{said} ({level})" if level else said,
                                        whole=of, total=gettext("the total"),
                                        result=_tenths(worked.share or 0.0, gettext))
    return f"🧮 {_esc(line)}."


def _ratio_line(worked: Worked, shown: list[str], gettext: Gettext) -> str:
    """How many times the first figure is the second, to three significant figures, both
    figures shown ("205 (THPT) : 164 (TH) ≈ 1,25 lần"); for an average, how many of the first
    group each one of the second has ("≈ 15,9 giáo viên trên một cán bộ quản lý")."""
    said = _tenths(worked.quotient or 0.0, gettext)
    if worked.per:
        line = gettext("Worked out from the letter's figures: {working} ≈ {result} {counted} "
                       "per {per}").format(working=" : ".join(shown), result=said,
                                           counted=gettext(_COUNTED[worked.parts[0][2]]),
                                           per=gettext(_ONE_OF[worked.per]))
    else:
        line = gettext("Worked out from the letter's figures: {working} ≈ {result} times"
                       ).format(working=" : ".join(shown), result=said)
    return f"🧮 {_esc(line)}."


def _priced_line(priced: PerHead, gettext: Gettext) -> str:
    """The price per person times the asker's count ("450.000 đồng × 2 người = 900.000
    đồng"), per month up to the letter's cap, or per session up to it ("100.000 đồng × 3 buổi
    (tối đa 3 buổi …)"), for the reader to check against the letter's sentence that follows."""
    if priced.noun:
        if priced.told:  # "tối đa 03 buổi": of the asker's four, three are paid
            line = gettext("Worked out from the letter's figures: {price} {unit} × {count} "
                           "{noun} (at most {count} {noun} are paid, of the {told} told) = "
                           "{total} {unit}")
        else:
            line = gettext("Worked out from the letter's figures: {price} {unit} × {count} "
                           "{noun} = {total} {unit}")
    elif priced.capped:
        line = gettext("Worked out from the letter's figures: {price} {unit} × {count} people × "
                       "{months} months (the most the letter pays for) = {total} {unit}")
    elif priced.months:
        line = gettext("Worked out from the letter's figures: {price} {unit} × {count} people × "
                       "{months} months = {total} {unit}")
    else:
        line = gettext("Worked out from the letter's figures: {price} {unit} × {count} people = "
                       "{total} {unit}")
    line = line.format(price=priced.price, unit=priced.unit, count=priced.count,
                       noun=gettext(priced.noun) if priced.noun else "", told=priced.told,
                       months=priced.months,
                       total=priced.total_shown)
    return f"🧮 {_esc(line)}."


def _extreme_line(worked: Worked, gettext: Gettext) -> str:
    """The level holding the fewest or the most, then every level's figure to check it by
    ("Ít nhất: GDTX, 4 cán bộ quản lý (TH 617; THCS 314; THPT 162; GDTX 4)")."""
    said = gettext("Fewest, from the letter's figures: {levels}, {result} {counted} ({all})") \
        if worked.extreme == "least" else \
        gettext("Most, from the letter's figures: {levels}, {result} {counted} ({all})")
    line = said.format(levels=", ".join(worked.levels), result=worked.result,
                       counted=gettext(_COUNTED[worked.counted]),
                       all="; ".join(f"{level} {figure}" for figure, level, _, _ in worked.parts))
    return f"🧮 {_esc(line)}."


def _overlap_lines(found: Overlap, gettext: Gettext) -> str:
    """The two rows asked of together, each with its days, whether they overlap, and the
    letter's own rule on overlapping days."""
    said = gettext("From the letter's table: {first} is on {first_days}, {second} on "
                   "{second_days}; they overlap") if found.shared else \
        gettext("From the letter's table: {first} is on {first_days}, {second} on "
                "{second_days}; they do not overlap")
    told = said.format(first=found.first, first_days=found.first_days, second=found.second,
                       second_days=found.second_days)
    line = f"🧮 {_esc(told)}."
    return f"{line}\n📄 «{_esc(found.rule)}»" if found.rule else line


def _days_line(span: DaySpan, gettext: Gettext) -> str:
    """The days between two dates, each shown, for the teacher to check on a calendar."""
    said = gettext("Counted from the letter: from {start} (the letter's date) to {end} is "
                   "{days} days") if span.issued else \
        gettext("Counted from the letter: from {start} to {end} is {days} days")
    return f"🧮 {_esc(said.format(start=span.start, end=span.end, days=span.days))}."


def _listed_line(found: Listed, gettext: Gettext) -> str:
    """The numbered things counted ("Mô đun 1, 2, 3, 4, 5, 9: 6 mô đun"), or the ones a list
    has that another lacks, with both lists to check them by."""
    def numbers(items: tuple[int, ...]) -> str:
        return f"{found.noun} " + ", ".join(str(n) for n in items)
    if not found.only:
        said = gettext("Counted in the letter: {items}, that is {count} {noun}").format(
            items=numbers(found.items), count=len(found.items), noun=found.noun.lower())
    else:
        said = gettext("From the letter: {label}: {items}; {other}: {other_items}; so only "
                       "in the first: {only}").format(
            label=found.label, items=numbers(found.items), other=found.other,
            other_items=numbers(found.other_items), only=numbers(found.only))
    return f"🧮 {_esc(said)}."


def _hotline(gettext: Gettext) -> str:
    return _esc(gettext("{phone}, branch 2 (Viettel, free of charge).").format(phone=HOTLINE))


# Words of a question about the LMS or TEMIS themselves (an account, a login, an error page):
# only those go to Viettel's LMS hotline; anything else to the Sở's own line.
_LMS_WORDS = ("lms", "temis", "viettel", "tai khoan", "mat khau", "dang nhap", "he thong",
              "otp", "loi trang", "khong vao duoc")


def about_lms(question: str) -> bool:
    text = f" {fold(question)} "
    return any(f" {word} " in text for word in _LMS_WORDS)


def _call_line(gettext: Gettext, hotline: str | None, lms: bool | None) -> str:
    """Whom to call: Viettel's LMS hotline for an LMS question (or when the question is not
    known), else the deployment's own support line, else nobody (the hand-off remains)."""
    if lms is None or lms:
        return _esc(gettext("You can contact the hotline:")) + " " + _hotline(gettext)
    if hotline:
        return _esc(gettext("You can call the support line of the Sở: {phone}.").format(
            phone=hotline))
    return ""


def render_answer(answer: Answer, gettext: Gettext, *, contacts_html: str | None = None,
                  hotline: str | None = None, lms: bool | None = None) -> str:
    """Telegram HTML for an answer: the entry with its source, a "did you mean", or an honest no.

    ``contacts_html`` (already HTML) is added to the "not found" message, e.g. the asker's
    Phòng or Sở contact, so the teacher knows whom to ask instead. ``hotline`` is the
    deployment's support line; ``lms`` whether the question is about the LMS (``about_lms``).
    """
    if answer.kind == "confident" and answer.entry is not None:
        parts = [spelled_out(answer.entry.answer), _source_line(answer, gettext)]
        if answer.quote is not None:  # the letter's own sentences on what the entry leaves out
            quoted = _quote_lines(answer, gettext)
            if len(visible_text("\n\n".join((*parts, quoted)))) <= WITH_QUOTE_LIMIT:
                parts.append(quoted)
    elif answer.kind == "quoted" and answer.quote is not None:
        parts = [_quote_lines(answer, gettext), _earlier_line(answer, gettext)]
    elif answer.kind == "unsure" and answer.entry is not None and answer.lead >= LEAD_AT:
        parts = [
            _esc(gettext("I think you are asking about: {title}").format(
                title=answer.entry.title)),
            spelled_out(answer.entry.answer),
            _source_line(answer, gettext),
            _esc(gettext("Not what you asked? Choose another topic below, or ask again in "
                         "more detail.")),
        ]
    elif answer.kind == "unsure" and answer.candidates:
        lines = [f"• {_esc(c.title)}" for c in answer.candidates]
        parts = [
            _esc(gettext("Did you mean one of these?")),
            "\n".join(lines),
            _esc(gettext("Please ask again in more detail, or choose one of the topics above.")),
            _call_line(gettext, hotline, lms),
            # titles sharing some words may all be beside the point: the person who asked
            # something none of them covers is offered the hand-off, as the bot's button does
            _esc(gettext("I can also pass your question to a staff member.")),
        ]
    else:
        parts = []
    if parts:  # whom to contact, or another ask's answer, while the message reads on a phone
        forms = [_also_forms(answer, found, gettext) for found in answer.also]
        for n, extras in enumerate(forms):
            # the longest form that leaves room for the shortest of each one after it: every
            # ask's answer is shown before any shows its notes
            later = [f[-1] for f in forms[n + 1:]]
            extra = next((e for e in extras if _fits((*parts, e, *later))), None) or next(
                (e for e in extras if _fits((*parts, e))), None)
            if extra is not None:
                parts.append(extra)
    if not parts:
        parts = [
            _esc(gettext("Sorry, I could not find this in the training documents.")),
            _call_line(gettext, hotline, lms),
            _esc(gettext("I can also pass your question to a staff member.")),
        ]
        if contacts_html:
            parts.append(contacts_html)
    if answer.worked is not None and parts and answer.kind != "none" and (
            answer.kind != "unsure" or answer.lead >= LEAD_AT):  # after "I think you ask…"
        parts.insert(answer.kind == "unsure", _worked_line(answer.worked, gettext))
    if answer.listed is not None and parts and answer.kind != "none" and (
            answer.kind != "unsure" or answer.lead >= LEAD_AT):
        parts.insert(answer.kind == "unsure", _listed_line(answer.listed, gettext))
    if answer.days is not None and parts and answer.kind != "none" and (
            answer.kind != "unsure" or answer.lead >= LEAD_AT):
        parts.insert(answer.kind == "unsure", _days_line(answer.days, gettext))
    if answer.priced is not None and parts and answer.kind in ("quoted", "confident"):
        parts.insert(0, _priced_line(answer.priced, gettext))
    if answer.overlap is not None and parts and answer.kind == "quoted":
        parts.insert(0, _overlap_lines(answer.overlap, gettext))
    if answer.notes:
        parts.insert(0, "\n".join(f"⚠️ <b>{_esc(n)}</b>" for n in answer.notes))
    text = _BLANK_LINES.sub("\n\n", "\n\n".join(p for p in parts if p)).strip()
    return text if len(text) <= TELEGRAM_LIMIT else _fit(text)


def _also_forms(answer: Answer, found: Quote | Entry, gettext: Gettext) -> list[str]:
    """How another ask's answer can be shown, longest first: an entry whole, else its first
    paragraph (the rule, without the notes after it); a passage as quoted."""
    if isinstance(found, Quote):
        return [_quote_lines(answer, gettext, found)]
    whole = spelled_out(found.answer)
    return [f"{text}\n\n{_entry_source(found, gettext)}" for text in
            dict.fromkeys((whole, whole.split("\n\n", 1)[0]))]


def _fits(parts: tuple[str, ...]) -> bool:
    return len(visible_text("\n\n".join(parts))) <= WITH_ASKS_LIMIT


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
