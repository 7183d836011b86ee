"""Questions typed the way teachers type them, answered in the chat (issue: answering)."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from bot.app import Services, offline_telegram
from bot.config import Settings
from bot.offline import OfflineTelegram
from bot.pacing import RateLimits, SimulatedClock
from bot.storage import Database
from tests.conftest import ADMIN_ID, FakeClock


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
    assert "không tìm thấy" in answer.text
    assert "18008000" not in answer.text  # Viettel's LMS hotline knows nothing of salaries
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


async def test_not_found_names_the_deployments_hotline_and_viettel_only_for_the_lms(
        settings: Settings, demo_db: Database, clock: FakeClock) -> None:
    services = Services(settings=replace(settings, hotline="0271 3879 107"), db=demo_db,
                        clock=clock, limits=RateLimits(clock=SimulatedClock()))
    telegram = await offline_telegram(services)
    try:
        guest = telegram.user(705)
        [salary] = await guest.send("luong giao vien thang nay bao nhieu vay")
        assert "0271 3879 107" in salary.text and "18008000" not in salary.text
        [lms] = await guest.send("trang lms bao loi 502 khi mo bai giang video thi phai lam gi")
        assert lms.kind == "text" and "18008000" in lms.text, lms.text
    finally:
        await telegram.application.shutdown()


async def dong_nai_bot(settings: Settings, demo_db: Database,
                       clock: FakeClock) -> OfflineTelegram:
    services = Services(settings=replace(settings, province="dong_nai"), db=demo_db,
                        clock=clock, limits=RateLimits(clock=SimulatedClock()))
    return await offline_telegram(services)


async def test_hoidap_shows_the_own_province_first_and_others_on_request(
        settings: Settings, demo_db: Database, clock: FakeClock) -> None:
    telegram = await dong_nai_bot(settings, demo_db, clock)
    try:
        guest = telegram.user(706)
        [menu] = await guest.send("/hoidap")
        assert not any("Hà Nội" in b or "TP.HCM" in b or "Kiên Giang" in b
                       for b in menu.button_texts), menu.button_texts
        [others] = await guest.press("Tỉnh, thành phố khác", menu)
        assert any("Hà Nội" in b for b in others.button_texts)
        [deadlines] = await guest.press("hạn chót", menu)
        more = deadlines.button_texts[-1]
        assert "tỉnh, thành phố khác" in more.lower(), deadlines.button_texts
        [everything] = await guest.press(more, deadlines)
        assert len(everything.button_texts) > len(deadlines.button_texts) - 1
    finally:
        await telegram.application.shutdown()


async def test_binh_phuoc_named_in_a_dong_nai_bot_is_its_own_rule(
        settings: Settings, demo_db: Database, clock: FakeClock) -> None:
    telegram = await dong_nai_bot(settings, demo_db, clock)
    try:
        [answer] = await telegram.user(707).send(
            "ở Bình Phước cốt cán nộp kế hoạch hỗ trợ đồng nghiệp cho ai duyệt")
        assert "Nguồn" in answer.text and "không phải quy định của tỉnh" not in answer.text
    finally:
        await telegram.application.shutdown()


async def test_a_question_no_letter_covers_gets_no_guess_but_the_hand_off(
        telegram: OfflineTelegram) -> None:
    guest = telegram.user(705, "Khách")
    for question in ("Phụ cấp thâm niên nhà giáo được tính như thế nào ạ?",
                     "phu cap tham nien nha giao tinh sao vay"):
        [answer] = await guest.send(question)
        assert "không tìm thấy" in answer.text, question
        assert "Có lẽ" not in answer.text and "TP.HCM" not in answer.text
        assert answer.button_texts == ["🙋 Hỏi cán bộ hỗ trợ"]
