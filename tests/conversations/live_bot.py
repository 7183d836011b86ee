"""``troly run`` as a separate process against the fake Bot API on 127.0.0.1 (never Telegram).

The security tests use it to see what the real command does: what it sends to the Bot API,
what its webhook answers, and what it writes to its log.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.fake_bot_api import FakeBotApiServer

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"
ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveBot:
    server: FakeBotApiServer
    process: asyncio.subprocess.Process
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    async def wait_for(self, condition: Any, what: str, seconds: float = 20.0) -> None:
        deadline = time.monotonic() + seconds
        while not condition():
            if self.process.returncode is not None:
                raise AssertionError(f"troly exited ({self.process.returncode}):\n{self.log()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}:\n{self.log()}")
            await asyncio.sleep(0.05)

    async def stop(self) -> str:
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGINT)
            try:
                await asyncio.wait_for(self.process.wait(), 15)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()
        return self.log()


@contextlib.asynccontextmanager
async def live_bot(tmp_path: Path, db_path: Path, *args: str, admin_ids: str = "",
                   **env: str) -> AsyncIterator[LiveBot]:
    """``troly ARGS`` (e.g. ``-v run``) with the token set and the Bot API on a local fake."""
    server = await FakeBotApiServer(limits=None).start()
    log_path = tmp_path / "troly.log"
    environment = {
        "PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path),
        "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1",
        "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": server.base_url,
        "TROLY_DB_PATH": str(db_path), "TROLY_ADMIN_IDS": admin_ids, **env}
    with log_path.open("wb") as out:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", *args, cwd=tmp_path, env=environment,
            stdout=out, stderr=asyncio.subprocess.STDOUT)
    bot = LiveBot(server, process, log_path)
    try:
        yield bot
    finally:
        await bot.stop()
        await server.stop()
