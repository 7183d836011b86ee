"""Questions about a current deadline, answered from the deadlines the Sở has set.

The letters give last cycle's dates (28/02/2022, 30/3/2021…); what a teacher needs is the next
date the Sở has set, which /hanchot and `troly deadlines edit` may have moved. So a question
such as "hạn duyệt kế hoạch cốt cán là ngày nào" is answered from the deadlines table: the next
occurrence with its weekday, and the letter it comes from; the letter's own date only as
history (docs/campaign.md, "Hạn chót"). Only a question naming a campaign task is answered so;
one naming a past year or another province, or a task no deadline is about, is left to the
engine, and a loaded letter newer than the campaign file's source that covers it answers
before an unchanged campaign date.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from html import escape

from bot.domain.campaign import Campaign, DeadlineSpec
from bot.domain.deadlines import Deadline
from bot.i18n import Translator
from bot.knowledge.citation import letter_reference
from bot.knowledge.letters import LetterMeta, date_key
from bot.knowledge.normalize import find_provinces, fold_word, words
from bot.textnorm import fold

_ABOUT_A_DEADLINE = re.compile(r"\b(han|deadline|cham nhat|thoi han)\b")
_WHEN = re.compile(r"\b(ngay nao|khi nao|bao gio|luc nao|ngay may|ngay bao nhieu|thang may|"
                   r"truoc ngay|la ngay|han chot|han cuoi|deadline)\b")
_YEAR = re.compile(r"\b(20\d\d)\b")
_NAMED_SHARE = 0.5  # share of the question's words a task's name must hold to be asked about
# Words every deadline question has, which say nothing about which deadline is meant.
_FILLER = set(fold(
    "hạn chót cuối deadline thời chậm nhất là ngày nào khi bao giờ lúc mấy năm nay tới này "
    "của cho phải xong trước vậy ạ thì có không tôi mình em thầy cô gì đến bao nhiêu tháng "
    "việc các những hoàn thành làm nộp").split())


def asks_current_deadline(question: str, province: str | None, today: dt.date) -> bool:
    """A question about when something is due now: not a past year, not another province."""
    text = fold(question)
    if not (_ABOUT_A_DEADLINE.search(text) and _WHEN.search(text)):
        return False
    if any(int(y) < today.year for y in _YEAR.findall(text)):
        return False
    named, _positions = find_provinces(words(question))
    return not named or named == {province}


@lru_cache(maxsize=1024)  # every deadline's name, read again for every question asking one
def _content(text: str) -> frozenset[str]:
    """The question's words that can name a task ("md1" read as "mô đun 1")."""
    return frozenset(
        w for w in map(fold_word, words(text.replace(",", " "), limit=None))
        if w not in _FILLER and (len(w) > 1 or w.isdigit()) and not _YEAR.fullmatch(w))


def _about(deadline: Deadline, campaign: Campaign) -> frozenset[str]:
    """The words that name a deadline: its title, its tasks' labels and column headers."""
    tasks = campaign.tasks_of(deadline.tasks)
    return _content(" ".join([deadline.title, *(f"{t.label} {t.header}" for t in tasks)]))


def matching(deadlines: list[Deadline], campaign: Campaign, question: str) -> list[Deadline]:
    """The deadlines whose tasks the question names; all of them when it names nothing at all
    ("hạn chót là ngày nào"); none when it is about something else ("lịch sử địa lí học trực
    tuyến đến ngày nào"), which a letter may answer. A question names a task when most of its
    words are the task's words: sharing "học" or "báo cáo" is not naming it."""
    asked = _content(question)
    if not asked:
        return deadlines
    scored = [(len(asked & _about(d, campaign)), d) for d in deadlines]
    best = max((n for n, _d in scored), default=0)
    if best < _NAMED_SHARE * len(asked):
        return []
    return [d for n, d in scored if n == best]


def _spec(deadline: Deadline, campaign: Campaign) -> DeadlineSpec | None:
    key = (deadline.campaign_key or "").partition("/")
    return next((s for s in campaign.deadlines if key[0] == campaign.key and s.key == key[2]),
                None)


def moved(deadline: Deadline, campaign: Campaign) -> DeadlineSpec | None:
    """The campaign file's deadline when the Sở has since moved it (/hanchot), else None."""
    spec = _spec(deadline, campaign)
    if spec is None or (spec.day, spec.month, spec.year) == \
            (deadline.day, deadline.month, deadline.year):
        return None
    return spec


def source_day(deadline: Deadline, campaign: Campaign) -> tuple[int, int, int] | None:
    """The date of the letter an unchanged campaign deadline comes from; None for a date the
    Sở set or moved in the assistant, which is its newest word."""
    spec = _spec(deadline, campaign)
    if spec is None or moved(deadline, campaign) is not None:
        return None
    letter = campaign.letter(spec.source.partition(": ")[0])
    return date_key(letter.date) if letter is not None else None


def moved_notes(deadlines: list[Deadline], campaign: Campaign, text: str, *, today: dt.date,
                _: Translator) -> list[str]:
    """For each deadline the Sở moved whose old date ``text`` states ("trước ngày 28/2/2022"),
    the current date, to say before that text."""
    notes = []
    for d in deadlines:
        spec = moved(d, campaign)
        date = d.occurrence(today)
        if spec is None or date is None:
            continue
        old = re.compile(rf"(?<![\d/])0?{spec.day}\s*/\s*0?{spec.month}(?!\d)")
        if old.search(text):
            notes.append(_("The Sở has moved this deadline: {date} ({title})").format(
                date=f"{date:%d/%m/%Y}", title=d.title))
    return notes


def _source(deadline: Deadline, campaign: Campaign, letters: dict[int, LetterMeta],
            _: Translator) -> str:
    if deadline.letter_id is not None:  # drafted from a letter the Sở loaded
        meta = letters.get(deadline.letter_id)
        if meta is None:
            return _("letter #{id}, since removed").format(id=deadline.letter_id)
        return letter_reference(meta, deadline.letter_section, _)
    spec = _spec(deadline, campaign)
    if spec is None:
        return _("set by the Sở in the assistant")
    cited = campaign.cite(spec.source, _)
    if (spec.day, spec.month, spec.year) != (deadline.day, deadline.month, deadline.year):
        written = f"{spec.day:02d}/{spec.month:02d}" + (f"/{spec.year}" if spec.year else "")
        return _("{source}; the Sở has since moved it (the file said {date})").format(
            source=cited, date=written)
    return cited


_DAY_MONTH = re.compile(r"(?<![\d/])\d{1,2}\s*/\s*\d{1,2}(?!\d)")


def states_a_date(text: str) -> bool:
    """Whether an answer gives a day and month: only then may it state a moved deadline."""
    return bool(_DAY_MONTH.search(text))


def deadline_answer(found: list[Deadline], campaign: Campaign, *, today: dt.date,
                    _: Translator, letters: dict[int, LetterMeta] | None = None) -> str:
    """Telegram HTML giving the current date of each deadline asked about; ``letters`` names
    the letters deadlines were drafted from."""
    lines = []
    for d in sorted(found, key=lambda d: d.occurrence(today) or dt.date.max):
        date = d.occurrence(today)
        title = escape(d.title)
        if date is None:
            past = dt.date(d.year or today.year, d.month, d.day)
            lines.append(_("⏰ <b>{title}</b>: this deadline has passed ({date}).").format(
                title=title, date=_.date(past, weekday=True)))
        else:
            days = (date - today).days
            lines.append(_("⏰ <b>{title}</b>: next deadline <b>{date}</b> ({days}).").format(
                title=title, date=_.date(date, weekday=True),
                days=_("today") if days == 0 else _("{n} day(s) left").format(n=days)))
        lines.append("<i>" + _("Source: {source}.").format(
            source=escape(_source(d, campaign, letters or {}, _))) + "</i>")
    lines.append(_("Type /tiendo to see what you still have to finish."))
    return "\n".join(lines)
