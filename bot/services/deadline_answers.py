"""Questions about a current deadline, answered from the deadlines the Sở has set.

The letters give last cycle's dates (28/02/2022, 30/3/2021…); what a teacher needs is the next
date the Sở has set, which /hanchot and `troly deadlines edit` may have moved. So a question
such as "hạn duyệt kế hoạch cốt cán là ngày nào" is answered from the deadlines table: the next
occurrence with its weekday, and the letter it comes from; the letter's own date only as
history (docs/campaign.md, "Hạn chót"). A question naming a past year or another province is
about the letters, and is left to the knowledge base.
"""

from __future__ import annotations

import datetime as dt
import re
from html import escape

from bot.domain.campaign import Campaign
from bot.domain.deadlines import Deadline
from bot.i18n import Translator
from bot.knowledge.normalize import find_provinces, words
from bot.storage import Database
from bot.storage import deadlines as deadline_repo
from bot.textnorm import fold

_ABOUT_A_DEADLINE = re.compile(r"\b(han|deadline|cham nhat|thoi han)\b")
_WHEN = re.compile(r"\b(ngay nao|khi nao|bao gio|luc nao|ngay may|ngay bao nhieu|thang may|"
                   r"truoc ngay|la ngay|han chot|han cuoi|deadline)\b")
_YEAR = re.compile(r"\b(20\d\d)\b")
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


def _content(text: str) -> set[str]:
    return {w for w in fold(text).replace(",", " ").split() if w not in _FILLER and len(w) > 1}


def matching(deadlines: list[Deadline], campaign: Campaign, question: str) -> list[Deadline]:
    """The deadlines the question names by their title or tasks; all of them when it names none;
    none when it names something no deadline is about (the knowledge base may know it)."""
    asked = _content(question)
    if not asked:
        return deadlines
    scored = []
    for d in deadlines:
        about = " ".join([d.title, *(f"{t.label} {t.header}" for t in campaign.tasks_of(d.tasks))])
        scored.append((len(asked & _content(about)), d))
    best = max((n for n, _d in scored), default=0)
    return [d for n, d in scored if n == best] if best else []


def _source(deadline: Deadline, campaign: Campaign, _: Translator) -> str:
    key = (deadline.campaign_key or "").partition("/")
    spec = next((s for s in campaign.deadlines if key[0] == campaign.key and s.key == key[2]),
                None)
    if spec is None:
        return _("set by the Sở in the assistant")
    cited = campaign.cite(spec.source, _)
    if (spec.day, spec.month, spec.year) != (deadline.day, deadline.month, deadline.year):
        written = f"{spec.day:02d}/{spec.month:02d}" + (f"/{spec.year}" if spec.year else "")
        return _("{source}; the Sở has since moved it (the file said {date})").format(
            source=cited, date=written)
    return cited


async def deadline_answer(db: Database, campaign: Campaign, question: str, *, today: dt.date,
                          province: str | None, _: Translator) -> str | None:
    """Telegram HTML answering a current-deadline question, or None to let the engine answer."""
    if not asks_current_deadline(question, province, today):
        return None
    found = matching(await deadline_repo.all_deadlines(db.reader, active_only=True), campaign,
                     question)
    if not found:
        return None
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
            source=escape(_source(d, campaign, _))) + "</i>")
    lines.append(_("Type /tiendo to see what you still have to finish."))
    return "\n".join(lines)
