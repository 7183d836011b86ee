"""``troly run --webhook-url`` never runs open: without TELEGRAM_WEBHOOK_SECRET it makes one,
gives it to setWebhook, and refuses forged posts (403) and malformed bodies (400)."""

from __future__ import annotations

import contextlib
import json
import socket
import sqlite3
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from bot.config import Settings
from bot.storage import Database
from tests.conftest import ADMIN_ID
from tests.conversations.live_bot import LiveBot, free_port, live_bot

SO_OFFICER_PHONE = "84903000001"  # Hoàng Minh Tuấn, Chuyên viên Sở in the demo roster
ATTACKER = 5555


def _post(port: int, body: bytes, headers: dict[str, str]) -> int:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/telegram", data=body,
                                     headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code


def _forged_contact() -> bytes:
    """The attack that worked: a contact 'of one's own' carrying an officer's phone."""
    return json.dumps({"update_id": 77, "message": {
        "message_id": 1, "date": int(time.time()),
        "chat": {"id": ATTACKER, "type": "private"},
        "from": {"id": ATTACKER, "is_bot": False, "first_name": "X"},
        "contact": {"phone_number": SO_OFFICER_PHONE, "first_name": "X",
                    "user_id": ATTACKER}}}).encode()


def _forged_invite() -> bytes:
    text = "/moi so Kẻ Mạo Danh"
    return json.dumps({"update_id": 78, "message": {
        "message_id": 2, "date": int(time.time()),
        "chat": {"id": ADMIN_ID, "type": "private"},
        "from": {"id": ADMIN_ID, "is_bot": False, "first_name": "Admin"}, "text": text,
        "entities": [{"type": "bot_command", "offset": 0, "length": 4}]}}).encode()


def _rows(db_path: Path) -> dict[str, int]:
    with sqlite3.connect(db_path) as conn:
        return {table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                for table in ("accounts", "invites", "audit_log", "people")}


async def _started(bot: LiveBot) -> dict[str, Any]:
    api = bot.server.api
    await bot.wait_for(lambda: any(name == "setWebhook" for name, _ in api.calls), "setWebhook")
    [params] = [p for name, p in api.calls if name == "setWebhook"]
    await bot.wait_for(lambda: "Application started" in bot.log(), "the webhook server")
    return params


async def test_without_a_secret_one_is_generated_and_forged_posts_get_403(
        tmp_path: Path, settings: Settings, demo_db: Database) -> None:
    port = free_port()
    before = _rows(settings.db_path)
    async with live_bot(tmp_path, settings.db_path, "run", "--webhook-url",
                        "https://bot.example.vn", "--port", str(port),
                        admin_ids=str(ADMIN_ID)) as bot:
        params = await _started(bot)
        secret = str(params.get("secret_token") or "")
        assert len(secret) >= 32
        assert params["url"] == "https://bot.example.vn/telegram"
        json_type = {"Content-Type": "application/json"}
        assert _post(port, _forged_contact(), json_type) == 403
        assert _post(port, _forged_invite(), json_type) == 403
        assert _post(port, _forged_contact(),
                     {**json_type, "X-Telegram-Bot-Api-Secret-Token": "guess"}) == 403
        assert _post(port, _forged_contact(),
                     {**json_type, "X-Telegram-Bot-Api-Secret-Token": secret[:-1]}) == 403
        good = {**json_type, "X-Telegram-Bot-Api-Secret-Token": secret}
        for malformed in (b"{not json", b"[]", b'"text"', b"{}", b'{"update_id": "x"}',
                          b'{"update_id": 5, "message": {"chat": 1}}', b"\xff\xfe"):
            assert _post(port, malformed, good) == 400, malformed
        log = await bot.stop()
    assert _rows(settings.db_path) == before
    assert "generated a random secret" in log
    assert secret not in log
    assert "Traceback" not in log


async def test_with_the_secret_a_real_update_is_processed(
        tmp_path: Path, settings: Settings, demo_db: Database) -> None:
    port = free_port()
    async with live_bot(tmp_path, settings.db_path, "run", "--webhook-url",
                        "https://bot.example.vn", "--port", str(port),
                        TELEGRAM_WEBHOOK_SECRET="configured-secret_123") as bot:
        params = await _started(bot)
        assert params["secret_token"] == "configured-secret_123"
        start = json.dumps({"update_id": 9, "message": {
            "message_id": 3, "date": int(time.time()), "chat": {"id": 31, "type": "private"},
            "from": {"id": 31, "is_bot": False, "first_name": "Lan"}, "text": "/start",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}}).encode()
        assert _post(port, start, {"Content-Type": "application/json",
                                   "X-Telegram-Bot-Api-Secret-Token":
                                       "configured-secret_123"}) == 200
        await bot.wait_for(lambda: bot.server.api.messages_to(31), "the greeting")
        log = await bot.stop()
    assert "generated a random secret" not in log
    assert "configured-secret_123" not in log


def _raw_post(port: int, headers: dict[str, str], body: bytes = b"") -> int:
    """The status the server answers after only the headers (and ``body``) were sent: a
    server that waited for the announced body would time out here instead."""
    lines = ["POST /telegram HTTP/1.1", f"Host: 127.0.0.1:{port}",
             *(f"{k}: {v}" for k, v in headers.items()), "", ""]
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        # refused before the whole body was sent: the answer is already written
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            conn.sendall("\r\n".join(lines).encode() + body)
        answer = conn.recv(1024)
    return int(answer.split(b" ", 2)[1])


def _nested(levels: int) -> bytes:
    return b'{"update_id": 5, "message": ' + b"[" * levels + b"]" * levels + b"}"


async def test_the_secret_is_checked_before_the_body_is_read_and_large_bodies_get_413(
        tmp_path: Path, settings: Settings, demo_db: Database) -> None:
    port = free_port()
    secret = "configured-secret_123"
    async with live_bot(tmp_path, settings.db_path, "run", "--webhook-url",
                        "https://bot.example.vn", "--port", str(port),
                        TELEGRAM_WEBHOOK_SECRET=secret) as bot:
        await _started(bot)
        json_type = {"Content-Type": "application/json"}
        huge = {**json_type, "Content-Length": str(95 * 2**20)}
        assert _raw_post(port, huge) == 403  # answered without reading 95 MB
        assert _raw_post(port, {**huge, "X-Telegram-Bot-Api-Secret-Token": "guess"}) == 403
        good = {**json_type, "X-Telegram-Bot-Api-Secret-Token": secret}
        assert _raw_post(port, {**good, "Content-Length": str(95 * 2**20)}) == 413
        assert _raw_post(port, {**good, "Content-Length": str(2**20 + 1)}) == 413
        chunk = b" " * 2**19
        chunked = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(3)) + b"0\r\n\r\n"
        assert _raw_post(port, {**good, "Transfer-Encoding": "chunked"}, chunked) in (400, 413)
        assert _post(port, _nested(100_000), good) == 400  # was 500, RecursionError
        assert _post(port, _nested(40), good) == 400
        start = json.dumps({"update_id": 10, "message": {
            "message_id": 3, "date": int(time.time()), "chat": {"id": 32, "type": "private"},
            "from": {"id": 32, "is_bot": False, "first_name": "Lan"}, "text": "/start",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}}).encode()
        assert _post(port, start, good) == 200  # the server still serves real updates
        await bot.wait_for(lambda: bot.server.api.messages_to(32), "the greeting")
        log = await bot.stop()
    assert "Traceback" not in log
    assert "RecursionError" not in log
