"""Roster import: header matching, every bad row reported, all-or-nothing, upsert by phone."""

from __future__ import annotations

import asyncio
import io
import unicodedata

import pytest
from openpyxl import Workbook

from bot.domain.people import Level, Role
from bot.services.imports import ImportInProgress, import_roster
from bot.spreadsheets import SpreadsheetError, read_table
from bot.storage import Database
from bot.storage.people import count_people, person_by_phone, profile_of

HEADER = "Họ và tên,Ngày sinh,Số điện thoại,Chức vụ,Cấp học,Trường,Quận/Huyện,Cốt cán"


def csv_rows(*lines: str, header: str = HEADER, bom: bool = False) -> list:
    data = ("\n".join([header, *lines]) + "\n").encode()
    return read_table((b"\xef\xbb\xbf" if bom else b"") + data, "roster.csv")


def xlsx_bytes(rows: list[list[object]], merge: str | None = None) -> bytes:
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    if merge:
        ws.merge_cells(merge)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


async def test_headers_match_without_case_diacritics_or_spacing(db: Database) -> None:
    rows = csv_rows("Nguyễn Văn A,,0912 345 678,giao vien,thcs,Trường THCS X,Huyện Y,x",
                    header="HO VA TEN, ngay sinh ,so dien thoai,CHỨC VỤ,cap hoc,truong,"
                           "xa/phuong,cot can")
    report = await import_roster(db, rows, actor="test")
    assert report.ok and report.created == 1
    person = await person_by_phone(db.reader, "0912345678")
    assert person is not None and person.role is Role.TEACHER and person.is_core
    assert person.level is Level.THCS


async def test_csv_with_bom_and_semicolons_is_read(db: Database) -> None:
    text = HEADER.replace(",", ";") + "\nLê Thị B;;0987654321;Hiệu trưởng;TH;TH A;Huyện Y;\n"
    rows = read_table(b"\xef\xbb\xbf" + text.encode(), "ds.csv")
    report = await import_roster(db, rows, actor="test")
    assert report.ok, report.errors
    person = await person_by_phone(db.reader, "0987654321")
    assert person is not None and person.role is Role.PRINCIPAL


async def test_every_bad_row_is_reported_and_nothing_is_written(db: Database) -> None:
    rows = csv_rows(
        "Người Tốt,,0912000111,Giáo viên,TH,TH A,Huyện Y,",
        "Thiếu Số,,,Giáo viên,TH,TH A,Huyện Y,",
        "Sai Chức Vụ,,0912000222,Bảo vệ,TH,TH A,Huyện Y,",
        "Sai Cấp,,0912000333,Giáo viên,Đại học,TH A,Huyện Y,",
        "Trùng Số,,0912 000 111,Giáo viên,TH,TH A,Huyện Y,",
        "Không Trường,,0912000444,Giáo viên,TH,,Huyện Y,",
    )
    report = await import_roster(db, rows, actor="test")
    assert not report.ok
    by_row = {e.row: e for e in report.errors}
    assert set(by_row) == {3, 4, 5, 6, 7}
    assert "missing phone" in by_row[3].message
    assert "unknown role" in by_row[4].message and by_row[4].params["value"] == "Bảo vệ"
    assert "unknown level" in by_row[5].message
    assert by_row[6].params == {"other": 2}
    assert "school" in by_row[7].message
    assert await count_people(db.reader) == 0


async def test_a_bad_row_leaves_an_existing_roster_unchanged(demo_db: Database) -> None:
    before = await count_people(demo_db.reader)
    rows = csv_rows("Trần Thị Lan Đổi Tên,,0912345678,Hiệu trưởng,TH,TH Kim Đồng,Huyện Hòa An,",
                    "Hỏng,,0912,Giáo viên,TH,TH A,Huyện Y,")
    report = await import_roster(demo_db, rows, actor="test")
    assert not report.ok
    assert await count_people(demo_db.reader) == before
    person = await person_by_phone(demo_db.reader, "0912345678")
    assert person is not None and person.full_name == "Trần Thị Lan"


async def test_reimport_updates_the_person_with_that_phone(demo_db: Database) -> None:
    before = await count_people(demo_db.reader)
    rows = csv_rows("Trần Thị Lan,,+84 912 345 678,Giáo viên,TH,Trường TH Kim Đồng,"
                    "Huyện Hòa An,")
    report = await import_roster(demo_db, rows, actor="test")
    assert (report.created, report.updated) == (0, 1)
    assert await count_people(demo_db.reader) == before
    person = await person_by_phone(demo_db.reader, "0912345678")
    assert person is not None and person.role is Role.TEACHER and not person.is_core


async def test_units_form_the_tree_of_the_roster(demo_db: Database) -> None:
    teacher = await person_by_phone(demo_db.reader, "0912000001")
    assert teacher is not None
    profile = await profile_of(demo_db.reader, teacher)
    assert profile.school is not None and profile.school.name == "Trường TH Kim Đồng"
    assert profile.managing_unit is not None and profile.managing_unit.name == "Huyện Hòa An"
    assert profile.so is not None
    thpt = await person_by_phone(demo_db.reader, "0915000003")
    assert thpt is not None
    thpt_profile = await profile_of(demo_db.reader, thpt)
    assert thpt_profile.managing_unit is not None
    assert thpt_profile.managing_unit.kind.value == "so"


async def test_nfd_names_are_stored_in_nfc(db: Database) -> None:
    name = unicodedata.normalize("NFD", "Nguyễn Thị Hoà")
    rows = csv_rows(f"{name},,0912000999,Giáo viên,TH,TH A,Huyện Y,")
    assert (await import_roster(db, rows, actor="test")).ok
    person = await person_by_phone(db.reader, "0912000999")
    assert person is not None
    assert person.full_name == unicodedata.normalize("NFC", "Nguyễn Thị Hoà")


async def test_xlsx_with_title_row_merged_cells_empty_rows_and_numeric_phones(
        db: Database) -> None:
    data = xlsx_bytes([
        ["DANH SÁCH GIÁO VIÊN NĂM HỌC 2026-2027"],
        ["Họ và tên", "Số điện thoại", "Chức vụ", "Cấp học", "Trường", "Quận/Huyện"],
        ["Giáo Viên Một", 912345001, "Giáo viên", "TH", "Trường TH Gộp Ô", "Huyện Y"],
        ["Giáo Viên Hai", 912345002.0, "Giáo viên", "TH", None, "Huyện Y"],
        [None, None, None, None, None, None],
        ["Giáo Viên Ba", "9.12345003E+08", "Giáo viên", "TH", "Trường TH Khác", "Huyện Y"],
    ], merge="E3:E4")
    report = await import_roster(db, read_table(data, "ds.xlsx"), actor="test")
    assert report.ok, report.errors
    assert report.created == 3
    second = await person_by_phone(db.reader, "0912345002")
    assert second is not None
    profile = await profile_of(db.reader, second)
    assert profile.school is not None and profile.school.name == "Trường TH Gộp Ô"
    assert await person_by_phone(db.reader, "0912345003") is not None


@pytest.mark.parametrize(("content", "name", "says"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "ds.xls", ".xls"),
    (b"%PDF-1.4 ...", "ds.pdf", "PDF"),
    (b"PK\x03\x04 not really a zip", "ds.xlsx", "could not be opened"),
    ("Họ và tên".encode("utf-16"), "ds.csv", "UTF-8"),
    (b"\x89PNG\r\n", "anh.png", "Only .xlsx and .csv"),
])
def test_files_that_are_not_the_expected_spreadsheet_are_refused(
        content: bytes, name: str, says: str) -> None:
    with pytest.raises(SpreadsheetError) as caught:
        read_table(content, name)
    assert says in caught.value.message


async def test_a_file_without_the_header_names_the_columns(db: Database) -> None:
    rows = read_table(b"Ten,SDT\nA,0912000111\n", "x.csv")
    report = await import_roster(db, rows, actor="test")
    assert not report.ok and report.errors[0].row == 0
    assert "Số điện thoại" in report.errors[0].message


async def test_two_imports_at_once_one_is_told_to_wait(db: Database) -> None:
    rows = csv_rows(*[f"Người {i},,09120{i:05d},Giáo viên,TH,TH A,Huyện Y," for i in range(2000)])
    results = await asyncio.gather(import_roster(db, rows, actor="a"),
                                   import_roster(db, rows, actor="b"), return_exceptions=True)
    assert sum(isinstance(r, ImportInProgress) for r in results) == 1
    assert await count_people(db.reader) == 2000
