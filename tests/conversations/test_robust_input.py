"""Whatever a user sends or presses, a clear answer in their language, and no noise in groups
(issue 13, items 6, 7 and 8)."""

from __future__ import annotations

import time

import pytest

from bot.offline import OfflineTelegram
from tests.conftest import ADMIN_ID
from tests.conversations.test_support import SO_GROUP, TUAN, staff
from tests.conversations.test_tasks_and_approvals import LAN, signed_in

SORRY = "Đã có lỗi"


@pytest.mark.parametrize("data", [
    "ap:99999999999999999999:plan_m2", "ap:²:plan_m2", "ap:12:plan_m2:x", "ts:plan_m2",
    "t:not_a_task", "bc:99999999999999999999:lv:TH", "bc:1:drop", "faq:²:1", "tk:rate:²:1",
    "tk:pick:99999999999999999999", "go:xoadulieu", "rp:9", "info:phone", "lang:fr",
    "kb:" + "x" * 61, "erase:maybe", "rem:sometimes",
])
async def test_forged_button_data_gets_a_polite_answer(telegram: OfflineTelegram,
                                                       data: str) -> None:
    lan = await signed_in(telegram, LAN)
    await lan.send("/tiendo")
    replies = await lan.press_data(data)
    assert replies, data
    assert all(SORRY not in m.text for m in replies), data
    assert any("không hợp lệ" in m.text or "không còn hiệu lực" in m.text  # forged
               or "/help" in m.text for m in replies), data  # or not for this role


async def test_unicode_and_huge_numbers_typed_as_arguments(telegram: OfflineTelegram) -> None:
    tuan = await staff(telegram, TUAN)
    for argument in ("²", "99999999999999999999", "٣"):
        [refused] = await tuan.send(f"/themfaq {argument}")
        assert "không phải là số" in refused.text and SORRY not in refused.text


async def test_errors_are_told_in_the_users_language(
        telegram: OfflineTelegram, monkeypatch: pytest.MonkeyPatch) -> None:
    lan = await signed_in(telegram, LAN)
    await lan.send("/ngonngu")
    await lan.press("English")
    await lan.send("/tiendo")
    [refused] = await lan.press_data("ap:²:plan_m2")
    assert refused.text == "This button is not valid for you."

    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the database went away")

    monkeypatch.setattr("bot.services.tasks.checklist", broken)
    [sorry] = await lan.send("/tiendo")
    assert sorry.text.startswith("Sorry, something went wrong")


async def test_edits_and_stale_buttons_in_a_group_post_nothing_there(
        telegram: OfflineTelegram) -> None:
    tuan = await staff(telegram, TUAN)
    await telegram.group_message(SO_GROUP, tuan.user_id, "/nhomhotro")
    before = len(telegram.api.messages_to(SO_GROUP))
    edited = {"message_id": 77, "date": int(time.time()), "edit_date": int(time.time()),
              "chat": {"id": SO_GROUP, "type": "supergroup", "title": "Nhóm"},
              "from": {"id": tuan.user_id, "is_bot": False, "first_name": "Cán bộ"},
              "text": "Trả lời đã sửa"}
    assert await telegram.deliver({"edited_message": edited}, SO_GROUP) == []
    channel_post = dict(edited, chat={"id": -100999, "type": "channel", "title": "Kênh"})
    assert await telegram.deliver({"edited_channel_post": channel_post}, -100999) == []
    [ticket_message] = telegram.api.messages_to(SO_GROUP)[-1:]
    query = {"id": "q1", "from": {"id": tuan.user_id, "is_bot": False, "first_name": "Cán bộ"},
             "chat_instance": "ci", "data": "old:button",
             "message": telegram.api.message_json(ticket_message)}
    assert await telegram.deliver({"callback_query": query}, SO_GROUP) == []
    assert len(telegram.api.messages_to(SO_GROUP)) == before


async def test_odd_numbers_in_hanchot_are_refused_with_the_usage(
        telegram: OfflineTelegram) -> None:
    admin = telegram.user(ADMIN_ID)
    for command in ("/hanchot ngay ² 28/2", "/hanchot tat 99999999999999999999",
                    "/hanchot nhac ١ 7,3"):
        [usage] = await admin.send(command)
        assert SORRY not in usage.text and "/hanchot them" in usage.text, command
