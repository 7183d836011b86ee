"""Reading the spreadsheets officers send (rosters, status lists): .xlsx or UTF-8 .csv.

The file's content decides, not its name: an .xls or a PDF renamed to .xlsx is refused with a
message that says what to do, rather than failing deep inside a parser.

Reading is bounded, because a small file can describe a huge sheet: a 5 KB .xlsx may hold one
cell at row 1,048,576 or column XFD, a 400 KB one a 400 MB cell or 30 million empty rows.
What each part of the file unpacks to is checked first (:mod:`bot.archive_limits`), then the
sheet's declared size, and the sheet is then streamed row by row (the declared size can lie or
be missing) through a guard that stops at the first cell, row or run of tags past its limit;
only rows that hold something are kept. Reading takes seconds for a big
province, so the bot does it in a worker thread (:func:`read_table_in_thread`), one at a time.
"""

from __future__ import annotations

import asyncio
import csv
import functools
import io
import logging
import re
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from bot.archive_limits import GuardedXml, UnpackLimitError, XmlLimits, open_checked, scan
from bot.domain.cells import UncalculatedFormula
from bot.i18n import N_, grouped

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000  # people; the sheet may have up to TITLE_ROWS more (titles, the header)
TITLE_ROWS = 10  # as many as the header is looked for in (bot.domain.roster.find_header)
LAST_ROW = MAX_ROWS + TITLE_ROWS
MAX_COLUMNS = 100
MAX_CELL_CHARS = 32_767  # Excel's own limit
# What the parts may unpack to: a sheet is streamed, the rest is read whole by openpyxl.
MEMBER_LIMITS = (("xl/worksheets/*.xml", 128 * 2**20), ("xl/sharedStrings.xml", 16 * 2**20),
                 ("*.xml", 8 * 2**20), ("*.rels", 8 * 2**20))
MAX_UNPACKED_BYTES = 200 * 2**20
MAX_SHARED_STRINGS = 1_000_000  # different texts; a 100,000-person list has a few hundred k
CSV_FIELD_LIMIT = 128 * 1024  # the csv module's own limit, named for the message
Row = tuple[int, Sequence[object]]

_TOO_LARGE = N_("The file is larger than 20 MB. Please send only the list.")
_TOO_BIG = N_("The sheet is too big: at most {rows} rows and {columns} columns can be read "
              "(this one reaches row {row}, column {column}). Please keep only the list: "
              "delete the empty rows and columns below and to the right of it, or copy the "
              "list into a new file.")
_TOO_MANY_ROWS = N_("The sheet has more than {rows} rows, empty rows included, the most I read; "
                    "please delete the empty rows below the list, or copy the list into a new "
                    "file.")
_TOO_MANY_TEXTS = N_("The file holds more than {limit} different texts, the most I read for a "
                     "list of {rows} people; please copy the list into a new file and resend "
                     "it.")
_DAMAGED = N_("The Excel file is damaged or incomplete and could not be read. Please open it "
              "in Excel, save it again as .xlsx and resend it.")


class SpreadsheetError(ValueError):
    """The file cannot be read as a table; ``message`` is an English gettext msgid, formatted
    with ``params``."""

    def __init__(self, message: str, params: dict[str, object] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.params = params or {}


def _too_big(row: int, column: int) -> SpreadsheetError:
    return SpreadsheetError(_TOO_BIG, {"rows": grouped(MAX_ROWS),
                                       "columns": MAX_COLUMNS,
                                       "row": grouped(row), "column": column})


def read_table(data: bytes, filename: str = "") -> list[Row]:
    """(row number, cells) for every row of the first sheet that holds something, merged
    cells filled in. Raises SpreadsheetError for anything that is not a readable table."""
    if len(data) > MAX_FILE_BYTES:
        raise SpreadsheetError(_TOO_LARGE)
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(data)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise SpreadsheetError(N_("This is an old Excel file (.xls). Please open it in Excel and "
                                  "save it as .xlsx (Excel Workbook), then send it again."))
    if data.startswith(b"%PDF"):
        raise SpreadsheetError(N_("This is a PDF, not a spreadsheet. Please send the list as "
                                  ".xlsx or .csv (use the template: /mau)."))
    name = filename.lower()
    if name and not name.endswith((".csv", ".txt")):
        raise SpreadsheetError(N_("Only .xlsx and .csv (UTF-8) files can be read. Please use the "
                                  "template (/mau)."))
    return _read_csv(data)


def read_table_file(path: Path) -> list[Row]:
    if path.stat().st_size > MAX_FILE_BYTES:
        raise SpreadsheetError(_TOO_LARGE)
    return read_table(path.read_bytes(), path.name)


_one_reader = asyncio.Lock()


async def read_table_in_thread(data: bytes, filename: str = "") -> list[Row]:
    """:func:`read_table` off the event loop, so the bot keeps answering everyone else; one
    file at a time, so two big files never sit in memory together."""
    async with _one_reader:
        return await asyncio.to_thread(read_table, data, filename)


def _kept(number: int, cells: Sequence[object]) -> Row | None:
    """The row without its trailing empty cells; None when it holds nothing."""
    end = len(cells)
    while end and (cells[end - 1] is None or cells[end - 1] == ""):
        end -= 1
    if not end:
        return None
    if end > MAX_COLUMNS:
        raise _too_big(number, end)
    return number, tuple(cells[:end])


def _read_csv(data: bytes) -> list[Row]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SpreadsheetError(N_("The CSV file is not UTF-8. In Excel choose Save As → "
                                  "\"CSV UTF-8 (Comma delimited)\".")) from exc
    if "\x00" in text:
        raise SpreadsheetError(N_("The CSV file is damaged (it holds null bytes, which a text "
                                  "file never does); please save it again from Excel as \"CSV "
                                  "UTF-8\" and resend it."))
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows: list[Row] = []
    reader = csv.reader(io.StringIO(text), dialect)
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            if number > LAST_ROW:
                raise _too_big(number, len(cells))
            kept = _kept(number, cells)
            if kept is not None:
                rows.append(kept)
    except csv.Error as exc:
        log.debug("csv refused at row %d: %s", number + 1, type(exc).__name__)
        raise SpreadsheetError(N_("Row {row} of the CSV file has a cell longer than 128 KB, or "
                                  "a quotation mark that is never closed. Please check that "
                                  "row, save the file again and resend it."),
                               {"row": number + 1}) from None
    return rows


def _rows_counted(count: int) -> SpreadsheetError:
    return SpreadsheetError(_TOO_MANY_ROWS, {"rows": grouped(LAST_ROW)})


def _texts_counted(count: int) -> SpreadsheetError:
    return SpreadsheetError(_TOO_MANY_TEXTS, {
        "limit": grouped(MAX_SHARED_STRINGS),
        "rows": grouped(MAX_ROWS)})


SHEET_LIMITS = XmlLimits(longest_text=MAX_CELL_CHARS,
                         record=re.compile(rb"<(?:\w+:)?row[\s/>]"), max_records=LAST_ROW,
                         too_many_records=_rows_counted)
STRINGS_LIMITS = XmlLimits(longest_text=MAX_CELL_CHARS,
                           record=re.compile(rb"<(?:\w+:)?si[\s/>]"),
                           max_records=MAX_SHARED_STRINGS, too_many_records=_texts_counted)


def _check_unpacked_sizes(data: bytes) -> None:
    """A zip bomb is refused before openpyxl inflates a part: every part within its size, and
    the shared strings (which openpyxl reads whole) within their cell and count limits."""
    try:
        with open_checked(data, MEMBER_LIMITS, total=MAX_UNPACKED_BYTES) as archive:
            if "xl/sharedStrings.xml" in archive.NameToInfo:
                scan(archive, "xl/sharedStrings.xml", STRINGS_LIMITS)
    except UnpackLimitError as exc:
        raise SpreadsheetError(exc.message, exc.params) from None
    except SpreadsheetError:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise SpreadsheetError(N_("The Excel file could not be opened. Please save it again as "
                                  ".xlsx and resend it.")) from exc


def _read_xlsx(data: bytes) -> list[Row]:
    _check_unpacked_sizes(data)
    try:
        return _stream_first_sheet(data)
    except Exception as exc:  # openpyxl fails on damaged files with any of a dozen types
        limit = _limit_passed(exc)
        if limit is not None:
            raise limit from None
        log.debug("xlsx refused: %s", type(exc).__name__)
        raise SpreadsheetError(_DAMAGED) from None


def _limit_passed(exc: BaseException | None) -> SpreadsheetError | None:
    """The limit behind ``exc``, if one is: openpyxl wraps what fails while it loads the
    workbook (its first pass over a sheet) in a ValueError of its own."""
    while exc is not None:
        if isinstance(exc, SpreadsheetError):
            return exc
        if isinstance(exc, UnpackLimitError):
            return SpreadsheetError(exc.message, exc.params)
        exc = exc.__cause__ or exc.__context__
    return None


def _stream_first_sheet(data: bytes) -> list[Row]:
    from openpyxl import load_workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    _guard_sheet_sources()
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        if not isinstance(sheet, ReadOnlyWorksheet):
            raise SpreadsheetError(_DAMAGED)
        declared_rows, declared_columns = sheet.max_row or 0, sheet.max_column or 0
        if declared_rows > LAST_ROW or declared_columns > MAX_COLUMNS:
            raise _too_big(declared_rows, declared_columns)
        rows: list[Row] = []
        with sheet._get_source() as source:
            parser = _parser_class()(source, sheet._shared_strings, data_only=True,
                                 epoch=workbook.epoch, date_formats=workbook._date_formats,
                                 timedelta_formats=workbook._timedelta_formats)
            for number, cells in _rows(parser):
                kept = _kept(number, cells)
                if kept is not None:
                    rows.append(kept)
            merged = parser.merged_cells
        return _fill_merged(rows, merged.mergeCell if merged is not None else [])
    finally:
        workbook.close()


@functools.cache
def _guard_sheet_sources() -> None:
    """Every sheet openpyxl streams in read-only mode passes through :class:`GuardedXml`.

    openpyxl reads a sheet more than once: for its declared size as the workbook loads (to the
    end of a sheet without a <dimension>), then for its rows. Its one way in is
    ``ReadOnlyWorksheet._get_source``, so that is where the guard goes; this module is the
    project's only reader of workbooks in read-only mode.
    """
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    def guarded_source(sheet: Any) -> GuardedXml:
        return GuardedXml(sheet.parent._archive.open(sheet._worksheet_path), SHEET_LIMITS)

    ReadOnlyWorksheet._get_source = guarded_source


def _rows(parser: Any) -> Iterator[tuple[int, list[object]]]:
    """(row number, values) as the sheet's XML has them, refusing any row or column past the
    limits as soon as it is met, whatever the declared size said."""
    for number, cells in parser.parse():
        if not cells:
            continue
        width = max(c["column"] for c in cells)
        if number > LAST_ROW or width > MAX_COLUMNS:
            raise _too_big(number, width)
        values: list[object] = [None] * width
        for cell in cells:
            values[cell["column"] - 1] = cell["value"]
        yield number, values


@functools.cache
def _parser_class() -> Any:
    """openpyxl's streaming sheet parser, also telling apart a formula never calculated (no
    cached value: the file was written by a program, not saved by Excel) from an empty cell."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class CellParser(WorkSheetParser):  # type: ignore[misc]
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            if cell["value"] is None and element.find(FORMULA_TAG) is not None:
                cell["value"] = UncalculatedFormula(
                    f"{get_column_letter(cell['column'])}{cell['row']}")
            return cell

    return CellParser


def _fill_merged(rows: list[Row], ranges: Sequence[Any]) -> list[Row]:
    """Every cell of a merged range gets the value of its top-left cell, as people read it."""
    if not ranges:
        return rows
    from openpyxl.utils.cell import range_boundaries

    grid = {number: list(cells) for number, cells in rows}
    for merged in ranges:
        min_col, min_row, max_col, max_row = range_boundaries(str(merged.ref))
        top = grid.get(min_row)
        if top is None or min_col > len(top) or max_col > MAX_COLUMNS:
            continue
        value = top[min_col - 1]
        for r in range(min_row, min(max_row, LAST_ROW) + 1):
            row = grid.get(r)
            if row is None:
                continue
            row.extend([None] * (max_col - len(row)))
            row[min_col - 1:max_col] = [value] * (max_col - min_col + 1)
    return [(number, tuple(grid[number])) for number, _ in rows]
