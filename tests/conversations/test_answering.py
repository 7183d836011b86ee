"""Questions typed the way teachers type them, answered in the chat (issue: answering)."""

from __future__ import annotations

import unicodedata

from bot.offline import OfflineTelegram
from bot.storage import Database
from tests.conftest import ADMIN_ID


async def test_a_guest_asks_without_diacritics_and_gets_the_answer_with_its_source(
        telegram: OfflineTelegram) -> None:
    guest = telegram.user(701, "Khách")
    [answer] = await guest.send("lam sao de duoc hoc mo dun 2 vay ad")
    assert "mô đun 1" in answer.text and "TEMIS" in answer.text
    assert "<i>Nguồn:" in answer.text and "Bình Phước" in answer.text
    assert 1 <= len(answer.button_texts) <= 3  # related questions
    assert (701, "typing") in telegram.api.chat_actions
    [related] = await guest.press(1, answer)
    assert "Nguồn:" in related.text


async def test_an_out_of_scope_question_gets_an_honest_no_with_the_contacts(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    guest = telegram.user(702, "Khách")
    [answer] = await guest.send("luong giao vien thang nay bao nhieu vay")
    assert "không tìm thấy" in answer.text and "18008000" in answer.text
    assert "Nguồn" not in answer.text
    assert answer.button_texts == ["🙋 Hỏi cán bộ hỗ trợ"]
    admin = telegram.user(ADMIN_ID)
    [listing] = await admin.send("/chuatraloi")
    assert "luong giao vien thang nay" in listing.text
    async with demo_db.reader.execute("SELECT role, text FROM unanswered_questions") as cur:
        assert [tuple(r) for r in await cur.fetchall()] == [
            ("guest", "luong giao vien thang nay bao nhieu vay")]


async def test_an_unsure_question_offers_candidates_that_answer_when_pressed(
        telegram: OfflineTelegram) -> None:
    guest = telegram.user(703)
    [unsure] = await guest.send("báo cáo")
    assert "Có phải Thầy/Cô muốn hỏi" in unsure.text
    assert len(unsure.button_texts) == 4  # three candidates, and the hand-off to a person
    assert unsure.button_texts[-1] == "🙋 Hỏi cán bộ hỗ trợ"
    [answer] = await guest.press(2, unsure)
    assert "Nguồn:" in answer.text and "Có phải" not in answer.text


async def test_forged_entry_buttons_and_topic_browsing(telegram: OfflineTelegram) -> None:
    guest = telegram.user(704)
    [topics] = await guest.send("/hoidap")
    assert len(topics.button_texts) >= 10
    [questions] = await guest.press("Liên hệ", topics)
    assert questions.button_texts
    [answer] = await guest.press(1, questions)
    assert "Nguồn:" in answer.text
    [forged] = await guest.press_data("kb:no_such_entry", answer)
    assert "không còn hiệu lực" in forged.text and "/hoidap" in forged.text
    [forged_topic] = await guest.press_data("topic:../../etc", answer)
    assert "không còn hiệu lực" in forged_topic.text


async def test_strange_input_gets_a_sensible_reply(telegram: OfflineTelegram) -> None:
    user = telegram.user(705)
    nfd = unicodedata.normalize("NFD", "hạn chót hoàn thành mô đun 1 ở Bình Phước")
    [answer] = await user.send(nfd)
    assert "30/3/2021" in answer.text
    for text in ["😀😀😀", "sao vậyyyyy", "<b>hello</b>", "'; DROP TABLE people;--",
                 "what is TEMIS hả ad"]:
        replies = await user.send(text)
        assert len(replies) == 1 and replies[0].text.strip()
    [too_long] = await user.send("mô đun " * 800)
    assert "quá dài" in too_long.text and "ví dụ" in too_long.text


async def test_a_question_no_letter_covers_gets_no_guess_but_the_hand_off(
        telegram: OfflineTelegram) -> None:
    guest = telegram.user(705, "Khách")
    for question in ("Phụ cấp thâm niên nhà giáo được tính như thế nào ạ?",
                     "phu cap tham nien nha giao tinh sao vay"):
        [answer] = await guest.send(question)
        assert "không tìm thấy" in answer.text, question
        assert "Có lẽ" not in answer.text and "TP.HCM" not in answer.text
        assert answer.button_texts == ["🙋 Hỏi cán bộ hỗ trợ"]
