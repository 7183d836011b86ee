"""Files that unpack to far more than they weigh are refused with one line naming the limit,
before or while they are parsed (issue 19, item 3). Time and memory: benchmarks/bench_bombs.py."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

import pytest

from benchmarks import bombs
from benchmarks.bombs import SHEET, sheet_parts
from bot.i18n import translator
from bot.spreadsheets import SpreadsheetError, read_table


def _refusal(data: bytes) -> str:
    """The Vietnamese line an officer reads for ``data`` sent as a roster."""
    with pytest.raises(SpreadsheetError) as caught:
        read_table(data, "ds.xlsx")
    _ = translator("vi").gettext
    line = _(caught.value.message).format(**caught.value.params)
    assert "\n" not in line and _(caught.value.message) != caught.value.message  # in Vietnamese
    return line


def _sheet(rows: Iterator[bytes]) -> bytes:
    return bombs.replace_member(bombs.small_workbook(), SHEET, sheet_parts(rows))


def test_a_400_mb_cell_in_a_410_kb_file_is_refused_by_what_the_sheet_unpacks_to() -> None:
    data = bombs.xlsx_with_huge_cell(400)
    assert len(data) < 500 * 1024
    line = _refusal(data)
    assert "xl/worksheets/sheet1.xml" in line and "400 MB" in line and "128 MB" in line


def test_30_million_empty_rows_in_a_265_kb_file_are_refused() -> None:
    data = bombs.xlsx_with_empty_rows(30_000_000)
    assert len(data) < 300 * 1024
    assert "172 MB" in _refusal(data)


def test_a_cell_longer_than_excel_allows_is_refused_while_streaming() -> None:
    """Within the sheet's size limit, so only the guard on the stream can stop it."""
    def rows() -> Iterator[bytes]:
        yield b'<row r="1"><c r="A1" t="inlineStr"><is><t>'
        yield from bombs.repeat(b"A", 100 * 2**20)
        yield b"</t></is></c></row>"
    assert "32.767" in _refusal(_sheet(rows()))


def test_empty_rows_past_the_row_limit_are_refused_while_streaming() -> None:
    line = _refusal(_sheet(bombs.repeat(b"<row/>", 5_000_000)))
    assert "100.010" in line and "dòng" in line


def test_a_row_of_a_million_tags_is_refused_before_it_is_built() -> None:
    def rows() -> Iterator[bytes]:
        yield b'<row r="1">'
        yield from bombs.repeat(b"<c/>", 1_000_000)
        yield b"</row>"
    assert "50.000" in _refusal(_sheet(rows()))


def test_elements_nested_deeper_than_the_limit_are_refused() -> None:
    def rows() -> Iterator[bytes]:
        yield b'<row r="1"><c r="A1">'
        yield from bombs.repeat(b"<x>", 10_000)
        yield from bombs.repeat(b"</x>", 10_000)
        yield b"</c></row>"
    assert "256" in _refusal(_sheet(rows()))


def test_millions_of_shared_strings_are_refused_before_openpyxl_reads_them() -> None:
    head = (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats'
            b'.org/spreadsheetml/2006/main">')
    parts = iter([head, *bombs.repeat(b"<si><t/></si>", 1_200_000), b"</sst>"])
    data = bombs.replace_member(bombs.small_workbook(), "xl/sharedStrings.xml", parts)
    assert "1.000.000" in _refusal(data)


def test_a_zip_of_too_many_parts_is_refused_before_they_are_listed() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for n in range(10_001):
            archive.writestr(f"x/{n}", b"")
    assert "10.000" in _refusal(out.getvalue())


def test_an_ordinary_workbook_still_reads() -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for n in range(2000):
        sheet.append([f"Người {n}", f"Trường {n % 7}", 0.5 * n])
    out = io.BytesIO()
    workbook.save(out)
    rows = read_table(out.getvalue(), "ds.xlsx")
    assert len(rows) == 2000 and rows[-1][1][0] == "Người 1999"


def test_a_csv_with_a_null_byte_is_called_damaged_not_the_wrong_type() -> None:
    with pytest.raises(SpreadsheetError) as caught:
        read_table("Họ và tên,Trường\nLan,\x00THCS\n".encode(), "ds.csv")
    line = translator("vi").gettext(caught.value.message)
    assert "bị hỏng" in line and "CSV UTF-8" in line and ".xlsx" not in line


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 4096])
def test_a_balanced_document_read_in_any_chunk_size_is_never_too_deep(chunk: int) -> None:
    """Tags cut in two between reads ("<" | "/v>", "/" | ">") once added a level each, and a
    legitimate 114 MB sheet was refused as nested 256 levels deep."""
    import re

    from bot.archive_limits import GuardedXml, XmlLimits

    rows = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c><c r="B%d"/><?pi x?><!-- c --></row>'
                    % (n, n, n) for n in range(1, 3001))
    limits = XmlLimits(longest_text=100, record=re.compile(rb"<row[\s/>]"), max_records=5000,
                       too_many_records=ValueError, max_depth=5)  # 4 + a "<" not yet known to end
    guarded = GuardedXml(io.BytesIO(b"<sheetData>" + rows + b"</sheetData>"), limits)
    while guarded.read(chunk):
        pass
