"""Reading the spreadsheets officers send (rosters, status lists): .xlsx or UTF-8 .csv.

The file's content decides, not its name: an .xls or a PDF renamed to .xlsx is refused with a
message that says what to do, rather than failing deep inside a parser.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

from bot.i18n import N_

MAX_FILE_BYTES = 20 * 1024 * 1024
Row = tuple[int, Sequence[object]]


class SpreadsheetError(ValueError):
    """The file cannot be read as a table; ``message`` is an English gettext msgid."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def read_table(data: bytes, filename: str = "") -> list[Row]:
    """(row number, cells) for every row of the first sheet, merged cells filled in."""
    if len(data) > MAX_FILE_BYTES:
        raise SpreadsheetError(N_("The file is larger than 20 MB. Please send only the list."))
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
    return read_table(path.read_bytes(), path.name)


def _read_csv(data: bytes) -> list[Row]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SpreadsheetError(N_("The CSV file is not UTF-8. In Excel choose Save As → "
                                  "\"CSV UTF-8 (Comma delimited)\".")) from exc
    if "\x00" in text:
        raise SpreadsheetError(N_("Only .xlsx and .csv (UTF-8) files can be read. Please use the "
                                  "template (/mau)."))
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    return [(number, row) for number, row in enumerate(reader, start=1)]


def _read_xlsx(data: bytes) -> list[Row]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise SpreadsheetError(N_("The Excel file could not be opened. Please save it again as "
                                  ".xlsx and resend it.")) from exc
    sheet = workbook.worksheets[0]
    merged = []
    for cell_range in sheet.merged_cells.ranges:
        merged.append((cell_range.min_row, cell_range.max_row, cell_range.min_col,
                       cell_range.max_col,
                       sheet.cell(cell_range.min_row, cell_range.min_col).value))
    rows: list[list[object]] = [list(r) for r in sheet.iter_rows(values_only=True)]
    workbook.close()
    for min_row, max_row, min_col, max_col, value in merged:
        for r in range(min_row, max_row + 1):
            if r - 1 >= len(rows):
                continue
            row = rows[r - 1]
            for c in range(min_col, max_col + 1):
                if c - 1 < len(row):
                    row[c - 1] = value
    return [(number, row) for number, row in enumerate(rows, start=1)]
