"""Spreadsheets that would freeze or kill the bot are refused quickly, with a clear message;
what a program wrote (uncalculated formulas, serial dates) is read honestly (issue 13, item 1)."""

from __future__ import annotations

import asyncio
import io
import re
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from bot import spreadsheets
from bot.campaigns import bundled
from bot.cli import main as cli_main
from bot.domain.roster import TEMPLATE_HEADERS, parse_roster
from bot.domain.status_sheet import parse_status
from bot.spreadsheets import SpreadsheetError, read_table, read_table_in_thread

HEADER = ",".join(TEMPLATE_HEADERS)


def workbook_bytes(cells: dict[str, object], rows: list[list[object]] | None = None) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in rows or []:
        ws.append(row)
    for ref, value in cells.items():
        ws[ref] = value
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def rewrite_sheet(data: bytes, change: Callable[[bytes], bytes]) -> bytes:
    """The same .xlsx with its first sheet's XML changed (a lying or missing dimension…)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = change(content)
            target.writestr(info, content)
    return out.getvalue()


def no_dimension(xml: bytes) -> bytes:
    return re.sub(rb"<dimension[^>]*/>", b"", xml)


def lying_dimension(xml: bytes) -> bytes:
    return re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:B2"/>', xml)


@pytest.mark.parametrize("corner", ["A1048576", "XFD1048576", "XFD1", "A100011", "CW2"])
@pytest.mark.parametrize("dimension", [None, no_dimension, lying_dimension])
def test_a_sheet_reaching_past_the_limits_is_refused(
        corner: str, dimension: Callable[[bytes], bytes] | None) -> None:
    data = workbook_bytes({"A1": "Họ và tên", corner: "x"})
    if dimension is not None:
        data = rewrite_sheet(data, dimension)
    assert len(data) < 6000  # a few kilobytes that describe a huge sheet
    with pytest.raises(SpreadsheetError) as caught:
        read_table(data, "ds.xlsx")
    message = caught.value.message.format(**caught.value.params)
    assert "at most 100.000 rows and 100 columns" in message
    assert "delete the empty rows and columns" in message


def test_the_largest_allowed_corner_is_read() -> None:
    """100,000 people below a header and a few title rows."""
    rows = read_table(workbook_bytes({"A1": "Họ và tên", "CV100010": "x"}), "ds.xlsx")
    assert [n for n, _ in rows] == [1, 100_010] and len(rows[1][1]) == 100


def test_a_csv_past_the_row_limit_is_refused_while_reading() -> None:
    data = (HEADER + "\n" + "a,,0912000111,Giáo viên,TH,A,B,\n" * 100_000).encode()
    assert len(read_table(data, "ds.csv")) == 100_001  # 100,000 people and the header
    data += ("a,,0912000111,Giáo viên,TH,A,B,\n" * 10).encode()
    with pytest.raises(SpreadsheetError) as caught:
        read_table(data, "ds.csv")
    assert caught.value.params["row"] == "100.011"


def test_a_truncated_xlsx_is_refused_as_damaged() -> None:
    rows = [list(TEMPLATE_HEADERS)] + [[f"Người {i}", "", f"09120{i:05d}", "Giáo viên", "TH",
                                         "TH A", "Huyện Y", ""] for i in range(200)]
    data = rewrite_sheet(workbook_bytes({}, rows), lambda xml: xml[: len(xml) // 2])
    with pytest.raises(SpreadsheetError) as caught:
        read_table(data, "ds.xlsx")
    assert "damaged or incomplete" in caught.value.message


def test_a_csv_cell_over_128_kib_is_named_by_its_row() -> None:
    data = (HEADER + "\nA,,0912000111,Giáo viên,TH,A,B,\n\"" + "x" * 140_000 + "\",,\n").encode()
    with pytest.raises(SpreadsheetError) as caught:
        read_table(data, "ds.csv")
    assert caught.value.params == {"row": 3}
    assert "longer than 128 KB" in caught.value.message


@pytest.mark.parametrize(("name", "content", "says"), [
    ("ds.csv", (HEADER + "\n\"" + "x" * 140_000 + "\"\n").encode(), "Dòng 2 của tệp CSV"),
    ("ds.xlsx", None, "hỏng hoặc không đầy đủ"),
])
def test_the_cli_prints_one_line_and_no_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        name: str, content: bytes | None, says: str) -> None:
    if content is None:
        content = rewrite_sheet(workbook_bytes({"A1": "Họ và tên", "A50": "x"}),
                                lambda xml: xml[:-40])
    path = tmp_path / name
    path.write_bytes(content)
    monkeypatch.setenv("TROLY_DB_PATH", str(tmp_path / "db.sqlite3"))
    code = cli_main(["import-roster", str(path)])
    out, err = capsys.readouterr()
    assert code != 0 and "Traceback" not in out + err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and says in lines[0]


def test_a_formula_never_calculated_is_reported_as_such_not_as_a_missing_name() -> None:
    rows = [list(TEMPLATE_HEADERS),
            ["=CONCATENATE(\"Nguyễn\",\" An\")", "", "0912000111", "Giáo viên", "TH", "TH A",
             "Huyện Y", ""],
            ["Lê Bình", "", "=\"0912000222\"", "Giáo viên", "TH", "TH A", "Huyện Y", ""]]
    parsed = parse_roster(read_table(workbook_bytes({}, rows), "ds.xlsx"))
    messages = {e.row: e.message.format(**e.params) for e in parsed.errors}
    assert set(messages) == {2, 3}
    assert "cell A2 holds a formula that was never calculated" in messages[2]
    assert "cell C3 holds a formula" in messages[3]
    assert not any("missing" in m for m in messages.values())


def test_a_formula_never_calculated_in_a_status_sheet_is_reported() -> None:
    rows = [["Số điện thoại", "Mô đun 1"], ["0912000111", "=IF(1,\"x\",\"\")"]]
    parsed = parse_status(read_table(workbook_bytes({}, rows), "tt.xlsx"), bundled())
    [error] = parsed.errors
    assert error.row == 2 and error.params == {"cells": "B2"}


def test_dates_of_birth_stored_as_excel_serial_numbers_are_read() -> None:
    row = ["Nguyễn An", 31046, "0912000111", "Giáo viên", "TH", "TH A", "Huyện Y", ""]
    from_xlsx = parse_roster(read_table(workbook_bytes({}, [list(TEMPLATE_HEADERS), row]),
                                        "ds.xlsx"))
    from_csv = parse_roster(read_table(
        (HEADER + "\nLê Bình,31047,0912000222,Giáo viên,TH,TH A,Huyện Y,\n").encode(), "a.csv"))
    assert from_xlsx.errors == [] and from_csv.errors == []
    assert str(from_xlsx.entries[0].birth_date) == "1984-12-30"  # as Excel shows serial 31046
    assert str(from_csv.entries[0].birth_date) == "1984-12-31"
    year_only = parse_roster(read_table(
        (HEADER + "\nLê Bình,1985,0912000222,Giáo viên,TH,TH A,Huyện Y,\n").encode(), "a.csv"))
    assert "not a date" in year_only.errors[0].message


async def test_files_are_read_in_a_worker_thread_one_at_a_time(
        monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[int] = []
    overlapping = threading.Lock()

    def recording_read(data: bytes, filename: str = "") -> list:
        assert overlapping.acquire(blocking=False), "two files read at once"
        threads.append(threading.get_ident())
        overlapping.release()
        return []

    monkeypatch.setattr(spreadsheets, "read_table", recording_read)
    await asyncio.gather(*(read_table_in_thread(b"", "x.csv") for _ in range(3)))
    assert len(threads) == 3 and threading.get_ident() not in threads
