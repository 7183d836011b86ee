"""/baocao as a Phòng officer, a principal and a teacher see it (issue: reports)."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from bot.offline import OfflineTelegram
from bot.spreadsheets import read_table
from bot.storage import Database
from tests.conftest import ADMIN_ID

PHUC, LAN, BINH = "0904000001", "0912345678", "0912000002"


async def test_a_phong_officer_gets_the_district_table_chart_and_phu_luc_files(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    from bot.services.imports import import_status

    status = ("Số điện thoại,Mô đun 1,TEMIS tự đánh giá,TEMIS đánh giá GV\n"
              "0912000001,đạt,đã hoàn thành,\n0912000002,đạt,đã hoàn thành,\n"
              "0912345678,đạt,đã hoàn thành,đã hoàn thành\n")
    assert (await import_status(demo_db, read_table(status.encode(), "s.csv"), actor="t")).ok
    phuc = telegram.user(int(PHUC), phone=PHUC)
    await phuc.share_contact()
    replies = await phuc.send("/baocao")
    table = replies[0]
    assert "Huyện Hòa An" in table.text and "3/10" in table.text
    [chart] = [m for m in replies if m.kind == "photo"]
    assert chart.content is not None and chart.content.startswith(b"\x89PNG")
    [excel] = await phuc.press("Phụ lục 5")
    workbook = load_workbook(io.BytesIO(excel.content))
    sheet = workbook.active
    rows = [r for r in sheet.iter_rows(values_only=True) if r and isinstance(r[0], int)]
    assert len(rows) == 7  # 10 staff of the district's two schools, 3 finished
    assert all("Võ Thị Sáu" not in str(r) for r in rows)
    async with demo_db.reader.execute(
            "SELECT action, detail FROM audit_log WHERE action LIKE 'export.%'") as cur:
        [(action, detail)] = await cur.fetchall()
    assert action == "export.phu_luc_5" and '"rows": 7' in detail


async def test_teachers_get_no_report_and_principals_only_their_school(
        telegram: OfflineTelegram) -> None:
    teacher = telegram.user(int(BINH), phone=BINH)
    await teacher.share_contact()
    [refused] = await teacher.send("/baocao")
    assert "không dành cho vai trò" in refused.text
    lan = telegram.user(int(LAN), phone=LAN)
    await lan.share_contact()
    table = (await lan.send("/baocao"))[0]
    assert "Trường TH Kim Đồng" in table.text and "Lê Lợi" not in table.text
    admin_table = (await telegram.user(ADMIN_ID).send("/baocao"))[0]
    assert "24" in admin_table.text or "/2" in admin_table.text
