"""An admin sends a scanned letter; the bot reads it by OCR while it keeps answering others,
and quotes it as a scan once the admin has checked and saved it (issue 22)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence
from pathlib import Path

import pytest

from bot.app import Services, offline_telegram
from bot.knowledge import ocr
from bot.offline import OfflineTelegram
from bot.pacing import RateLimits, SimulatedClock
from bot.storage import Database
from tests.conftest import ADMIN_ID, FakeClock
from tests.conversations.test_cli_errors import troly
from tests.scanned_letters import blank_scan_pdf, scanned_letter_pdf

CURATED = "hạn chót hoàn thành mô đun 1 là ngày nào"
ONLY_IN_THE_SCAN = "tổng thời lượng khóa bồi dưỡng STEM là bao nhiêu tiết ạ"
AS_SCAN = "(bản scan, đã nhận dạng chữ)"
READING = "Đang đọc bản scan (2 trang)…"


async def _letters(db: Database) -> list[tuple[str, int]]:
    async with db.reader.execute("SELECT number, scanned FROM letters") as cur:
        return [(r[0], r[1]) for r in await cur.fetchall()]


async def _asked_after_restart(services: Services, clock: FakeClock, question: str) -> str:
    restarted = Services(settings=services.settings, db=services.db, clock=clock,
                         limits=RateLimits(clock=SimulatedClock()))
    offline = await offline_telegram(restarted)
    try:
        [answer] = await offline.user(952).send(question)
        return answer.text
    finally:
        await offline.application.shutdown()


async def test_a_scan_is_read_while_others_are_answered_then_quoted_as_a_scan(
        telegram: OfflineTelegram, services: Services, clock: FakeClock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    guest_answered = threading.Event()
    waited: list[bool] = []
    real_read = ocr.read_pages

    def read_after_the_guest(images: Sequence[tuple[int, bytes]]) -> ocr.ScanReading:
        waited.append(guest_answered.wait(timeout=20))  # OCR is under way meanwhile
        return real_read(images)

    monkeypatch.setattr(ocr, "read_pages", read_after_the_guest)
    admin, guest = telegram.user(ADMIN_ID), telegram.user(951, "Khách")
    reading = asyncio.create_task(admin.send_document("cv_1375_scan.pdf", scanned_letter_pdf()))
    for _ in range(400):
        if any(m.text == READING for m in telegram.api.messages_to(ADMIN_ID)):
            break
        await asyncio.sleep(0.05)
    [answer] = await guest.send(CURATED)
    assert "30/3" in answer.text and not reading.done()
    guest_answered.set()
    said, preview = await asyncio.wait_for(reading, timeout=120)
    assert said.text == READING and waited == [True]
    assert "Đọc từ bản scan (nhận dạng chữ)" in preview.text
    assert "Công văn số 1375/SGDĐT-GDTrH" in preview.text and "12/3/2027" in preview.text
    assert await _letters(services.db) == []  # nothing before the officer confirms
    saved, _dates = await admin.press("✅ Lưu", preview)
    assert "Đã lưu công văn #1" in saved.text
    assert await _letters(services.db) == [("1375/SGDĐT-GDTrH", 1)]
    [quoted] = await guest.send(ONLY_IN_THE_SCAN)
    assert "120 tiết" in quoted.text and AS_SCAN in quoted.text
    assert AS_SCAN in await _asked_after_restart(services, clock, ONLY_IN_THE_SCAN)


async def test_a_blank_scan_is_refused_clearly_and_nothing_is_stored(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    admin = telegram.user(ADMIN_ID)
    said, refused = await admin.send_document("scan.pdf", blank_scan_pdf())
    assert said.text == "Đang đọc bản scan (1 trang)…"
    assert "không đọc được chữ nào trong bản scan" in refused.text and ".docx" in refused.text
    assert not refused.button_texts
    assert await _letters(demo_db) == []


async def test_troly_letters_add_reads_a_scan_and_the_bot_quotes_it_as_a_scan(
        tmp_path: Path, services: Services, clock: FakeClock) -> None:
    folder = tmp_path
    (folder / "cv_1375_scan.pdf").write_bytes(scanned_letter_pdf())
    code, out, err = await troly(["letters", "add", "cv_1375_scan.pdf"], folder,
                                 TROLY_DB_PATH=str(services.db.path))
    assert code == 0, out + err
    assert READING in err and "Đọc từ bản scan" in out and "1375/SGDĐT-GDTrH" in out
    assert await _letters(services.db) == [("1375/SGDĐT-GDTrH", 1)]
    text = await _asked_after_restart(services, clock,
                                      "lien he ai khi can ho tro ve khoa boi duong STEM")
    assert "0251 3946 210" in text and AS_SCAN in text

