"""Zip bombs as the attacks of issue 19 built them: a few hundred kilobytes on disk that unpack
to hundreds of megabytes. Built when needed (nothing big is stored), streamed so that building
them never holds the unpacked size in memory; the tests and benchmarks/bench_bombs.py share
them."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator

SHEET = "xl/worksheets/sheet1.xml"
_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
_BLOCK = 1024 * 1024


def repeat(piece: bytes, times: int) -> Iterator[bytes]:
    """``piece`` ``times`` times, in blocks of about a megabyte."""
    per_block = max(1, _BLOCK // len(piece))
    block = piece * per_block
    whole, rest = divmod(times, per_block)
    for _ in range(whole):
        yield block
    yield piece * rest


class _RepeatingDeflate:
    """A deflater that compresses each distinct block once: every block ends with a full
    flush, so the same block always deflates to the same bytes, and 400 MB of one repeated
    block are written in a fraction of a second instead of six."""

    def __init__(self) -> None:
        self._deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
        self._done: dict[bytes, bytes] = {}

    def compress(self, data: bytes) -> bytes:
        if data not in self._done:
            self._done[data] = (self._deflate.compress(data)
                                + self._deflate.flush(zlib.Z_FULL_FLUSH))
        return self._done[data]

    def flush(self) -> bytes:
        return self._deflate.flush()


def replace_member(data: bytes, name: str, parts: Iterator[bytes]) -> bytes:
    """The zip ``data`` with member ``name`` written from ``parts``, streamed and deflated."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info, source.read(info.filename))
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with target.open(info, "w", force_zip64=True) as member:
            member._compressor = _RepeatingDeflate()  # type: ignore[attr-defined]
            for part in parts:
                member.write(part)
    return out.getvalue()


def small_workbook() -> bytes:
    from openpyxl import Workbook

    out = io.BytesIO()
    Workbook().save(out)
    return out.getvalue()


def sheet_parts(rows: Iterator[bytes]) -> Iterator[bytes]:
    yield _HEAD + b"<sheetData>"
    yield from rows
    yield b"</sheetData></worksheet>"


def xlsx_with_huge_cell(megabytes: int = 400) -> bytes:
    """One inline string cell of ``megabytes`` MB (the issue's 412 KB file)."""
    def rows() -> Iterator[bytes]:
        yield b'<row r="1"><c r="A1" t="inlineStr"><is><t>'
        yield from repeat(b"A", megabytes * 2**20)
        yield b"</t></is></c></row>"
    return replace_member(small_workbook(), SHEET, sheet_parts(rows()))


def xlsx_with_empty_rows(count: int = 30_000_000) -> bytes:
    """``count`` empty ``<row/>`` (the issue's 267 KB file)."""
    return replace_member(small_workbook(), SHEET, sheet_parts(repeat(b"<row/>", count)))


def small_docx() -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph("Sở Giáo dục và Đào tạo hướng dẫn bồi dưỡng giáo viên năm 2027.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_with_paragraphs(count: int = 2_000_000, base: bytes | None = None) -> bytes:
    """``base`` (a small letter) followed by ``count`` empty paragraphs (the issue's 620 KB)."""
    base = base or small_docx()
    source = zipfile.ZipFile(io.BytesIO(base))
    document = source.read("word/document.xml")
    head, tail = document.split(b"</w:body>")
    body_end = head.rfind(b"<w:sectPr")
    parts = iter([head[:body_end], *repeat(b"<w:p/>", count), head[body_end:],
                  b"</w:body>" + tail])
    return replace_member(base, "word/document.xml", parts)


def pdf_with_pages(text_pdf: bytes, pages: int = 50_001) -> bytes:
    """The first page of ``text_pdf``, ``pages`` times (the issue's 50,001-page text PDF was
    called a scan)."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(text_pdf)
    document = pdfium.PdfDocument.new()
    document.import_pages(source, [0] * pages)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
