"""Multi-step input as people live it: a command mid-flow runs, a wait ends after ten minutes
with a message, and a wait survives a restart of the bot (issue 13, item 5)."""

from __future__ import annotations

import datetime as dt

from bot.app import Services, offline_telegram
from bot.offline import OfflineTelegram, SimulatedUser
from bot.storage import Database
from handlers.flows import end_expired
from tests.conftest import FakeClock
from tests.conversations.test_tasks_and_approvals import HOA, move, signed_in, state_of
from tests.default_campaign import TaskCode


async def asked_for_a_reason(telegram: OfflineTelegram) -> SimulatedUser:
    hoa = await signed_in(telegram, HOA)
    await move(hoa, "BC MĐ4", "Chưa triển khai")
    await hoa.send("/tiendo")
    await hoa.press("BC MĐ4")
    [ask] = await hoa.press("↩ chưa nộp")
    assert "cần ghi lý do" in ask.text
    return hoa


async def test_a_command_typed_instead_of_the_reason_runs_and_ends_the_wait(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    hoa = await asked_for_a_reason(telegram)
    [tasks] = await hoa.send("/tiendo")
    assert "Việc của Thầy/Cô" in tasks.text and "Đã huỷ" not in tasks.text
    [answer] = await hoa.send("hạn chót mô đun 1 là ngày nào")
    assert "Đã cập nhật" not in answer.text  # a question now, not the reason
    assert await state_of(demo_db, HOA, TaskCode.REPORT_M4) == "not_rolled_out"


async def test_huy_cancels_the_wait(telegram: OfflineTelegram, demo_db: Database) -> None:
    hoa = await asked_for_a_reason(telegram)
    [cancelled] = await hoa.send("/huy")
    assert "Đã huỷ" in cancelled.text
    await hoa.send("Bấm nhầm")
    assert await state_of(demo_db, HOA, TaskCode.REPORT_M4) == "not_rolled_out"


async def test_a_wait_ends_after_ten_minutes_with_a_message(
        telegram: OfflineTelegram, services: Services, clock: FakeClock,
        demo_db: Database) -> None:
    hoa = await asked_for_a_reason(telegram)
    clock.now += dt.timedelta(minutes=9)
    assert await end_expired(services) == 0
    clock.now += dt.timedelta(minutes=2)
    assert await end_expired(services) == 1
    [over] = telegram.api.messages_to(hoa.user_id)[-1:]
    assert "10 phút" in over.text and "/tiendo" in over.text
    await hoa.send("Bấm nhầm, chưa nộp thật")
    assert await state_of(demo_db, HOA, TaskCode.REPORT_M4) == "not_rolled_out"
    assert await end_expired(services) == 0  # told once


async def test_a_late_reply_before_the_timeout_job_ran_is_not_taken(
        telegram: OfflineTelegram, clock: FakeClock, demo_db: Database) -> None:
    hoa = await asked_for_a_reason(telegram)
    clock.now += dt.timedelta(minutes=11)
    [over] = await hoa.send("Bấm nhầm, chưa nộp thật")
    assert "10 phút" in over.text
    assert await state_of(demo_db, HOA, TaskCode.REPORT_M4) == "not_rolled_out"


async def test_a_wait_survives_a_restart(telegram: OfflineTelegram, services: Services,
                                         demo_db: Database) -> None:
    hoa = await asked_for_a_reason(telegram)
    await telegram.application.shutdown()

    restarted = Services(settings=services.settings, db=demo_db, clock=services.clock,
                         limits=services.limits)
    again = await offline_telegram(restarted)
    try:
        hoa_again = again.user(hoa.user_id, phone=HOA)
        [done] = await hoa_again.send("Bấm nhầm, chưa nộp thật")
        assert "Đã cập nhật" in done.text
        assert await state_of(demo_db, HOA, TaskCode.REPORT_M4) == "not_submitted"
    finally:
        await again.application.shutdown()


async def test_a_sticker_while_the_bot_waits_for_text_keeps_the_wait(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    hoa = await asked_for_a_reason(telegram)
    [note] = await hoa.send_raw(photo=[{"file_id": "p", "file_unique_id": "up", "width": 1,
                                        "height": 1}])
    assert "tin nhắn chữ" in note.text and "/huy" in note.text
    [done] = await hoa.send("Bấm nhầm, chưa nộp thật")
    assert "Đã cập nhật" in done.text
