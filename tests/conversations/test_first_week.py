"""The first week on a phone (issue 14): small talk, a typed phone number, night-time sends,
who an announcement is from, what the audience picker offers, and /help per role."""

from __future__ import annotations

from bot.offline import OfflineTelegram
from bot.storage import Database


async def unanswered_texts(db: Database) -> list[str]:
    async with db.reader.execute("SELECT text FROM unanswered_questions") as cur:
        return [row[0] for row in await cur.fetchall()]


async def test_greetings_and_thanks_get_a_friendly_reply_and_are_not_unanswered(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    user = telegram.user(601, "Hoa")
    for text, opening in [("xin chào", "Xin chào"), ("cảm ơn ad nhiều ạ", "Không có gì"),
                          ("cam on ad nhieu a", "Không có gì"), ("ok", "Vâng"),
                          ("👍", "Vâng")]:
        [answer] = await user.send(text)
        assert answer.text.startswith(opening), (text, answer.text)
        assert "/tiendo" in answer.text and "/help" in answer.text
        assert "tổng đài" not in answer.text and "không tìm thấy" not in answer.text
        assert answer.reply_markup is None  # no "ask a support officer" hand-off
    assert await unanswered_texts(demo_db) == []


async def test_a_typed_phone_number_points_to_the_share_button(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    user = telegram.user(602, "Hoa")
    for typed in ("0912 000 001", "0912000001", "+84 912 000 001"):
        [answer] = await user.send(typed)
        assert "nút bên dưới" in answer.text and "Chia sẻ số điện thoại" in answer.text
        [[button]] = answer.reply_markup["keyboard"]
        assert button["request_contact"] is True
    assert await unanswered_texts(demo_db) == []
    async with demo_db.reader.execute("SELECT COUNT(*) FROM accounts") as cur:
        assert (await cur.fetchone())[0] == 0  # a typed number links nobody

    [welcome] = await user.share_contact("0912000001")
    assert "Thầy/Cô đã được xác minh" in welcome.text or "xác minh" in welcome.text
    [already] = await user.send("0912000001")
    assert "/toi" in already.text and already.reply_markup is None


async def test_a_real_question_with_a_greeting_is_still_answered(
        telegram: OfflineTelegram) -> None:
    [answer] = await telegram.user(603).send("chào ad, cho hỏi hạn chót mô đun 1 là ngày nào?")
    assert "Xin chào! 👋" not in answer.text
    assert "30/3" in answer.text or "30/03" in answer.text
