"""Attacks that once worked against the real Application (issue 10), now refused."""

from __future__ import annotations

from bot.offline import OfflineTelegram
from bot.services.imports import import_roster
from bot.spreadsheets import read_table
from bot.storage import Database
from bot.storage.accounts import account_by_telegram_id

ROSTER_HEADER = "Họ và tên,Ngày sinh,Số điện thoại,Chức vụ,Cấp học,Trường,Quận/Huyện,Cốt cán\n"


async def add_to_roster(db: Database, *lines: str) -> None:
    rows = read_table((ROSTER_HEADER + "\n".join(lines) + "\n").encode(), "them.csv")
    report = await import_roster(db, rows, actor="test", so_name="Sở GD&ĐT Bình Phước")
    assert report.ok, report.errors


async def test_a_foreign_contact_is_refused_not_padded_into_a_teachers_number(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    await add_to_roster(demo_db, "Đào Thị Vân,,0376612345,Giáo viên,TH,Trường TH Kim Đồng,"
                                 "Huyện Hòa An,")
    andorran = telegram.user(601, "Jordi")
    [refusal] = await andorran.share_contact("376612345")  # Andorra, as Telegram sends it
    assert "nước ngoài" in refusal.text and "khách" in refusal.text
    assert "Đào Thị Vân" not in refusal.text
    assert await account_by_telegram_id(demo_db.reader, 601) is None
    [audit_row] = await demo_db.reader.execute_fetchall(
        "SELECT action FROM audit_log WHERE actor = 'tg:601'")
    assert audit_row[0] == "signup.foreign_phone"

    teacher = telegram.user(602, "Vân")
    [welcome] = await teacher.share_contact("84376612345")  # the teacher herself
    assert "Đào Thị Vân" in welcome.text
