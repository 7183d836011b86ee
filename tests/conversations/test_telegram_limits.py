"""Long and formatted texts reach people whole, the way Telegram counts and parses them
(issue 13, item 2: answers that never arrived yet counted as sent)."""

from __future__ import annotations

from bot.offline import OfflineTelegram, SentMessage
from bot.storage import Database
from bot.telegram_text import visible_text
from tests.conftest import ADMIN_ID
from tests.conversations.test_support import BINH, PHUC, QUESTION, TUAN, ask_staff, staff

PHONG_GROUP, SO_GROUP = -100888, -100777


def bold(text: str) -> list[dict[str, object]]:
    return [{"type": "bold", "offset": 0, "length": len(text)}]


def seen(messages: list[SentMessage]) -> str:
    """What a person reads across several messages (the fake already refused invalid HTML)."""
    text = "\n".join(visible_text(m.text) if m.parse_mode == "HTML" else m.text
                     for m in messages)
    return " ".join(text.split())


async def test_a_long_bold_staff_answer_arrives_whole(telegram: OfflineTelegram,
                                                     demo_db: Database) -> None:
    phuc = await staff(telegram, PHUC)
    await telegram.group_message(PHONG_GROUP, phuc.user_id, "/nhomhotro")
    teacher = await staff(telegram, BINH)
    await ask_staff(teacher, QUESTION)
    ticket = telegram.api.messages_to(PHONG_GROUP)[-1]
    answer = ("Điểm < 5 & hồ sơ <đủ> thì nộp lại. " * 100 + "HẾT.").strip()  # ~3,600 chars
    assert len(answer) > 3500
    [confirm] = await telegram.group_message(PHONG_GROUP, phuc.user_id, answer,
                                             reply_to=ticket, entities=bold(answer))
    assert "đã gửi" in confirm.text.lower()
    received = [m for m in telegram.api.messages_to(teacher.user_id)
                if m.text.startswith("💬") or "HẾT" in m.text]
    assert received, "the asker got nothing"
    assert answer in seen(received)
    assert all("<b>" in m.text for m in received if "HẾT" in m.text)  # still bold
    async with demo_db.reader.execute("SELECT status FROM outbox WHERE kind = 'ticket'") as cur:
        assert [r[0] for r in await cur.fetchall()] == ["sent"]


async def test_a_long_answer_to_a_guest_arrives_whole(telegram: OfflineTelegram) -> None:
    tuan = await staff(telegram, TUAN)
    await telegram.group_message(SO_GROUP, tuan.user_id, "/nhomhotro")
    guest = telegram.user(911, "Khách")
    await ask_staff(guest, QUESTION)
    ticket = telegram.api.messages_to(SO_GROUP)[-1]
    answer = "Theo Điều 5 <Thông tư 19> & Công văn 001: nộp đơn. " * 90 + "HẾT."
    await telegram.group_message(SO_GROUP, tuan.user_id, answer, reply_to=ticket,
                                 entities=bold(answer))
    assert answer in seen(telegram.api.messages_to(911))


async def test_a_3900_character_announcement_is_counted_by_what_people_see(
        telegram: OfflineTelegram) -> None:
    teacher = await staff(telegram, BINH)
    admin = telegram.user(ADMIN_ID)
    await admin.send("/thongbao")
    text = ("Lịch <họp> cốt cán & tổ trưởng. " * 122)[:3900]
    [menu] = await admin.send(text, entities=bold(text))  # as HTML: over 4,096 characters
    assert "ký tự" not in menu.text and "người sẽ nhận" in menu.text
    await admin.press("Gửi", menu)
    [announcement] = [m for m in telegram.api.messages_to(teacher.user_id) if "cốt cán" in m.text]
    assert visible_text(announcement.text).endswith("\n" + text)  # after the sender header

    await admin.send("/thongbao")
    longer = "Lịch họp cốt cán. " * 240
    [refused] = await admin.send(longer, entities=bold(longer))
    assert f"{len(longer)} ký tự" in refused.text.replace(".", "")


async def test_an_approved_faq_answer_is_not_escaped_twice(telegram: OfflineTelegram) -> None:
    tuan = await staff(telegram, TUAN)
    await telegram.group_message(SO_GROUP, tuan.user_id, "/nhomhotro")
    await ask_staff(telegram.user(912), QUESTION)
    ticket = telegram.api.messages_to(SO_GROUP)[-1]
    await telegram.group_message(SO_GROUP, tuan.user_id,
                                 "Điểm TEMIS < 5 & chưa có minh chứng: nộp đơn cho hiệu trưởng.",
                                 reply_to=ticket)
    await tuan.send("/themfaq 1")
    admin = telegram.user(ADMIN_ID)
    [draft] = await admin.send("/duyetfaq")
    assert "TEMIS < 5 & chưa" in visible_text(draft.text)
    await admin.press("Duyệt", draft)
    [answer] = await telegram.user(913).send(QUESTION)
    shown = visible_text(answer.text)
    assert "Điểm TEMIS < 5 & chưa có minh chứng" in shown
    assert "&lt;" not in shown and "&amp;" not in shown


async def test_an_answer_telegram_refuses_leaves_the_question_open_and_tells_the_officer(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    """A send counts only once Telegram accepted it: the ticket closes on delivery, not on
    typing the answer (issue 13, item 2)."""
    phuc = await staff(telegram, PHUC)
    await telegram.group_message(PHONG_GROUP, phuc.user_id, "/nhomhotro")
    teacher = await staff(telegram, BINH)
    await ask_staff(teacher, QUESTION)
    ticket = telegram.api.messages_to(PHONG_GROUP)[-1]
    telegram.api.blocked_chats.add(teacher.user_id)  # Telegram now answers 403
    replies = await telegram.group_message(PHONG_GROUP, phuc.user_id, "Nộp đơn cho hiệu trưởng.",
                                           reply_to=ticket)
    [told] = [m for m in replies if "⚠️" in m.text]
    assert "#1" in told.text and "không đến được người hỏi" in told.text
    async with demo_db.reader.execute("SELECT status, answer FROM tickets WHERE id = 1") as cur:
        assert tuple(await cur.fetchone()) == ("open", None)
    [listing] = await phuc.send("/cauhoi")
    assert "#1" in listing.text  # still waiting for an answer

    telegram.api.blocked_chats.discard(teacher.user_id)
    await teacher.send("/start")  # they unblocked the bot and wrote again
    await phuc.press("#1", listing)
    await phuc.send("Nộp đơn cho hiệu trưởng, kèm giấy nghỉ.")
    assert any("kèm giấy nghỉ" in m.text for m in telegram.api.messages_to(teacher.user_id))
    async with demo_db.reader.execute("SELECT status FROM tickets WHERE id = 1") as cur:
        assert tuple(await cur.fetchone()) == ("answered",)
