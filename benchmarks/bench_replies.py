"""20 questions in 5 seconds from one chat, against the flood-limited fake Bot API over HTTP.

Telegram lets a bot send one message a second to a chat and answers more with 429 (issue 19:
a teacher who typed four questions fast lost two answers). The bot polls the fake server on
127.0.0.1 as it would poll Telegram; a teacher types 20 questions 0.25 s apart. Target: all
20 answered, once each, in the order asked. Prints when the answers arrived, how long each
waited, and the 429s the server gave.

The answers expected are taken first from 20 other chats asking the same questions at once.

Run: ``python -m benchmarks.bench_replies``
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.fake_bot_api import FakeBotApiServer
from bot.app import Services, build_application
from bot.config import Settings
from bot.offline import FakeBotApi
from bot.storage import Database

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"
TYPIST = 5_000_001
GAP = 0.25
QUESTIONS = [
    "hạn chót hoàn thành mô đun 1 là khi nào", "gv cot can nop ke hoach htdn md nao",
    "lam sao de duoc hoc mo dun 2", "hiệu trưởng duyệt kế hoạch của GV cốt cán thế nào",
    "tổng đài hỗ trợ LMS số mấy", "thong tin ca nhan tren lms can kiem tra gi",
    "phu luc 5 la gi", "bc md4 chua trien khai ghi sao",
    "temis tu danh gia can minh chung khong", "cốt cán là gì",
    "giáo viên nghỉ thai sản thì xin hoãn bồi dưỡng ở đâu", "quên mật khẩu LMS thì làm sao",
    "mo dun 3 hoc trong bao lau", "ai duyệt báo cáo của giáo viên cốt cán",
    "đổi số điện thoại trên hệ thống thế nào", "chứng chỉ bồi dưỡng lấy ở đâu",
    "han nop bao cao mo dun 5", "học mô đun 9 có bắt buộc không",
    "liên hệ phòng giáo dục ở đâu", "kế hoạch hỗ trợ đồng nghiệp gồm những gì",
]


def typed(update_id: int, chat_id: int, text: str) -> dict[str, object]:
    return {"update_id": update_id, "message": {
        "message_id": update_id, "date": int(time.time()), "text": text,
        "chat": {"id": chat_id, "type": "private"},
        "from": {"id": chat_id, "is_bot": False, "first_name": "GV"}}}


async def answers_to(api: FakeBotApi, chat_id: int, n: int, within: float,
                     settle: float = 2.0) -> list[str]:
    """The chat's messages once ``n`` arrived, and ``settle`` seconds more (a second copy of
    any would have come by then)."""
    deadline = time.monotonic() + within
    while len(api.messages_to(chat_id)) < n and time.monotonic() < deadline:
        await asyncio.sleep(0.02)
    await asyncio.sleep(settle)
    return [m.text for m in api.messages_to(chat_id)]


async def main() -> None:
    server = await FakeBotApiServer().start()
    api, queue = server.api, server.api.updates
    assert queue is not None
    arrived: list[float] = []  # when the server accepted each answer to the typist
    api_call = api.call

    async def timed_call(method: str, params: Any, files: Any = None) -> Any:
        result = await api_call(method, params, files)
        if method == "sendMessage" and str(params.get("chat_id")) == str(TYPIST):
            arrived.append(time.monotonic())
        return result

    api.call = timed_call  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(token=TOKEN, api_base_url=server.base_url,
                            db_path=Path(tmp) / "bench.sqlite3")
        db = await Database.open(settings.db_path)
        application = build_application(Services(settings=settings, db=db))
        await application.initialize()
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0.0, timeout=1)
        try:
            for n, question in enumerate(QUESTIONS):  # the expected answer of each question
                queue.put_nowait(typed(n + 1, 6_000_000 + n, question))
            expected = [(await answers_to(api, 6_000_000 + n, 1, 30, settle=0))[0]
                        for n in range(len(QUESTIONS))]
            asked: list[float] = []
            for n, question in enumerate(QUESTIONS):
                asked.append(time.monotonic())
                queue.put_nowait(typed(1_000 + n, TYPIST, question))
                await asyncio.sleep(GAP)
            got = await answers_to(api, TYPIST, len(QUESTIONS), 90)
        finally:
            await application.updater.stop()
            await application.stop()
            await application.shutdown()
            await db.close()
            await server.stop()
    waits = [answer - question for answer, question in zip(arrived, asked, strict=False)]
    print(f"replies: {len(QUESTIONS)} questions typed in {asked[-1] - asked[0] + GAP:.1f} s "
          f"from one chat; {len(got)} answers; all once and in order: "
          f"{'yes' if got == expected else 'NO'} (target: yes)")
    if waits:
        print(f"  last answer {arrived[-1] - asked[0]:.1f} s after the first question (one "
              f"message a second to a chat); wait per answer median "
              f"{statistics.median(waits):.1f} s, max {max(waits):.1f} s")
    limits = server.limits
    print(f"  429 answers from the server: {limits.rejected if limits else 0}")


if __name__ == "__main__":
    asyncio.run(main())
