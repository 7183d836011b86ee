"""Telegram's flood limits met head-on (issue 19): the offline Bot API answers 429 past one
message a second to a chat, and nothing is sent twice or lost.

Each test runs twice: with the bot's pacer as it is, and with a pacer blind to the per-chat
limit, so that Telegram's 429s really come and must be waited out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator

import pytest

from bot.app import Services, offline_telegram
from bot.config import Settings
from bot.offline import BotApiError, OfflineTelegram, SentMessage, SimulatedTimeout, SimulatedUser
from bot.pacing import MAX_RETRIES, RateLimits, SimulatedClock
from bot.storage import Database
from tests.conftest import FakeClock

PHONG_GROUP = -100888
PHUC, BINH, TEACHER = "0904000001", "0912000002", "0912000003"
QUESTIONS = ["giáo viên nghỉ thai sản thì xin hoãn bồi dưỡng ở đâu ạ",
             "han chot nop ke hoach mo dun 3 la ngay nao",
             "cốt cán là gì",
             "lam sao de doi so dien thoai"]


@pytest.fixture(params=["paced", "blind"])
def pacing(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def telegram(pacing: str, settings: Settings, demo_db: Database,
                   clock: FakeClock) -> AsyncIterator[OfflineTelegram]:
    per_chat = 0.0 if pacing == "blind" else 1.05
    services = Services(settings=settings, db=demo_db, clock=clock,
                        limits=RateLimits(per_chat_interval=per_chat, clock=SimulatedClock()))
    offline = await offline_telegram(services)
    yield offline
    await offline.application.shutdown()


def services_of(telegram: OfflineTelegram) -> Services:
    services = telegram.application.bot_data.services
    assert services is not None
    return services


async def typed_fast(telegram: OfflineTelegram, user: SimulatedUser,
                     texts: list[str], gap: float = 0.25) -> None:
    """The user types ``texts`` ``gap`` seconds apart while the bot is running."""
    clock = services_of(telegram).limits.clock
    for text in texts:
        telegram.queue(user.typed(text))
        await clock.sleep(gap)


def met_telegrams_limits(telegram: OfflineTelegram, pacing: str) -> bool:
    """Paced, Telegram never had to refuse; blind, it did, and each refusal was waited out."""
    assert telegram.api.flood is not None
    return (telegram.api.flood.rejected > 0) is (pacing == "blind")


def texts_to(telegram: OfflineTelegram, user: SimulatedUser) -> list[str]:
    return [m.text for m in telegram.api.messages_to(user.user_id)]


async def test_four_questions_a_quarter_second_apart_are_all_answered_once_in_order(
        telegram: OfflineTelegram, pacing: str) -> None:
    guest = telegram.user(905, "Khách")
    for question in QUESTIONS:  # typed slowly: one answer at a time, seconds apart
        await guest.send(question)
        await services_of(telegram).limits.clock.sleep(2)
    slowly = texts_to(telegram, guest)
    assert len(slowly) == len(QUESTIONS) and not any("đang gặp sự cố" in t for t in slowly)

    await telegram.application.start()
    try:
        await typed_fast(telegram, guest, QUESTIONS)
        await telegram.settled()
    finally:
        await telegram.application.stop()
    assert texts_to(telegram, guest)[len(slowly):] == slowly  # the same answers, same order
    assert met_telegrams_limits(telegram, pacing)


async def test_a_burst_of_fourteen_updates_with_a_correction_gets_every_prompt(
        telegram: OfflineTelegram, demo_db: Database, pacing: str) -> None:
    teacher = telegram.user(641)
    await teacher.share_contact(TEACHER)
    before = len(telegram.api.messages_to(teacher.user_id))
    clock = services_of(telegram).limits.clock
    await telegram.application.start()
    try:
        await typed_fast(telegram, teacher, ["/toi", "/toi", QUESTIONS[0], "/suathongtin"])
        await telegram.settled()  # a thumb presses the button as soon as it shows
        [menu] = [m for m in telegram.api.messages_to(teacher.user_id)
                  if m.button_texts == ["Họ và tên", "Ngày sinh", "Nơi sinh"]]
        telegram.queue(teacher.pressed("Nơi sinh", menu))
        await clock.sleep(0.25)
        await typed_fast(telegram, teacher, ["Hà Tây", "Hà Nội", QUESTIONS[1], "/toi",
                                             QUESTIONS[2], "/help", QUESTIONS[3], "/toi",
                                             "cảm ơn"])
        await telegram.settled()
    finally:
        await telegram.application.stop()

    sent = texts_to(telegram, teacher)[before:]
    prompt = "Nơi sinh: trên LMS đang ghi thế nào? Thầy/Cô gõ đúng như LMS hiển thị. (/huy " \
        "để huỷ)"
    second = "Còn thông tin đúng là gì ạ? (/huy để huỷ)"
    confirmations = [t for t in sent if "“Hà Tây”" in t and "“Hà Nội”" in t]
    assert sent.count(prompt) == 1 and sent.count(second) == 1 and len(confirmations) == 1
    assert sent.index(prompt) < sent.index(second) < sent.index(confirmations[0])
    async with demo_db.reader.execute(
            "SELECT field, wrong_value, correct_value FROM info_corrections") as cur:
        assert [tuple(r) for r in await cur.fetchall()] == [("birth_place", "Hà Tây", "Hà Nội")]
    profiles = [t for t in sent if t == sent[0]]
    assert len(profiles) == 4  # every /toi answered, none twice
    assert len(sent) == 14  # one reply to each of the 14 updates
    assert met_telegrams_limits(telegram, pacing)


async def long_answer_asked(telegram: OfflineTelegram) -> tuple[SimulatedUser, SimulatedUser]:
    """A teacher's question waiting in the Phòng's list; the Phòng officer about to answer."""
    phuc = telegram.user(int(PHUC), phone=PHUC)
    await phuc.share_contact()
    await telegram.group_message(PHONG_GROUP, phuc.user_id, "/nhomhotro")
    teacher = telegram.user(int(BINH), phone=BINH)
    await teacher.share_contact()
    [answer] = await teacher.send(QUESTIONS[0])
    await teacher.press("Hỏi cán bộ hỗ trợ", answer)
    [listing] = await phuc.send("/cauhoi")
    await phuc.press("#1", listing)
    return phuc, teacher


LONG_ANSWER = ("Phần một. " + "Thầy/Cô nộp đơn xin hoãn cho hiệu trưởng. " * 60 + "\n\n"
               + "Phần hai. " + "Nhà trường tổng hợp và gửi Phòng trước ngày 15. " * 40)


def parts_received(telegram: OfflineTelegram, teacher: SimulatedUser) -> list[SentMessage]:
    return [m for m in telegram.api.messages_to(teacher.user_id)
            if "Phần một." in m.text or "Phần hai." in m.text]


async def test_a_two_part_answer_to_a_busy_chat_arrives_once_per_part(
        telegram: OfflineTelegram, pacing: str) -> None:
    phuc, teacher = await long_answer_asked(telegram)
    await teacher.send("/toi")
    await teacher.send("/toi")  # the teacher's chat is busy as the answer goes
    [confirm] = await phuc.send(LONG_ANSWER)
    assert "đã gửi" in confirm.text.lower()
    first, second = parts_received(telegram, teacher)
    assert "Phần một." in first.text and "Phần hai." in second.text
    assert LONG_ANSWER.count("hiệu trưởng") == first.text.count("hiệu trưởng")
    assert met_telegrams_limits(telegram, pacing)


@pytest.mark.parametrize("fault", ["timeout", "429 past the retries"])
async def test_after_a_failed_second_part_only_that_part_is_sent_again(
        telegram: OfflineTelegram, clock: FakeClock, fault: str) -> None:
    phuc, teacher = await long_answer_asked(telegram)
    refusal = BotApiError(429, "Too Many Requests: retry after 1", retry_after=1)
    telegram.api.faults[teacher.user_id] = [None, SimulatedTimeout()] if fault == "timeout" \
        else [None, *[refusal] * (MAX_RETRIES + 1)]
    await phuc.send(LONG_ANSWER)
    [first] = parts_received(telegram, teacher)  # the second part waits for its retry
    assert "Phần một." in first.text
    clock.now += dt.timedelta(minutes=1)
    await services_of(telegram).outbox.drain()
    first_again, second = parts_received(telegram, teacher)
    assert first_again is first and "Phần hai." in second.text
    await services_of(telegram).outbox.drain()
    assert len(parts_received(telegram, teacher)) == 2
