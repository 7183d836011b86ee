"""10,000 text messages from 1,000 users through the real Application (offline request layer).

Every message goes the whole way: python-telegram-bot's dispatch, who-is-asking from the
database, the answering engine, the reply (and the "typing…" action) through the Bot API layer.
Half of the users are verified teachers, half guests. Target: at least 1,000 updates/s.

Run: ``python -m benchmarks.bench_updates``
"""

from __future__ import annotations

import asyncio
import itertools
import random
import tempfile
import time
from pathlib import Path

from telegram import Update

from bot.app import Services, offline_telegram
from bot.config import Settings
from bot.pacing import RateLimits
from bot.services.imports import import_roster
from bot.spreadsheets import read_table
from bot.storage import Database
from bot.storage.accounts import link

USERS = 1_000
MESSAGES = 10_000
QUESTIONS = [
    "hạn chót hoàn thành mô đun 1 là khi nào", "gv cot can nop ke hoach htdn md nao",
    "lam sao de duoc hoc mo dun 2", "hiệu trưởng duyệt kế hoạch của GV cốt cán thế nào",
    "tổng đài hỗ trợ LMS số mấy", "thong tin ca nhan tren lms can kiem tra gi",
    "luong thang nay bao nhieu", "phu luc 5 la gi", "bc md4 chua trien khai ghi sao",
    "temis tu danh gia can minh chung khong",
]


def message(update_id: int, user_id: int, text: str) -> dict[str, object]:
    return {"update_id": update_id, "message": {
        "message_id": update_id, "date": int(time.time()), "text": text,
        "chat": {"id": user_id, "type": "private"},
        "from": {"id": user_id, "is_bot": False, "first_name": "GV"}}}


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db_path=Path(tmp) / "bench.sqlite3")
        db = await Database.open(settings.db_path)
        lines = ["Họ và tên,Số điện thoại,Chức vụ,Cấp học,Trường,Quận/Huyện"]
        lines += [f"GV {i},0977{i:06d},Giáo viên,TH,Trường TH {i % 50},Huyện {i % 5}"
                  for i in range(USERS // 2)]
        assert (await import_roster(db, read_table("\n".join(lines).encode(), "r.csv"),
                                    actor="bench")).ok
        async with db.transaction() as tx, tx.execute("SELECT id FROM people") as cur:
            for n, (person_id,) in enumerate(await cur.fetchall()):
                await link(tx, 1_000_000 + n, person_id)
        services = Services(settings=settings, db=db, limits=RateLimits(0, 0))
        telegram = await offline_telegram(services)
        telegram.api.flood = None  # the bot's own work is measured, not Telegram's limits
        telegram.after_update = None  # nothing is queued by questions
        bot = telegram.application.bot
        rng = random.Random(1)
        ids = itertools.count(1)
        updates = [Update.de_json(message(next(ids), 1_000_000 + rng.randrange(USERS),
                                          rng.choice(QUESTIONS)), bot)
                   for _ in range(MESSAGES)]
        application = telegram.application
        await application.start()  # the update queue and the per-chat concurrent processor
        started = time.perf_counter()
        for update in updates:
            application.update_queue.put_nowait(update)
        while len(telegram.api.sent) < MESSAGES:
            await asyncio.sleep(0.01)
        elapsed = time.perf_counter() - started
        replies = sum(1 for m in telegram.api.sent if m.text)
        await application.stop()
        await application.shutdown()
        await db.close()
    print(f"updates: {MESSAGES} text messages from {USERS} users in {elapsed:.2f} s = "
          f"{MESSAGES / elapsed:,.0f} updates/s (target ≥ 1,000); {replies} replies sent")


if __name__ == "__main__":
    asyncio.run(main())
