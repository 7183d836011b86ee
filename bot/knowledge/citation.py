"""How the bot names the letter it quotes: one function, so every answer cites the same way.

"Theo Công văn số 2468/SGDĐT-TCCB ngày 15/01/2027 của Sở GD&ĐT Đồng Nai, mục 2.a". The kind of
document is read from its number's code (KH: a plan, QĐ: a decision…); a letter that leaves
the number blank ("Số: /SGDĐT-GDTrH") is cited with "…" where the number would be, and a letter
read from a scan says so ("bản scan, đã nhận dạng chữ"): a teacher checks a critical date in
the original.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.i18n import N_
from bot.knowledge.letters import LetterMeta
from bot.textnorm import fold

Gettext = Callable[[str], str]

_KINDS = (  # code in the number -> the document's kind
    ("/KH", N_("Plan")),
    ("/QD", N_("Decision")),
    ("/TB", N_("Announcement")),
    ("/TTR", N_("Submission")),
    ("/HD", N_("Guidance")),
    ("/CT", N_("Directive")),
)


def document_kind(number: str) -> str:
    """The msgid of what a number names: a plan for ".../KH-...", else an official letter."""
    code = "/" + fold(number.partition("/")[2]).upper()
    return next((kind for prefix, kind in _KINDS if code.startswith(prefix)),
                N_("Official letter"))


def document_name(meta: LetterMeta, gettext: Gettext) -> str:
    """ "Công văn số 2468/SGDĐT-TCCB", or the kind alone when the letter has no number."""
    kind = gettext(document_kind(meta.number))
    if not meta.number:
        return kind
    number = meta.number if not meta.number.startswith("/") else "…" + meta.number
    return gettext("{kind} no. {number}").format(kind=kind, number=number)


def dated(date: str, gettext: Gettext) -> str:
    """ "ngày 15/01/2027", "tháng 3/2021", "năm 2022" as far as the letter dates itself."""
    parts = date.count("/")
    if not date:
        return ""
    if parts >= 2:
        return gettext("of {date}").format(date=date)
    if parts == 1:
        return gettext("of month {date}").format(date=date)
    return gettext("of year {date}").format(date=date)


def described(meta: LetterMeta, gettext: Gettext) -> str:
    """ "Kế hoạch số 1308/KH-SGDĐT ngày 17/06/2020 của Sở GD&ĐT Kiên Giang" (plain text)."""
    text = " ".join(p for p in (document_name(meta, gettext), dated(meta.date, gettext)) if p)
    if meta.issuer:
        text += " " + gettext("by {issuer}").format(issuer=meta.issuer)
    return text


def letter_reference(meta: LetterMeta, section: str, gettext: Gettext) -> str:
    """ "Công văn số 2468/SGDĐT-TCCB ngày 15/01/2027 của Sở GD&ĐT Đồng Nai, mục 2.a"."""
    text = described(meta, gettext)
    if section:
        text += ", " + gettext("section {section}").format(section=section)
    if meta.scanned:
        text += " " + gettext("(a scan, read by OCR)")
    return text


def cite_letter(meta: LetterMeta, section: str, gettext: Gettext) -> str:
    """The citation line for a quote, in the asker's language (plain text, not HTML): the
    document the quoted passage is from (``Letter.meta_of``), an attached plan included."""
    return gettext("According to {document}").format(
        document=letter_reference(meta, section, gettext))
