"""3,000 reminders to 3,000 people through the outbox, against the flood-limited fake Bot API.

The fake server (benchmarks/fake_bot_api.py) runs in its own process, as Telegram would, and
answers 429 whenever the bot goes above 30 messages a second overall or one a second to a chat.
Target: all delivered within 105 s (the limit allows 100 s) and no 429. Prints the time,
the rate reached and the 429 count.

With ``--broadcast`` it sends an announcement instead: Kiên Giang's 16,428 teachers and managers
(target: no 429, at least 28 messages/s sustained).

Run: ``python -m benchmarks.bench_outbox [--people 3000]``, or
``python -m benchmarks.bench_outbox --broadcast --people 16428``
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bot.app import Services, build_application
from bot.config import Settings
from bot.services.imports import import_roster
from bot.services.reminders import enqueue_due
from bot.spreadsheets import read_table
from bot.storage import Database
from bot.storage.accounts import link

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"
CHAT_BASE = 10_000_000


async def make_people(db: Database, n: int) -> None:
    """n GV cốt cán across 100 schools, each with a linked Telegram account."""
    lines = ["Họ và tên,Số điện thoại,Chức vụ,Cấp học,Trường,Quận/Huyện,Cốt cán"]
    lines += [f"GV {i},0977{i:06d},Giáo viên,TH,Trường TH {i % 100},Huyện {i % 10},x"
              for i in range(n)]
    report = await import_roster(db, read_table("\n".join(lines).encode(), "r.csv"),
                                 actor="bench")
    assert report.ok, report.errors[:3]
    async with db.transaction() as tx:
        async with tx.execute("SELECT id FROM people ORDER BY id") as cur:
            ids = [r[0] for r in await cur.fetchall()]
        for i, person_id in enumerate(ids):
            await link(tx, CHAT_BASE + i, person_id)


def start_server() -> tuple[subprocess.Popen[str], str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "benchmarks.fake_bot_api", "--port",
                                str(port)], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    process.stdout.readline()  # "fake Bot API on …": it is listening
    return process, f"http://127.0.0.1:{port}"


async def queue_broadcast(services: Services) -> int:
    from bot.domain.audience import SenderScope
    from bot.domain.people import UnitKind
    from bot.services import broadcasts

    sender = broadcasts.Sender("bench", None, SenderScope(UnitKind.SO, None))
    draft = await broadcasts.start_draft(services.db, sender,
                                         "<b>Thông báo</b>: lịch bồi dưỡng mô đun 4.")
    return await broadcasts.queue(services.db, draft, sender)


async def main(people: int, broadcast: bool) -> None:
    process, root = start_server()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(token=TOKEN, api_base_url=f"{root}/bot",
                            db_path=Path(tmp) / "bench.sqlite3")
        db = await Database.open(settings.db_path)
        await make_people(db, people)
        at = dt.datetime(2027, 2, 21, 7, 30, tzinfo=settings.timezone)
        services = Services(settings=settings, db=db, clock=lambda: at.astimezone(dt.UTC))
        application = build_application(services)
        await application.initialize()
        queued = (await queue_broadcast(services) if broadcast
                  else await enqueue_due(db, services.local_now(), services.rules))
        started = time.perf_counter()
        report = await services.outbox.drain()
        elapsed = time.perf_counter() - started
        await application.shutdown()
        await db.close()
    stats = await asyncio.to_thread(lambda: json.load(urllib.request.urlopen(f"{root}/stats")))
    process.terminate()
    process.wait()
    delivered = stats["delivered"]
    what = "announcements" if broadcast else "reminders"
    target = "≥ 28 msg/s sustained" if broadcast else "≤ 105 s for 3,000"
    print(f"outbox: {queued} {what} queued, {delivered} delivered in {elapsed:.1f} s "
          f"({delivered / elapsed:.1f} msg/s); target {target}")
    print(f"  429 answers from the server: {stats['rejected_429']}; "
          f"RetryAfter seen by the bot: {report.retry_after}")
    print(f"  sent {report.sent}, skipped {report.skipped}, failed {report.failed}, "
          f"retried {report.retried}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=3000)
    parser.add_argument("--broadcast", action="store_true")
    args = parser.parse_args()
    asyncio.run(main(args.people, args.broadcast))
