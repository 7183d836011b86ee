"""Scanned pages read in Vietnamese by Tesseract, with how sure it was of every word.

Tesseract (Debian's ``tesseract-ocr`` and ``tesseract-ocr-vie``) is run as a program, one page
at a time, with its TSV output: that gives the text and each word's confidence in one pass, a
separate process the bot's event loop never waits on, and a hard time limit (the process is
killed). pytesseract would only wrap the same call in temporary files, and ocrmypdf would
rebuild the whole PDF (Ghostscript, a text layer) to hand back what the TSV already holds.
Pages are rendered by PDFium (pypdfium2), which reads the letter's text layer anyway.

A reading is trusted only when it is sure enough: a page whose words Tesseract is unsure of on
average is refused, so a blurred photo never becomes a letter the bot quotes.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.i18n import N_

LANGUAGE = "vie"
MAX_SCAN_PAGES = 30
SCAN_SECONDS = 300.0  # a whole scan; a page that has not finished by then is given up
RENDER_DPI = 300  # what Tesseract is trained for; 200 dpi loses diacritics on small print
MIN_PAGE_CONFIDENCE = 70.0  # mean word confidence (0-100) a page needs to be trusted
MIN_WORD_CONFIDENCE = 40.0  # words below this are noise (specks, stamp ink), not text
UNSURE_LINE = 85.0  # lines below this are shown to the officer to check
MIN_PAGE_LETTERS = 25  # a scanned page with fewer letters read than this is blank
_ONE_AT_A_TIME = threading.Semaphore(1)  # one core stays free for the bot itself

NOT_AVAILABLE = N_("This PDF is a scan: it holds pictures of the pages, not text, so I cannot "
                   "quote it. Please send a text PDF (saved from Word) or the .docx.")
TOO_MANY_PAGES = N_("This scan has {n} pages; I read scans of up to {max} pages. Please send "
                    "the letter alone, or a text PDF (saved from Word) or the .docx.")
BLANK = N_("This scan has no text I can read: the pages look blank or are not a letter. "
           "Please scan the letter itself (300 dpi, straight, in good light), or send a "
           "text PDF or the .docx.")
UNCLEAR = N_("Page {page} of this scan is too unclear to read reliably. Please scan the "
             "letter again (300 dpi, straight, in good light), or send a text PDF or the "
             ".docx.")
TOO_SLOW = N_("Reading this scan took too long. Please send fewer pages, or a text PDF (saved "
              "from Word) or the .docx.")


class UnreadableScan(ValueError):
    """A scan that must not become a letter; ``message`` is the msgid shown to the admin."""

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


@dataclass(frozen=True, slots=True)
class ReadLine:
    page: int  # from 1, as the letter numbers its pages
    text: str
    confidence: float  # mean of its words, 0-100


@dataclass(frozen=True, slots=True)
class ReadPage:
    number: int
    lines: tuple[ReadLine, ...]
    confidence: float  # mean of the page's words, 0-100

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def letters(self) -> int:
        return sum(ch.isalpha() for line in self.lines for ch in line.text)


@dataclass(frozen=True, slots=True)
class ScanReading:
    """What OCR read from the scanned pages of one letter."""

    pages: tuple[ReadPage, ...]

    def least_sure(self, limit: int = 5) -> list[ReadLine]:
        """The lines most worth checking against the paper, in the letter's order."""
        lines = [ln for p in self.pages for ln in p.lines
                 if ln.confidence < UNSURE_LINE and sum(c.isalnum() for c in ln.text) >= 4]
        worst = sorted(lines, key=lambda ln: ln.confidence)[:limit]
        return sorted(worst, key=lambda ln: (ln.page, lines.index(ln)))


@functools.cache
def engine_version() -> str | None:
    """Tesseract's version when it and its Vietnamese data are installed, else None."""
    program = shutil.which("tesseract")
    if program is None:
        return None
    try:
        listed = subprocess.run([program, "--list-langs"], capture_output=True, text=True,
                                timeout=10, check=False)
        version = subprocess.run([program, "--version"], capture_output=True, text=True,
                                 timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if LANGUAGE not in listed.stdout.split():
        return None
    first = (version.stdout or version.stderr).splitlines()
    return first[0].removeprefix("tesseract ").strip() if first else "?"


def available() -> bool:
    return engine_version() is not None


def has_picture(page: Any) -> bool:
    """Whether a PDF page (pypdfium2) holds an image: a page with neither text nor picture is
    blank, not a scan."""
    import pypdfium2.raw as pdfium_c

    return any(True for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,)))


def render(page: Any) -> bytes:
    """A PDF page (pypdfium2) as a greyscale PNG at ``RENDER_DPI``: a few hundred kB, where the
    raw bitmap of an A4 page would take 9 MB."""
    bitmap = page.render(scale=RENDER_DPI / 72, grayscale=True)
    try:
        out = io.BytesIO()
        bitmap.to_pil().save(out, format="PNG")
    finally:
        bitmap.close()
    return out.getvalue()


def read_pages(images: Sequence[tuple[int, bytes]]) -> ScanReading:
    """Read each (page number, PNG) in turn within ``SCAN_SECONDS`` altogether.

    Raises:
        UnreadableScan: no engine, too slow, every page blank, or a page too unclear.
    """
    program = shutil.which("tesseract")
    if program is None or not available():
        raise UnreadableScan(NOT_AVAILABLE)
    deadline = time.monotonic() + SCAN_SECONDS
    pages: list[ReadPage] = []
    with _ONE_AT_A_TIME:
        for number, png in images:
            pages.append(_read_page(program, number, png, deadline))
    written = [p for p in pages if p.letters >= MIN_PAGE_LETTERS]
    if not written:
        raise UnreadableScan(BLANK)
    for page in written:
        if page.confidence < MIN_PAGE_CONFIDENCE:
            raise UnreadableScan(UNCLEAR, page=page.number)
    return ScanReading(tuple(pages))


def _read_page(program: str, number: int, png: bytes, deadline: float) -> ReadPage:
    left = deadline - time.monotonic()
    if left <= 0:
        raise UnreadableScan(TOO_SLOW)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # one core: the bot keeps the other
    try:
        done = subprocess.run(
            [program, "stdin", "stdout", "-l", LANGUAGE, "--dpi", str(RENDER_DPI), "tsv"],
            input=png, capture_output=True, timeout=left, env=env, check=False)
    except subprocess.TimeoutExpired:
        raise UnreadableScan(TOO_SLOW) from None
    if done.returncode != 0:
        raise UnreadableScan(UNCLEAR, page=number)
    return parse_tsv(done.stdout.decode("utf-8", "replace"), number)


def parse_tsv(tsv: str, number: int) -> ReadPage:
    """Tesseract's TSV (one row per word, with block, paragraph and line numbers) as lines of
    words it is reasonably sure of; a new block or paragraph leaves an empty line."""
    rows = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    lines: list[ReadLine] = []
    words: list[tuple[str, float]] = []
    every: list[float] = []
    key: tuple[str, str, str] | None = None

    def flush() -> None:
        if words:
            text = " ".join(w for w, _ in words)
            lines.append(ReadLine(number, text, sum(c for _, c in words) / len(words)))
            words.clear()

    for row in rows:
        text = (row.get("text") or "").strip()
        try:
            confidence = float(row.get("conf") or -1)
        except ValueError:
            continue
        if row.get("level") != "5" or not text or confidence < 0:
            continue
        here = (row["block_num"], row["par_num"], row["line_num"])
        if key is not None and here != key:
            flush()
            if here[:2] != key[:2] and lines and lines[-1].text:
                lines.append(ReadLine(number, "", 100.0))
        key = here
        if confidence >= MIN_WORD_CONFIDENCE:
            words.append((text, confidence))
        if any(ch.isalnum() for ch in text):
            every.append(confidence)
    flush()
    while lines and not lines[-1].text:
        lines.pop()
    mean = sum(every) / len(every) if every else 0.0
    return ReadPage(number, tuple(lines), mean)
