"""Without a support group, a question still reaches a person, and its answer comes back even
if the bot dies right after recording it (issue 13, items 3 and 4)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.app import Services
from bot.offline import OfflineTelegram
from bot.storage import Database
from scheduler.tickets import remind_stale_tickets
from tests.conftest import ADMIN_ID, FakeClock
from tests.conversations.test_notices import crash_after
from tests.conversations.test_security import tables_holding
from tests.conversations.test_support import BINH, PHUC, QUESTION, TUAN, ask_staff, staff


def with_button(telegram: OfflineTelegram, user_id: int, text: str) -> list:
    return [m for m in telegram.api.messages_to(user_id)
            if text in m.text and m.reply_markup is not None]


async def test_without_a_group_the_phongs_officers_get_the_question_and_answer_it(
        telegram: OfflineTelegram) -> None:
    phuc = await staff(telegram, PHUC)
    teacher = await staff(telegram, BINH)
    [told] = await ask_staff(teacher, QUESTION)
    assert "#1" in told.text and "cán bộ của Huyện Hòa An" in told.text
    [ticket] = with_button(telegram, phuc.user_id, "Câu hỏi #1")
    assert QUESTION in ticket.text and "Giáo viên, TH, Trường TH Kim Đồng" in ticket.text
    assert "0912" not in ticket.text and "Bình" not in ticket.text  # no phone, no name

    [prompt] = await phuc.press("#1", ticket)
    assert "gõ câu trả lời" in prompt.text
    await phuc.send("Thầy/Cô nộp đơn xin hoãn cho hiệu trưởng.")
    [answer] = [m for m in telegram.api.messages_to(teacher.user_id) if "Trả lời câu hỏi #1"
                in m.text]
    assert "nộp đơn xin hoãn" in answer.text


async def test_a_phong_without_officers_passes_it_to_the_so_and_the_admins(
        telegram: OfflineTelegram) -> None:
    tuan = await staff(telegram, TUAN)
    teacher = await staff(telegram, BINH)
    [told] = await ask_staff(teacher, QUESTION)
    assert "cán bộ Sở" in told.text and "chưa có cán bộ dùng Trợ lý" in told.text
    assert with_button(telegram, tuan.user_id, "Câu hỏi #1")
    assert with_button(telegram, ADMIN_ID, "Câu hỏi #1")  # an admin outside the roster


async def test_with_nobody_but_the_admins_a_guest_is_told_so(
        telegram: OfflineTelegram) -> None:
    [told] = await ask_staff(telegram.user(931), QUESTION)
    assert "quản trị viên" in told.text
    assert with_button(telegram, ADMIN_ID, "Câu hỏi #1")


async def test_the_overdue_nudge_reaches_officers_without_a_group(
        telegram: OfflineTelegram, services: Services, clock: FakeClock) -> None:
    phuc = await staff(telegram, PHUC)
    clock.set_local(dt.datetime(2027, 2, 12, 16, 0))  # a Friday
    await ask_staff(await staff(telegram, BINH), QUESTION)
    clock.set_local(dt.datetime(2027, 2, 16, 16, 0))  # Tuesday: two working days
    assert await remind_stale_tickets(services) == 1
    await services.outbox.drain()
    [nudge] = with_button(telegram, phuc.user_id, "⏰")
    assert "#1" in nudge.text and QUESTION in nudge.text
    assert await remind_stale_tickets(services) == 0


async def test_cauhoi_is_in_the_officers_help(telegram: OfflineTelegram) -> None:
    [officer_help] = await (await staff(telegram, PHUC)).send("/help")
    assert "/cauhoi" in officer_help.text
    [teacher_help] = await (await staff(telegram, BINH)).send("/help")
    assert "/cauhoi" not in teacher_help.text


async def test_an_answer_survives_a_crash_after_it_was_recorded(
        telegram: OfflineTelegram, monkeypatch: pytest.MonkeyPatch) -> None:
    phuc = await staff(telegram, PHUC)
    teacher = await staff(telegram, BINH)
    await ask_staff(teacher, QUESTION)
    [listing] = await phuc.send("/cauhoi")
    await phuc.press("#1", listing)

    crash_after(monkeypatch, "bot.services.tickets.answer_ticket")
    await phuc.send("Thầy/Cô nộp đơn xin hoãn cho hiệu trưởng.")
    assert [m for m in telegram.api.messages_to(teacher.user_id) if "Trả lời câu hỏi #1"
            in m.text]


async def test_a_guest_who_erases_leaves_no_chat_id_in_the_outbox(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    guest = telegram.user(932)
    await ask_staff(guest, QUESTION)
    tuan = await staff(telegram, TUAN)
    [listing] = await tuan.send("/cauhoi")
    await tuan.press("#1", listing)
    await tuan.send("Thầy/Cô nộp đơn xin hoãn cho nhà trường.")
    assert [m for m in telegram.api.messages_to(932) if "Trả lời câu hỏi #1" in m.text]
    assert "outbox.chat_id" in await tables_holding(demo_db, 932)

    await guest.send("/xoadulieu")
    await guest.press("Xoá")
    assert await tables_holding(demo_db, 932) == []
