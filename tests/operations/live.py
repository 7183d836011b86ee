"""A real ``troly run`` process against the fake Bot API server on 127.0.0.1.

Used by the tests of backup, restore and graceful stop: the bot runs exactly as under systemd
(its own process, long polling, the outbox in the background, SIGTERM to stop), and every
message it sends is recorded by :class:`benchmarks.fake_bot_api.FakeBotApiServer`, which lives
in the test's process and so outlives the bot's restarts.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.fake_bot_api import FakeBotApiServer
from bot.demo import DEMO_ROSTER, DEMO_SO_NAME
from bot.domain.audience import Audience, SenderScope
from bot.domain.people import UnitKind
from bot.services import broadcasts
from bot.services.imports import import_roster
from bot.spreadsheets import read_table_file
from bot.storage import Database

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"
CHAT_BASE = 500_000  # the Telegram id of person N is CHAT_BASE + N
ROOT = Path(__file__).resolve().parents[2]


def daytime_zone() -> str:
    """A fixed-offset zone where it is about noon now: bulk messages are never sent between
    21:00 and 07:00, and the bot process reads the real clock."""
    offset = 12 - dt.datetime.now(dt.UTC).hour
    return f"Etc/GMT-{offset}" if offset > 0 else f"Etc/GMT+{-offset}"


async def seed(db_path: Path, extra_teachers: int, text: str) -> int:
    """The demo province plus ``extra_teachers``, everyone linked to Telegram, and one
    announcement to all of them queued in the outbox; returns the number of recipients."""
    rows = DEMO_ROSTER.read_text(encoding="utf-8").rstrip("\n").splitlines()
    rows += [f"Giáo viên Thử {i},,09{70_000_000 + i:08d},Giáo viên,TH,Trường TH Kim Đồng,"
             f"Huyện Hòa An," for i in range(extra_teachers)]
    roster = db_path.with_name("roster.csv")
    roster.write_text("\n".join(rows) + "\n", encoding="utf-8")
    db = await Database.open(db_path)
    try:
        report = await import_roster(db, read_table_file(roster), actor="test",
                                     so_name=DEMO_SO_NAME)
        assert report.ok, report.errors
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO accounts (telegram_user_id, person_id, linked_at, "
                             "created_at) SELECT ? + id, id, 'x', 'x' FROM people", (CHAT_BASE,))
        sender = broadcasts.Sender("cli", None, SenderScope(UnitKind.SO, None))
        draft = await broadcasts.start_draft(db, sender, text)
        await broadcasts.choose_audience(db, draft, sender, Audience())
        return await broadcasts.queue(db, draft, sender)
    finally:
        await db.close()


def environment(db_path: Path, server: FakeBotApiServer) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("TELEGRAM_", "TROLY_", "LC_", "LANGUAGE"))}
    env.update(TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=server.base_url,
               TROLY_DB_PATH=str(db_path), TROLY_TIMEZONE=daytime_zone(),
               TROLY_BACKUP_DIR=str(db_path.parent / "backups"), LANG="C.UTF-8",
               PYTHONPATH=str(ROOT))
    return env


@dataclass
class BotProcess:
    process: asyncio.subprocess.Process
    log: Path

    async def terminate(self) -> float:
        """SIGTERM, then the seconds until the process exited (it is killed after 30)."""
        started = time.monotonic()
        self.process.terminate()
        try:
            await asyncio.wait_for(self.process.wait(), 30)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()
        return time.monotonic() - started


async def start_bot(env: dict[str, str], log: Path) -> BotProcess:
    with log.open("ab") as out:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", env=env, cwd=log.parent,
            stdout=out, stderr=out)
    return BotProcess(process, log)


async def troly(env: dict[str, str], *args: str) -> tuple[int, str, str]:
    """Run a ``troly`` command in its own process: (exit code, stdout, stderr)."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, env=env, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE)
    out, err = await process.communicate()
    return process.returncode or 0, out.decode(), err.decode()


async def wait_until(condition: Callable[[], bool], seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the bot")
        await asyncio.sleep(0.05)


def announcements(server: FakeBotApiServer, text: str) -> list[int]:
    """The chats the announcement reached, once per delivery."""
    return [m.chat_id for m in server.api.sent if text in (m.text or "")]


def rows(db_path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db_path, timeout=10)
    try:
        return [tuple(r) for r in conn.execute(sql)]
    finally:
        conn.close()
