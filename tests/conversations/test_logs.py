"""What ``troly -v run`` writes to its log: no token, no phone number, no name, no message
text, at DEBUG too; with TROLY_LOG_FORMAT=json, one JSON object per line."""

from __future__ import annotations

import io
import json
import logging
import time
from pathlib import Path
from typing import Any

import pytest

from bot.config import Settings
from bot.logs import setup_logging
from bot.storage import Database
from tests.conversations.live_bot import TOKEN, LiveBot, live_bot

USER = 4242
TELEGRAM_NAME = "Quỳnh Bíẩn"
ROSTER_NAME = "Nguyễn Thị Hoa"  # the demo teacher whose number is shared
PHONE_FORMS = ("84912000001", "0912000001", "912000001", "+84912000001")
QUESTION = "Em muốn hỏi chuyện riêng tư zebra-kiwi về lương"


def _message(update_id: int, **content: Any) -> dict[str, Any]:
    return {"update_id": update_id, "message": {
        "message_id": update_id, "date": int(time.time()),
        "chat": {"id": USER, "type": "private", "first_name": TELEGRAM_NAME},
        "from": {"id": USER, "is_bot": False, "first_name": TELEGRAM_NAME,
                 "language_code": "vi"}, **content}}


def _command(update_id: int, text: str) -> dict[str, Any]:
    return _message(update_id, text=text, entities=[
        {"type": "bot_command", "offset": 0, "length": len(text.split()[0])}])


async def _talk(bot: LiveBot) -> None:
    """/start, share one's own contact (Telegram's form, 84…), ask, look at the profile, try
    something the role does not allow."""
    api = bot.server.api
    assert api.updates is not None
    updates = [
        _command(1, "/start"),
        _message(2, contact={"phone_number": PHONE_FORMS[0], "first_name": TELEGRAM_NAME,
                             "user_id": USER}),
        _message(3, text=QUESTION),
        _command(4, "/toi"),
        _command(5, "/thongbao"),  # a teacher may not announce: refused
    ]
    for n, update in enumerate(updates, start=1):
        await api.updates.put(update)
        await bot.wait_for(lambda n=n: len(api.messages_to(USER)) >= n, f"reply to update {n}")
    assert any(ROSTER_NAME in m.text for m in api.messages_to(USER))  # the link really worked


def _assert_nothing_personal(log: str) -> None:
    secret_half = TOKEN.split(":")[1]
    assert TOKEN not in log and secret_half not in log
    for phone in PHONE_FORMS:
        assert phone not in log, phone
    for name in (TELEGRAM_NAME, ROSTER_NAME, "Quỳnh", "Hoa"):
        assert name not in log, name
    assert "zebra-kiwi" not in log and QUESTION not in log


async def test_verbose_run_logs_no_token_phone_name_or_text(tmp_path: Path, settings: Settings,
                                                            demo_db: Database) -> None:
    async with live_bot(tmp_path, settings.db_path, "-v", "run") as bot:
        await _talk(bot)
        log = await bot.stop()
    assert "update 3 handled by" in log  # one summary line per update, with ids
    _assert_nothing_personal(log)


async def test_json_log_lines_carry_update_handler_duration_outcome(
        tmp_path: Path, settings: Settings, demo_db: Database) -> None:
    async with live_bot(tmp_path, settings.db_path, "-v", "run",
                        TROLY_LOG_FORMAT="json") as bot:
        await _talk(bot)
        log = await bot.stop()
    lines = [json.loads(line) for line in log.splitlines() if line.strip()]
    assert lines and all({"time", "level", "event"} <= line.keys() for line in lines)
    summaries = {line["update_id"]: line for line in lines if "duration_ms" in line}
    assert set(summaries) >= {1, 2, 3, 4, 5}
    assert summaries[2]["handler"] == "handlers.account.contact"
    assert summaries[4]["outcome"] == "ok"
    assert summaries[5]["outcome"] == "refused"
    assert all(isinstance(s["duration_ms"], float) for s in summaries.values())
    _assert_nothing_personal(log)


@pytest.mark.parametrize("logger", ["telegram.ext.ExtBot", "httpx", "apscheduler.scheduler",
                                    "bot.anything"])
def test_the_token_is_redacted_from_every_logger_at_every_level(logger: str) -> None:
    out = io.StringIO()
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    setup_logging(verbose=True, stream=out, secrets=[TOKEN, "webhook-secret-value"])
    try:
        logging.getLogger(logger).setLevel(logging.DEBUG)  # even if a library is turned up
        log = logging.getLogger(logger)
        log.debug("Set Bot API URL: https://api.telegram.org/bot%s", TOKEN)
        log.info("HTTP Request: POST http://127.0.0.1/bot%s/getMe", TOKEN)
        log.warning("header X-Telegram-Bot-Api-Secret-Token: webhook-secret-value")
        try:
            raise RuntimeError(f"failed https://api.telegram.org/bot{TOKEN}/sendMessage")
        except RuntimeError:
            log.exception("a failure whose traceback has the URL")
        text = out.getvalue()
    finally:
        logging.getLogger(logger).setLevel(logging.NOTSET)
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
    assert text.count("[redacted]") >= 4
    assert TOKEN not in text and TOKEN.split(":")[1] not in text
    assert "webhook-secret-value" not in text


def test_log_format_is_checked_at_start() -> None:
    from bot.config import ConfigError, load_settings

    assert load_settings({}).log_format == "plain"
    assert load_settings({"TROLY_LOG_FORMAT": "JSON"}).log_format == "json"
    with pytest.raises(ConfigError, match="TROLY_LOG_FORMAT"):
        load_settings({"TROLY_LOG_FORMAT": "xml"})


def test_the_tokens_secret_half_is_redacted_when_logged_alone() -> None:
    """A library that logs the token's secret after the colon, without the bot id, must not
    leak it either (the whole-token pattern does not see it)."""
    out = io.StringIO()
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    setup_logging(verbose=True, stream=out, secrets=[TOKEN])
    secret_half = TOKEN.split(":")[1]
    try:
        logging.getLogger("bot.anything").warning("signing with key=%s", secret_half)
        text = out.getvalue()
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
    assert secret_half not in text and "key=[redacted]" in text
