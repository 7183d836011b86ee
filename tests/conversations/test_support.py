"""What the bot cannot answer reaches a person, and the answer comes back (issue: hand-off)."""

from __future__ import annotations

import datetime as dt

from bot.app import Services
from bot.offline import OfflineTelegram, SimulatedUser
from bot.storage import Database
from scheduler.tickets import remind_stale_tickets
from tests.conftest import ADMIN_ID, FakeClock

SO_GROUP, PHONG_GROUP = -100777, -100888
TUAN, PHUC, BINH = "0903000001", "0904000001", "0912000002"
QUESTION = "giáo viên nghỉ thai sản thì xin hoãn bồi dưỡng ở đâu ạ"


async def staff(telegram: OfflineTelegram, phone: str) -> SimulatedUser:
    user = telegram.user(int(phone), phone=phone)
    await user.share_contact()
    return user


def group_messages(telegram: OfflineTelegram, chat: int) -> list:
    return telegram.api.messages_to(chat)


async def ask_staff(user: SimulatedUser, question: str) -> list:
    [answer] = await user.send(question)
    assert "không tìm thấy" in answer.text or "Có phải" in answer.text
    return await user.press("Hỏi cán bộ hỗ trợ", answer)


async def test_a_guest_question_goes_to_the_group_and_the_answer_comes_back(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    tuan = await staff(telegram, TUAN)
    [bound] = await telegram.group_message(SO_GROUP, tuan.user_id, "/nhomhotro")
    assert "nhận câu hỏi" in bound.text

    guest = telegram.user(901, "Khách")
    [received] = await ask_staff(guest, QUESTION)
    assert "#1" in received.text and "2 ngày làm việc" in received.text
    [ticket] = group_messages(telegram, SO_GROUP)[1:]
    assert "Câu hỏi #1" in ticket.text and "khách" in ticket.text and QUESTION in ticket.text
    assert "0999" not in ticket.text

    assert await telegram.group_message(SO_GROUP, tuan.user_id, "Chào cả nhóm") == []

    await telegram.group_message(SO_GROUP, tuan.user_id,
                                 "Thầy/Cô nộp đơn xin hoãn cho nhà trường theo Thông tư 19/2019.",
                                 reply_to=ticket)
    [answer] = [m for m in telegram.api.messages_to(901) if "Trả lời câu hỏi #1" in m.text]
    assert "Thông tư 19/2019" in answer.text
    [thanks] = await guest.press("👍", answer)
    assert "Cảm ơn" in thanks.text
    async with demo_db.reader.execute("SELECT status, rating FROM tickets WHERE id = 1") as cur:
        assert tuple(await cur.fetchone()) == ("answered", 1)

    [again] = await telegram.group_message(SO_GROUP, tuan.user_id, "Trả lời lần hai",
                                           reply_to=ticket)
    assert "đã được trả lời" in again.text


async def test_a_fourth_open_question_is_refused_politely(telegram: OfflineTelegram) -> None:
    guest = telegram.user(902)
    for n in range(3):
        [ok] = await ask_staff(guest, f"câu hỏi thứ {n} về chế độ phụ cấp thâm niên nhà giáo")
        assert "đã được chuyển" in ok.text
    [refused] = await ask_staff(guest, "câu hỏi thứ tư về chế độ phụ cấp thâm niên nhà giáo")
    assert "3 câu hỏi" in refused.text and "chờ" in refused.text


async def test_a_school_question_goes_to_its_phong_answered_privately_with_a_follow_up(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    phuc = await staff(telegram, PHUC)
    await telegram.group_message(PHONG_GROUP, phuc.user_id, "/nhomhotro")
    teacher = await staff(telegram, BINH)
    await ask_staff(teacher, QUESTION)
    [ticket] = group_messages(telegram, PHONG_GROUP)[1:]
    assert "Giáo viên, TH, Trường TH Kim Đồng" in ticket.text

    [listing] = await phuc.send("/cauhoi")
    assert "#1" in listing.text
    [prompt] = await phuc.press("#1", listing)
    assert "gõ câu trả lời" in prompt.text
    [confirm] = await phuc.send("Thầy/Cô nộp đơn xin hoãn cho hiệu trưởng.")
    assert "đã gửi" in confirm.text.lower()
    [answer] = [m for m in telegram.api.messages_to(teacher.user_id) if "Trả lời" in m.text]
    await teacher.press("Hỏi thêm", answer)
    await teacher.send("Vậy có được cấp giấy chứng nhận không ạ?")
    follow_up = group_messages(telegram, PHONG_GROUP)[-1]
    assert "Câu hỏi #2" in follow_up.text


async def test_an_approved_draft_is_answered_without_a_restart(
        telegram: OfflineTelegram, services: Services) -> None:
    tuan = await staff(telegram, TUAN)
    await telegram.group_message(SO_GROUP, tuan.user_id, "/nhomhotro")
    guest = telegram.user(903)
    await ask_staff(guest, QUESTION)
    ticket = group_messages(telegram, SO_GROUP)[-1]
    await telegram.group_message(SO_GROUP, tuan.user_id,
                                 "Nộp đơn xin hoãn cho hiệu trưởng, kèm giấy nghỉ thai sản.",
                                 reply_to=ticket)
    [proposed] = await tuan.send("/themfaq 1")
    assert "/duyetfaq" in proposed.text
    admin = telegram.user(ADMIN_ID)
    [unanswered] = await admin.send("/chuatraloi")
    assert QUESTION[:30] in unanswered.text
    [draft] = await admin.send("/duyetfaq")
    [live] = await admin.press("Duyệt", draft)
    assert "từ nay" in live.text

    [answer] = await telegram.user(904).send(QUESTION)
    assert "kèm giấy nghỉ thai sản" in answer.text and "Nguồn" in answer.text
    [unanswered] = await admin.send("/chuatraloi")  # the approved FAQ answers it now
    assert QUESTION[:30] not in unanswered.text


async def test_questions_waiting_two_working_days_are_reminded_to_staff(
        telegram: OfflineTelegram, services: Services, clock: FakeClock) -> None:
    tuan = await staff(telegram, TUAN)
    await telegram.group_message(SO_GROUP, tuan.user_id, "/nhomhotro")
    clock.set_local(dt.datetime(2027, 2, 12, 16, 0))  # a Friday
    await ask_staff(telegram.user(905), QUESTION)
    clock.set_local(dt.datetime(2027, 2, 15, 16, 0))  # Monday: one working day
    assert await remind_stale_tickets(services) == 0
    clock.set_local(dt.datetime(2027, 2, 16, 16, 0))  # Tuesday: two
    assert await remind_stale_tickets(services) == 1
    await services.outbox.drain()  # nudges go through the outbox
    assert "⏰" in group_messages(telegram, SO_GROUP)[-1].text
    assert await remind_stale_tickets(services) == 0  # once


async def test_only_support_staff_answer(telegram: OfflineTelegram) -> None:
    tuan = await staff(telegram, TUAN)
    await telegram.group_message(SO_GROUP, tuan.user_id, "/nhomhotro")
    await ask_staff(telegram.user(906), QUESTION)
    ticket = group_messages(telegram, SO_GROUP)[-1]
    teacher = await staff(telegram, BINH)
    [refused] = await telegram.group_message(SO_GROUP, teacher.user_id, "Em trả lời hộ",
                                             reply_to=ticket)
    assert "Chỉ cán bộ hỗ trợ" in refused.text
    assert [m for m in telegram.api.messages_to(906) if "Trả lời câu hỏi" in m.text] == []
