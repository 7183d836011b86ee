"""The Sở's letters: read a file, store it with its audit row, answer from it from that minute.

Reading a file and indexing are CPU work (a 30-page PDF takes a noticeable fraction of a
second), so they run in a worker thread and never stall the bot's event loop. A file that
cannot be read raises ``LetterFileError`` before anything is stored.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from bot.domain.campaign import Campaign
from bot.domain.deadlines import DEFAULT_OFFSETS, Audience, DeadlineDraft, tasks_reminded
from bot.domain.errors import DomainError
from bot.i18n import N_
from bot.knowledge import ocr
from bot.knowledge.citation import described, document_name
from bot.knowledge.letter_files import (
    EXTENSIONS,
    NO_TEXT,
    LetterFileError,
    read_text,
    scanned_pages,
)
from bot.knowledge.letter_index import LetterIndex
from bot.knowledge.letters import Letter, TaskDate, read_letter
from bot.knowledge.ocr import ReadLine
from bot.storage import Database
from bot.storage import deadlines as deadline_repo
from bot.storage import letters as repo

Gettext = Callable[[str], str]
PREVIEW_SECTIONS = 8


@dataclass(frozen=True, slots=True)
class LetterDraft:
    """A letter read from a file and shown to the admin, not stored yet."""

    letter: Letter
    body: str  # the extracted text, stored as it is
    sha256: str  # of the file: the same file is stored once
    unsure: tuple[ReadLine, ...] = ()  # for a scan: the lines OCR was least sure of


ALREADY_STORED = N_("This letter is already stored as #{id}; nothing was added.")


class LetterAlreadyStored(DomainError):
    def __init__(self, letter_id: int) -> None:
        super().__init__(ALREADY_STORED, {"id": letter_id})


def read_letter_file(data: bytes, filename: str, *, number: str | None = None,
                     date: str | None = None, issuer: str | None = None) -> LetterDraft:
    """Text, metadata and passages of a file; ``number``/``date``/``issuer`` override.

    Raises:
        LetterFileError: the file cannot be read, or holds no passage to quote, or is a scan
            in which OCR found nothing that makes it a letter.
    """
    read = read_text(data, filename)
    letter = read_letter(read.text, filename=filename, number=number, date=date,
                         issuer=issuer)
    if not letter.passages:
        raise LetterFileError(ocr.BLANK if read.scan else NO_TEXT)
    sha256 = hashlib.sha256(data).hexdigest()
    if read.scan is None:
        return LetterDraft(letter, read.text, sha256)
    meta = letter.meta
    if sum(bool(x) for x in (meta.number, meta.date, meta.subject)) < 2:
        raise LetterFileError(NOT_A_LETTER)
    return LetterDraft(_as_scan(replace(letter, meta=replace(meta, scanned=True))), read.text,
                       sha256, tuple(read.scan.least_sure()))


def _as_scan(letter: Letter) -> Letter:
    """What a scanned letter bundles (an attached plan) was scanned with it: quoted as a scan."""
    if not letter.meta.scanned:
        return letter
    return replace(letter, passages=tuple(
        replace(p, document=replace(p.document, scanned=True)) if p.document else p
        for p in letter.passages))


NOT_A_LETTER = N_("I read this scan, but it does not look like an official letter: I found no "
                  "number, date or subject (V/v). Please send the scan of the letter itself, or "
                  "a text PDF or the .docx.")


async def prepare_letter(data: bytes, filename: str, **overrides: str | None) -> LetterDraft:
    return await asyncio.to_thread(read_letter_file, data, filename, **overrides)


def pages_to_read(data: bytes, filename: str) -> int:
    """How many scanned pages OCR is about to read (0: none, or more than it reads): the
    admin is told to wait while they are read."""
    pages = scanned_pages(data, filename)
    return pages if pages <= ocr.MAX_SCAN_PAGES else 0


async def pages_to_read_async(data: bytes, filename: str) -> int:
    return await asyncio.to_thread(pages_to_read, data, filename)


async def stored_as(db: Database, draft: LetterDraft) -> int | None:
    """The number the same file is already stored under, if it is."""
    return await repo.letter_with_sha256(db.reader, draft.sha256)


async def save_letter(db: Database, index: LetterIndex, draft: LetterDraft, *,
                      actor: str) -> Letter:
    """Store the letter (one transaction, audited) and put it in the index at once.

    The letter is indexed before the transaction commits: if indexing fails, nothing is
    stored (a stored letter the bot cannot quote would come back at every start); if the
    commit fails, it leaves the index again.

    Raises:
        LetterAlreadyStored: the same file is stored already; nothing is added.
    """
    letter: Letter | None = None
    try:
        async with db.transaction() as tx:
            existing = await repo.letter_with_sha256(tx, draft.sha256)
            if existing is not None:
                raise LetterAlreadyStored(existing)
            letter_id = await repo.add_letter(tx, draft.letter.meta,
                                              filename=draft.letter.filename,
                                              body=draft.body, sha256=draft.sha256, actor=actor)
            letter = replace(draft.letter, id=letter_id)
            await asyncio.to_thread(index.add, letter)
    except BaseException:
        if letter is not None:  # removes nothing when it was never added
            await asyncio.to_thread(index.remove, letter.id)
        raise
    return letter


async def add_deadline(db: Database, campaign: Campaign, found: TaskDate, *, letter_id: int,
                       actor: str) -> int:
    """A date of a letter as a deadline of the running campaign (its staff tasks, default
    reminders), citing the letter and its section, audited; the admin adjusts it with
    /hanchot."""
    draft = DeadlineDraft(found.title or found.sentence, found.date.day, found.date.month,
                          found.date.year, tasks_reminded(campaign, Audience.STAFF),
                          Audience.STAFF, DEFAULT_OFFSETS, letter_id, found.section)
    async with db.transaction() as tx:
        return await deadline_repo.add_deadline(tx, draft, actor=actor)


async def remove_letter(db: Database, index: LetterIndex, letter_id: int, *,
                        actor: str) -> bool:
    """Delete the letter (audited); from the next question on it is no longer quoted."""
    async with db.transaction() as tx:
        removed = await repo.remove_letter(tx, letter_id, actor=actor)
    if removed:
        await asyncio.to_thread(index.remove, letter_id)
    return removed


async def answered_last_week(db: Database) -> dict[int, int]:
    """Letter id → how many questions it answered in the last 7 days (/congvan, `troly
    letters list`): which letters teachers actually need."""
    since = dt.datetime.now(dt.UTC) - dt.timedelta(days=7)
    return await repo.answers_since(db.reader, since.isoformat(timespec="seconds"))


def _from_stored(stored: repo.StoredLetter) -> Letter:
    letter = read_letter(stored.body, filename=stored.filename)
    return _as_scan(replace(letter, id=stored.id, meta=stored.meta))


async def load_letters(db: Database, index: LetterIndex) -> int:
    """Index every stored letter (at start-up); returns how many."""
    stored = await repo.all_letters(db.reader)
    await asyncio.to_thread(lambda: index.replace([_from_stored(s) for s in stored]))
    return len(stored)


def letters_from_paths(paths: Iterable[Path]) -> list[Letter]:
    """Letters read from files or folders of files (for ``troly eval`` and tests), numbered
    from 1 in the order given; folders are read in name order."""
    files: list[Path] = []
    for path in paths:
        files += sorted(p for p in path.iterdir() if p.suffix.lower() in EXTENSIONS) \
            if path.is_dir() else [path]
    return [replace(read_letter_file(f.read_bytes(), f.name).letter, id=n)
            for n, f in enumerate(files, start=1)]


def upcoming(dates: Iterable[TaskDate], today: dt.date) -> list[TaskDate]:
    """Task dates still ahead: only those can become deadlines."""
    return [d for d in dates if d.date >= today]


def preview_lines(draft: LetterDraft, _: Gettext, *,
                  sections: int | None = PREVIEW_SECTIONS) -> list[str]:
    """What the admin checks before the letter is stored (plain text, one item a line)."""
    letter = draft.letter
    meta = letter.meta
    unknown = _("(not found — set it with --number/--date/--issuer)")
    lines = [_("Read from a scan by OCR: check the lines below against the paper.")] \
        if meta.scanned else []
    lines += [
        _("Title: {title}").format(title=meta.subject or letter.filename),
        _("Number: {number}").format(number=document_name(meta, _) if meta.number else unknown),
        _("Date: {date}").format(date=meta.date or unknown),
        _("Issued by: {issuer}").format(issuer=meta.issuer or unknown),
    ]
    lines += [_("Attached: {document}").format(document=described(a, _))
              for a in letter.attachments]
    if draft.unsure:
        lines.append(_("Lines OCR was least sure of:"))
        lines += ["  • " + _("page {page} ({percent}%): {text}").format(
            page=x.page, percent=round(x.confidence), text=x.text) for x in draft.unsure]
    lines.append(_("Passages: {n}").format(n=len(letter.passages)))
    paths = list(dict.fromkeys(" › ".join(p.path) for p in letter.passages if p.path))
    shown = paths if sections is None else paths[:sections]
    lines += [f"  • {p}" for p in shown]
    if len(paths) > len(shown):
        lines.append("  " + _("… and {n} more.").format(n=len(paths) - len(shown)))
    if letter.task_dates:
        lines.append(_("Dates with a task:"))
        lines += [f"  • {d.date:%d/%m/%Y}: {d.sentence}" for d in letter.task_dates]
    return lines
