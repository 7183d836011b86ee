"""An admin sends the Sở's letter; from that minute the bot quotes it (issue 12)."""

from __future__ import annotations

from bot.app import Services, offline_telegram
from bot.offline import OfflineTelegram
from bot.pacing import RateLimits, SimulatedClock
from bot.storage import Database
from tests.conftest import ADMIN_ID, FakeClock
from tests.letter_files import letter_docx, letter_pdf, scanned_pdf

QUESTION = "mô đun trí tuệ nhân tạo học trên nền tảng nào ạ"
CITATION = "Theo Công văn số 2468/SGDĐT-TCCB ngày 15/01/2027 của Sở GD&amp;ĐT Đồng Nai, mục 1"


async def _count(db: Database, sql: str) -> int:
    async with db.reader.execute(sql) as cur:
        row = await cur.fetchone()
    return int(row[0]) if row else 0


async def test_a_letter_sent_by_the_admin_is_previewed_saved_quoted_and_removed(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    guest = telegram.user(801)
    [before] = await guest.send(QUESTION)
    assert "VNEdu" not in before.text
    admin = telegram.user(ADMIN_ID)
    [preview] = await admin.send_document("cong_van_2468.docx", letter_docx())
    assert "2468/SGDĐT-TCCB" in preview.text and "15/01/2027" in preview.text
    assert "Sở GD&amp;ĐT Đồng Nai" in preview.text and "2. Chế độ báo cáo › a)" in preview.text
    assert "15/05/2027" in preview.text
    assert await _count(demo_db, "SELECT COUNT(*) FROM letters") == 0  # not before confirming
    saved, dates = await admin.press("✅ Lưu", preview)
    assert "Đã lưu công văn #1" in saved.text
    assert dates.button_texts == ["➕ Hạn chót 15/05/2027", "➕ Hạn chót 20/05/2027"]
    deadlines = await _count(demo_db, "SELECT COUNT(*) FROM deadlines")  # none activated yet
    [added] = await admin.press("➕ Hạn chót 15/05/2027", dates)
    assert "Đã thêm hạn chót" in added.text
    assert await _count(demo_db, "SELECT COUNT(*) FROM deadlines") == deadlines + 1
    [again] = await admin.press("➕ Hạn chót 15/05/2027", dates)
    assert "đã được thêm" in again.text
    assert await _count(demo_db, "SELECT COUNT(*) FROM deadlines") == deadlines + 1

    [quoted] = await guest.send(QUESTION)
    assert "VNEdu Learning" in quoted.text and CITATION in quoted.text
    assert quoted.button_texts[-1] == "🙋 Hỏi cán bộ hỗ trợ"

    [listing] = await admin.send("/congvan")
    assert "#1" in listing.text and "2468/SGDĐT-TCCB" in listing.text
    [confirm] = await admin.press("🗑 Gỡ #1", listing)
    [removed] = await admin.press("🗑 Gỡ", confirm)
    assert "Đã gỡ công văn #1" in removed.text
    [after] = await guest.send(QUESTION)
    assert "VNEdu" not in after.text and "Theo Công văn" not in after.text
    assert await _count(demo_db, "SELECT COUNT(*) FROM letters") == 0
    async with demo_db.reader.execute(
            "SELECT action FROM audit_log WHERE subject = 'letter:1' ORDER BY id") as cur:
        assert [r[0] for r in await cur.fetchall()] == ["letter.add", "letter.remove"]


async def test_a_stored_letter_is_quoted_again_after_a_restart(
        telegram: OfflineTelegram, services: Services, clock: FakeClock) -> None:
    admin = telegram.user(ADMIN_ID)
    [preview] = await admin.send_document("cv.pdf", letter_pdf())
    await admin.press("✅ Lưu", preview)
    restarted = Services(settings=services.settings, db=services.db, clock=clock,
                         limits=RateLimits(clock=SimulatedClock()))
    assert not len(restarted.engine.letters)
    offline = await offline_telegram(restarted)
    try:
        [quoted] = await offline.user(802).send(QUESTION)
        assert CITATION in quoted.text
    finally:
        await offline.application.shutdown()


async def test_a_scanned_pdf_is_refused_and_nothing_is_stored(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    admin = telegram.user(ADMIN_ID)
    said, refused = await admin.send_document("scan.pdf", scanned_pdf())
    assert said.text == "Đang đọc bản scan (1 trang)…"
    assert "bản scan" in refused.text and ".docx" in refused.text
    assert not refused.button_texts
    assert await _count(demo_db, "SELECT COUNT(*) FROM letters") == 0
    [cancelled] = await admin.press_data("lt:do:save", refused)
    assert "đã được lưu hoặc đã huỷ" in cancelled.text
    assert await _count(demo_db, "SELECT COUNT(*) FROM letters") == 0


async def test_only_admins_add_or_remove_letters(telegram: OfflineTelegram,
                                                 demo_db: Database) -> None:
    teacher = telegram.user(803)
    await teacher.share_contact("0912000003")
    [refused] = await teacher.send_document("cv.docx", letter_docx())
    assert "không dành cho vai trò" in refused.text
    [forged] = await teacher.press_data("lt:rm:1:1", refused)
    assert "không dành cho vai trò" in forged.text
    [listing] = await teacher.send("/congvan")
    assert "không dành cho vai trò" in listing.text
    assert await _count(demo_db, "SELECT COUNT(*) FROM letters") == 0


async def test_cancelling_the_preview_stores_nothing(telegram: OfflineTelegram,
                                                     demo_db: Database) -> None:
    admin = telegram.user(ADMIN_ID)
    [preview] = await admin.send_document("cv.docx", letter_docx())
    [cancelled] = await admin.press("✖ Huỷ", preview)
    assert "không có gì được lưu" in cancelled.text
    [late] = await admin.press("✅ Lưu", preview)
    assert "đã được lưu hoặc đã huỷ" in late.text
    assert await _count(demo_db, "SELECT COUNT(*) FROM letters") == 0
    [none] = await admin.send("/congvan")
    assert "Chưa có công văn" in none.text


async def test_forged_letter_buttons_change_nothing(telegram: OfflineTelegram,
                                                   demo_db: Database) -> None:
    admin = telegram.user(ADMIN_ID)
    [listing] = await admin.send("/congvan")
    for data in ("lt:do:burn", "lt:x", "lt:rm:99999999999999999999999", "lt:rm:²", "lt:dl:-1",
                 "lt:rm:5:1"):
        [refused] = await admin.press_data(data, listing)
        assert "không còn hiệu lực" in refused.text or "Không có công văn #5" in refused.text
    assert await _count(demo_db, "SELECT COUNT(*) FROM letters") == 0
