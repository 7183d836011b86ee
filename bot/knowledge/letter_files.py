"""The text of a letter as the Sở sends it: .pdf (text layer), .docx (tables too) or .txt.

Every way a file can fail becomes a ``LetterFileError`` whose message (an English msgid) says
what is wrong and what to send instead, so nothing half-read is ever stored. Official letters
put the issuer, "Số: …" and the date in a two-column table, so a .docx is read in document
order, paragraphs and table cells alike, one line per paragraph; a table of data becomes one
line per row with its column headers (``letter_tables``), in a .docx and in a text PDF alike.
"""

from __future__ import annotations

import io
import logging
import re
import threading
import zipfile
from dataclasses import dataclass
from itertools import islice
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from bot.archive_limits import UnpackLimitError
from bot.i18n import N_
from bot.knowledge import letter_limits as limits
from bot.knowledge import ocr
from bot.knowledge.letter_tables import (
    Grid,
    continued,
    docx_grid,
    is_layout,
    pdf_columns,
    pdf_grid,
    same_columns,
    table_lines,
    went_on,
)
from bot.knowledge.letters import unwrap
from bot.knowledge.ocr import ScanReading
from bot.textnorm import nfc

if TYPE_CHECKING:
    import pypdfium2 as pdfium

log = logging.getLogger(__name__)

MAX_LETTER_BYTES = 20 * 1024 * 1024  # Telegram lets a bot download up to 20 MB
EXTENSIONS = (".pdf", ".docx", ".txt")
_MIN_LETTERS = 40  # fewer letters than this is an empty document
_MIN_LETTERS_PER_PAGE = 25  # a PDF with less text than this per page is a scan
_PDFIUM = threading.Lock()
NO_TEXT = N_("The document has no text. Please send the letter itself, as a .pdf or .docx.")
TOO_LARGE = N_("The file is larger than {mb} MB. Please send the letter alone, as a .pdf or "
               ".docx.")


class LetterFileError(ValueError):
    """A file that cannot become a letter; ``message`` is the msgid shown to the admin."""

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


def extension(filename: str) -> str:
    return PurePath(filename.lower()).suffix


@dataclass(frozen=True, slots=True)
class LetterText:
    text: str
    scan: ScanReading | None = None  # what OCR read, when some pages were pictures


def extract_text(data: bytes, filename: str) -> str:
    """The letter's text, lines as the letter has them (see ``read_text``)."""
    return read_text(data, filename).text


def read_text(data: bytes, filename: str) -> LetterText:
    """The letter's text, lines as the letter has them; scanned PDF pages are read by OCR.

    Raises:
        LetterFileError: unsupported type, too large, corrupt, password-protected, a scan
            that cannot be read, or no text at all.
    """
    kind = extension(filename)
    if kind not in EXTENSIONS:
        raise LetterFileError(N_("I read letters as .pdf, .docx or .txt files only."))
    if len(data) > MAX_LETTER_BYTES:
        raise LetterFileError(TOO_LARGE, mb=MAX_LETTER_BYTES // 2**20)
    if not data.strip():
        raise LetterFileError(N_("The file is empty. Please send the letter again."))
    scan = None
    try:
        if kind == ".pdf":
            text, scan = _pdf_text(data)
        elif kind == ".docx":
            text = _docx_text(data)
        else:
            text = _txt_text(data)
        limits.check_text_length(len(text))
    except UnpackLimitError as exc:
        raise LetterFileError(exc.message, **exc.params) from None
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    if _letter_count(text) < _MIN_LETTERS:
        raise LetterFileError(ocr.BLANK if scan else NO_TEXT)
    return LetterText(text, scan)


_LETTER = re.compile(r"[^\W\d_]")


def _letter_count(text: str) -> int:
    """How many letters ``text`` holds (str.isalpha, a character at a time, took seconds on a
    long letter)."""
    return sum(1 for _ in _LETTER.finditer(text))


def _open_pdf(data: bytes) -> pdfium.PdfDocument:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise LetterFileError(N_("This PDF is protected by a password. Please send a "
                                     "copy without a password, or the .docx.")) from None
        log.info("unreadable pdf")
        raise LetterFileError(N_(
            "I cannot read this PDF: the file is damaged or is not a PDF. Please export it "
            "again from Word, or send the .docx. (A roster goes as .xlsx; /mau gives the "
            "template.)")) from None


def _page_texts(document: pdfium.PdfDocument, tables: dict[int, list[_Band]] | None = None,
                ) -> tuple[list[str], list[int]]:
    """Each page's text layer (its ruled tables as rows, see ``_pdf_tables``), and the pages
    (from 0) that are pictures with (almost) no text.

    Raises:
        UnpackLimitError: too much text.
    """
    texts: list[str] = []
    pictures: list[int] = []
    length = 0
    for n, page in enumerate(document):
        textpage = page.get_textpage()
        limits.check_text_length(length + textpage.count_chars())  # before copying it
        texts.append(_page_text(textpage, page.get_height(), (tables or {}).get(n, [])))
        textpage.close()
        length += len(texts[-1])
        limits.check_text_length(length)
        if _letter_count(texts[-1]) < _MIN_LETTERS_PER_PAGE and ocr.has_picture(page):
            pictures.append(n)
        page.close()
    return texts, pictures


def _pdf_text(data: bytes) -> tuple[str, ScanReading | None]:
    """Text of every page with PDFium (pypdfium2): a 30-page letter in a fraction of a second;
    where a page holds a ruled table, its rows as sentences (``_pdf_tables``) stand in place of
    the cells PDFium gives as loose lines. Pages that are pictures are rendered here and read by
    OCR once PDFium is released (it is not thread-safe, so one file is read at a time)."""
    with _PDFIUM:
        document = _open_pdf(data)
        try:
            limits.check_page_count(len(document))
            pages, pictures = _page_texts(document, _pdf_tables(data, document))
            if pictures and not ocr.available():
                raise LetterFileError(ocr.NOT_AVAILABLE)
            if len(pictures) > ocr.MAX_SCAN_PAGES:
                raise LetterFileError(ocr.TOO_MANY_PAGES, n=len(pictures),
                                      max=ocr.MAX_SCAN_PAGES)
            images = [(n + 1, ocr.render(document[n])) for n in pictures]
        finally:
            document.close()
    if not images:
        if sum(map(_letter_count, pages)) < _MIN_LETTERS_PER_PAGE * max(1, len(pages)):
            raise LetterFileError(ocr.NOT_AVAILABLE)
        return _join_pages(pages), None
    try:
        scan = ocr.read_pages(images)
    except ocr.UnreadableScan as exc:
        raise LetterFileError(exc.message, **exc.params) from None
    for read in scan.pages:
        pages[read.number - 1] = read.text
    return _join_pages(pages), scan


_PAGE_NUMBER = re.compile(r"^\s*(?:[-–]\s*)?(?:trang\s+)?(\d{1,4})(?:\s*[-–])?"
                          r"(?:\s*/\s*\d{1,4})?\s*$", re.IGNORECASE)


def _join_pages(pages: list[str]) -> str:
    """The pages as one text without their printed page numbers ("2", "- 2 -", "Trang 2/5")
    at the top or the foot of a page, so a sentence running on to the next page reads on
    instead of taking the number in."""
    out: list[str] = []
    for n, page in enumerate(pages, start=1):
        lines = page.split("\n")
        for end in (0, -1):
            filled = [k for k, line in enumerate(lines) if line.strip()]
            if filled:
                k = filled[end]
                found = _PAGE_NUMBER.match(lines[k])
                if found and int(found.group(1)) == n:
                    del lines[k]
        out.append("\n".join(lines))
    return "\n".join(out)


def scanned_pages(data: bytes, filename: str) -> int:
    """How many pages of the file OCR is going to read (0 for a text file, when OCR is
    missing, or when the file is refused anyway): what the admin is told to wait for."""
    if extension(filename) != ".pdf" or not ocr.available():
        return 0
    with _PDFIUM:
        try:
            document = _open_pdf(data)
        except LetterFileError:
            return 0  # the reading itself says what is wrong
        try:
            limits.check_page_count(len(document))
            return len(_page_texts(document)[1])
        except UnpackLimitError:
            return 0
        finally:
            document.close()


_Band = tuple[float, float, list[str]]  # a table's top and bottom (points from the page's
# top) and its lines


_RULED = 4  # path objects (lines, rectangles) a page needs before it may hold a ruled table


def _ruled_pages(document: Any) -> list[int]:
    """Pages that draw lines (PDFium counts them in milliseconds): only these may hold a
    ruled table. Text-only pages never reach pdfplumber, which reads a page ~100x slower."""
    import pypdfium2.raw as pdfium_c

    ruled = []
    for n, page in enumerate(document):
        paths = page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,))
        if sum(1 for _ in islice(paths, _RULED)) >= _RULED:
            ruled.append(n)
        page.close()
    return ruled


def _pdf_tables(data: bytes, document: Any) -> dict[int, list[_Band]]:
    """Each ruled page's data tables, top to bottom, as rows with their headers.

    pdfplumber (on pdfminer.six) finds a table from the lines and rectangles that draw it and
    gives each cell's text and box, which a text layer cannot. Tables add to a letter that is
    read anyway: a file pdfminer cannot parse keeps PDFium's text, so nothing here refuses a
    letter.
    """
    ruled = _ruled_pages(document)
    if not ruled:
        return {}
    import pdfplumber

    found: dict[int, list[_Band]] = {}
    # the previous page's last table, which may go on: its page, its grid (the rows of every
    # page it has run over so far), its columns' left edges and the lines of each page
    last: tuple[int, Grid, list[float], list[list[str]]] = (-2, [], [], [])
    try:
        with pdfplumber.open(io.BytesIO(data), pages=[n + 1 for n in ruled]) as pdf:
            for n, page in zip(ruled, pdf.pages, strict=True):
                bands = []
                tables = sorted(page.find_tables(), key=lambda table: table.bbox[1])
                for k, table in enumerate(tables):
                    edges = pdf_columns(table)
                    going_on = k == 0 and last[0] == n - 1
                    if going_on and len(edges) < len(last[2]) and same_columns(edges, last[2]):
                        edges = last[2]  # cells merged across the columns of the page before
                        grid = pdf_grid(table, edges)
                    else:
                        grid = pdf_grid(table)
                    pages: list[list[str]] = []
                    if going_on and (whole := continued(last[1], grid)) is not grid:
                        grid, pages = whole, last[3]
                        lines = went_on(pages, table_lines(grid))
                    else:
                        lines = [] if is_layout(grid) else table_lines(grid)
                    if lines:
                        bands.append((table.bbox[1], table.bbox[3], lines))
                    last = (n, grid, edges, [*pages, lines])
                if bands:
                    found[n] = bands
                page.close()
    except Exception as exc:  # pdfminer raises many kinds; PDFium decides what is readable
        log.info("pdf tables not read: %s", type(exc).__name__)
        return {}
    return found


def _page_text(textpage: object, height: float, bands: list[_Band]) -> str:
    """The page's text with each table's region replaced by its rows (PDFium counts y from
    the bottom of the page, pdfplumber from the top)."""
    if not bands:
        return textpage.get_text_range()  # type: ignore[attr-defined, no-any-return]
    parts: list[str] = []
    above = None  # the bottom of the previous table, in PDFium's coordinates
    for top, bottom, lines in bands:
        parts.append(textpage.get_text_bounded(  # type: ignore[attr-defined]
            bottom=height - top, top=above))
        parts.append("\n".join(lines))
        above = height - bottom
    parts.append(textpage.get_text_bounded(top=above))  # type: ignore[attr-defined]
    return "\n".join(parts)


def _docx_text(data: bytes) -> str:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    if data[:4] != b"PK\x03\x04":
        if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # OLE: old .doc, or encrypted .docx
            raise LetterFileError(N_("This Word file is protected by a password or is an old "
                                     ".doc. Please save it as .docx without a password."))
        raise LetterFileError(N_("I cannot read this Word file: it is damaged or is not a "
                                 ".docx. Please save it again as .docx."))
    try:
        limits.check_docx(data)
        document = Document(io.BytesIO(data))
    except UnpackLimitError:
        raise
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        log.info("unreadable docx: %s", type(exc).__name__)
        raise LetterFileError(N_("I cannot read this Word file: it is damaged or is not a "
                                 ".docx. Please save it again as .docx.")) from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):  # a soft break ("\n") may wrap a sentence
            lines.extend(unwrap(block.text.split("\n"), soft=True))
        elif isinstance(block, Table):
            lines.extend(table_lines(docx_grid(block)))
    return "\n".join(lines)


def _txt_text(data: bytes) -> str:
    limits.check_text_bytes(data)
    encoding = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise LetterFileError(N_("This text file is not in UTF-8. Please save it as UTF-8, or "
                                 "send the .docx.")) from None
    if "\x00" in text:
        raise LetterFileError(N_("This text file is damaged or saved as UTF-16 without its "
                                 "mark (it holds null bytes); please save it as UTF-8 text, or "
                                 "send the .docx."))
    return text
