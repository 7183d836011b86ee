"""The bot keeps answering while an admin's spreadsheet is read, and bad files get a clear
message instead of "Đã có lỗi" (issue 13, items 1 and 6)."""

from __future__ import annotations

import asyncio
import threading

import pytest

from bot import spreadsheets
from bot.domain.roster import TEMPLATE_HEADERS
from bot.offline import OfflineTelegram
from tests.conftest import ADMIN_ID
from tests.unit.test_spreadsheet_limits import rewrite_sheet, workbook_bytes

QUESTION = "hạn chót hoàn thành mô đun 1 là ngày nào"


async def test_a_guest_is_answered_while_a_spreadsheet_is_being_read(
        telegram: OfflineTelegram, monkeypatch: pytest.MonkeyPatch) -> None:
    guest_answered = threading.Event()
    seen_during_read: list[bool] = []
    real_read = spreadsheets.read_table

    def slow_read(data: bytes, filename: str = "") -> list:
        # A big file takes seconds to read; this one waits (at most 5 s) for the guest.
        seen_during_read.append(guest_answered.wait(timeout=5))
        return real_read(data, filename)

    monkeypatch.setattr(spreadsheets, "read_table", slow_read)
    admin = telegram.user(ADMIN_ID)
    roster = ",".join(TEMPLATE_HEADERS) + "\nNgười Mới,,0912999001,Giáo viên,TH,TH A,Huyện Y,\n"
    importing = asyncio.create_task(admin.send_document("ds.csv", roster.encode()))
    await asyncio.sleep(0.05)  # the import has started and is reading
    [answer] = await telegram.user(931, "Khách").send(QUESTION)
    assert "30/3" in answer.text
    guest_answered.set()
    [done] = await asyncio.wait_for(importing, timeout=10)
    assert seen_during_read == [True], "the guest waited for the import"
    assert "1 người mới" in done.text or "1 mới" in done.text


def truncated_xlsx() -> bytes:
    rows = [list(TEMPLATE_HEADERS)] + [[f"Người {i}", "", f"09120{i:05d}", "Giáo viên", "TH",
                                         "TH A", "Huyện Y", ""] for i in range(100)]
    return rewrite_sheet(workbook_bytes({}, rows), lambda xml: xml[: len(xml) // 2])


async def test_damaged_and_oversized_files_get_a_clear_message(
        telegram: OfflineTelegram) -> None:
    admin = telegram.user(ADMIN_ID)
    [damaged] = await admin.send_document("ds.xlsx", truncated_xlsx())
    assert "bị hỏng hoặc không đầy đủ" in damaged.text and "Đã có lỗi" not in damaged.text
    long_cell = (",".join(TEMPLATE_HEADERS) + '\n"' + "x" * 140_000 + '"\n').encode()
    [refused] = await admin.send_document("ds.csv", long_cell)
    assert "Dòng 2 của tệp CSV" in refused.text and "128 KB" in refused.text
    [huge] = await admin.send_document("ds.xlsx", workbook_bytes({"XFD1048576": "x"}))
    assert "tối đa 100.000 dòng và 100 cột" in huge.text
