"""How much of a letter file is read: pages, paragraphs, characters, what a .docx unpacks to.

A letter is a few pages; the limits are far above any real one (with its annexes) and far
below what would stall the bot: reading and indexing a million characters takes about a
second, and every check runs before the costly step it protects (the page count before any
page is read, a .docx's parts before python-docx inflates them, the text's size before it is
decoded). Each refusal is an ``UnpackLimitError`` whose message names the limit.
"""

from __future__ import annotations

import re
import zipfile

from bot.archive_limits import UnpackLimitError, XmlLimits, open_checked, scan
from bot.i18n import N_, grouped

MAX_LETTER_CHARS = 1_000_000  # about 400 pages; the seed letters have 7,000 to 24,000
MAX_PDF_PAGES = 1_000
MAX_PARAGRAPHS = 50_000  # in one part of a .docx; a 100-page letter has about 3,000
MAX_RUN_CHARS = 100_000  # one run of text in a .docx
# python-docx reads every part of a .docx whole (pictures too), so all count.
DOCX_MEMBER_LIMITS = (("word/document.xml", 32 * 2**20), ("*.xml", 8 * 2**20),
                      ("*.rels", 8 * 2**20))
MAX_DOCX_UNPACKED = 100 * 2**20

TOO_LONG = N_("The letter is longer than {limit} characters (about {pages} pages), the most I "
              "read; please send the letter alone, without its annexes.")
TOO_MANY_PAGES = N_("The PDF has {pages} pages, more than the {limit} I read; please send the "
                    "letter alone, without its annexes.")
TOO_MANY_PARAGRAPHS = N_("The Word file has more than {limit} paragraphs, the most I read; "
                         "please send the letter alone, without its annexes.")


def _too_long() -> UnpackLimitError:
    return UnpackLimitError(TOO_LONG, limit=grouped(MAX_LETTER_CHARS),
                            pages=grouped(MAX_LETTER_CHARS // 2500))


def check_text_bytes(data: bytes) -> None:
    """Before decoding: no encoding spends more than four bytes on a character."""
    if len(data) > 4 * MAX_LETTER_CHARS:
        raise _too_long()


def check_text_length(length: int) -> None:
    if length > MAX_LETTER_CHARS:
        raise _too_long()


def check_page_count(pages: int) -> None:
    if pages > MAX_PDF_PAGES:
        raise UnpackLimitError(TOO_MANY_PAGES, pages=grouped(pages), limit=grouped(MAX_PDF_PAGES))


def _too_many_paragraphs(count: int) -> UnpackLimitError:
    return UnpackLimitError(TOO_MANY_PARAGRAPHS, limit=grouped(MAX_PARAGRAPHS))


DOCX_XML_LIMITS = XmlLimits(longest_text=MAX_RUN_CHARS,
                            record=re.compile(rb"<(?:\w+:)?p[\s/>]"),
                            max_records=MAX_PARAGRAPHS,
                            too_many_records=_too_many_paragraphs)


def check_docx(data: bytes) -> None:
    """What a .docx unpacks to, before python-docx reads it: every part's size, then each
    XML part streamed through the guard (paragraphs, runs of text, nesting).

    Raises:
        UnpackLimitError: a limit is passed.
        zipfile.BadZipFile: not a zip at all.
    """
    try:
        with open_checked(data, DOCX_MEMBER_LIMITS, total=MAX_DOCX_UNPACKED) as archive:
            for name in archive.namelist():
                if name.endswith((".xml", ".rels")):
                    scan(archive, name, DOCX_XML_LIMITS)
    except (OSError, EOFError, RuntimeError) as exc:  # truncated, encrypted member…
        raise zipfile.BadZipFile(type(exc).__name__) from None
