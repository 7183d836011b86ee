"""`troly doctor`: one screen, non-zero when something is wrong, and in --json each problem a
monitor watches for is its own field. Telegram is the fake Bot API server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from benchmarks.fake_bot_api import FakeBotApiServer
from bot.offline import BotApiError, FakeBotApi
from bot.storage import Database
from bot.storage.backup import backups_in
from tests.conftest import ADMIN_ID, VN

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"
Doctor = Callable[..., Awaitable[tuple[int, str, str]]]


@dataclass
class BotApi(FakeBotApi):
    """The fake server's API, with a token Telegram may reject."""

    token_valid: bool = True

    async def _m_getme(self, params: dict[str, Any], files: Any) -> Any:
        if not self.token_valid:
            raise BotApiError(401, "Unauthorized")
        return self.bot_user()


@pytest.fixture
async def api(demo_db: Database, acli: Doctor, tmp_path: Path,
              monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[BotApi]:
    """A healthy deployment: token, admins, a fresh backup, the fake Telegram."""
    server = await FakeBotApiServer(api=BotApi(), limits=None).start()
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", server.base_url)
    monkeypatch.setenv("TROLY_ADMIN_IDS", str(ADMIN_ID))
    monkeypatch.setenv("TROLY_BACKUP_DIR", str(tmp_path / "backups"))
    code, _out, err = await acli("backup")
    assert code == 0, err
    assert isinstance(server.api, BotApi)
    yield server.api
    await server.stop()


async def doctor_json(acli: Doctor) -> tuple[int, dict[str, Any]]:
    code, out, _err = await acli("doctor", "--json")
    return code, json.loads(out)


async def test_a_healthy_deployment_passes_on_one_screen(api: BotApi, acli: Doctor) -> None:
    code, out, err = await acli("doctor")
    assert code == 0, out + err
    assert "Telegram: token hợp lệ (@troly_boiduong_bot)." in out
    assert "Cơ sở dữ liệu: ghi được, lược đồ" in out
    assert out.rstrip().endswith("✅ Mọi thứ đều ổn.")
    code, report = await doctor_json(acli)
    assert code == 0 and report["ok"] is True and report["problems"] == []
    assert report["database"]["writable"] is True
    assert report["telegram"]["token_valid"] is True
    assert report["outbox"]["stuck_sending"] == 0
    assert report["backup"]["stale"] is False
    assert report["telegram"]["webhook"] is None  # long polling
    assert report["ocr"]["available"] is True and report["ocr"]["language"] == "vie"
    assert f"Công văn bản scan: đọc được bằng OCR (Tesseract {report['ocr']['version']}" in out


def _stuck_row(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    with conn:
        for minutes, key in ((10, "stuck"), (1, "in-flight")):
            at = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=minutes)).isoformat(
                timespec="seconds")
            conn.execute("INSERT INTO outbox (kind, dedup_key, person_id, payload, status, "
                         "created_at, updated_at) VALUES ('broadcast', ?, 1, '{}', 'sending', "
                         "?, ?)", (key, at, at))
    conn.close()


def _old_backup(backup_dir: Path) -> None:
    three_days_ago = time.time() - 3 * 86400
    for copy in backups_in(backup_dir):
        os.utime(copy, (three_days_ago, three_days_ago))


@pytest.mark.parametrize(("problem", "field", "value"), [
    ("outbox_stuck_sending", ("outbox", "stuck_sending"), 1),
    ("token_invalid", ("telegram", "token_valid"), False),
    ("backup_stale", ("backup", "stale"), True),
    ("database_not_writable", ("database", "writable"), False),
])
async def test_each_problem_is_its_own_field_and_fails_the_check(
        api: BotApi, acli: Doctor, demo_db: Database, tmp_path: Path,
        problem: str, field: tuple[str, str], value: object) -> None:
    writer = None
    if problem == "outbox_stuck_sending":
        _stuck_row(demo_db.path)
    elif problem == "token_invalid":
        api.token_valid = False
    elif problem == "backup_stale":
        _old_backup(tmp_path / "backups")
    else:  # another process holds the write lock (root may write any file: no chmod here)
        writer = sqlite3.connect(demo_db.path, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")
    try:
        code, report = await doctor_json(acli)
        _code, out, _err = await acli("doctor")
    finally:
        if writer is not None:
            writer.execute("ROLLBACK")
            writer.close()
    assert code == 1
    assert report["ok"] is False and report["problems"] == [problem]
    section, name = field
    assert report[section][name] == value
    assert "Có 1 vấn đề." in out and "❌" in out
    assert TOKEN not in out + json.dumps(report)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files; covered by the lock")
async def test_a_read_only_database_file_is_reported(api: BotApi, acli: Doctor,
                                                     demo_db: Database) -> None:
    demo_db.path.chmod(0o444)
    try:
        code, report = await doctor_json(acli)
    finally:
        demo_db.path.chmod(0o644)
    assert code == 1 and report["database"]["writable"] is False


async def test_webhook_mode_shows_pending_updates_and_a_recent_error(api: BotApi,
                                                                     acli: Doctor) -> None:
    api.webhook_info = {"url": "https://bot.example.vn/telegram", "has_custom_certificate": False,
                        "pending_update_count": 17, "last_error_message": "Connection refused",
                        "last_error_date": int(time.time()) - 120}
    code, report = await doctor_json(acli)
    assert code == 1 and report["problems"] == ["webhook_error"]
    webhook = report["telegram"]["webhook"]
    assert webhook["pending_updates"] == 17 and webhook["last_error"] == "Connection refused"
    _code, out, _err = await acli("doctor")
    assert "17 cập nhật đang chờ; lỗi gần nhất: Connection refused" in out


async def test_the_backlog_and_the_last_planning_run_are_shown(api: BotApi, acli: Doctor,
                                                               demo_db: Database) -> None:
    from bot.domain.routing import rules_named
    from bot.services.reminders import enqueue_due

    code, report = await doctor_json(acli)
    assert report["reminders"]["last_planning_run"] is None
    await enqueue_due(demo_db, dt.datetime(2027, 2, 21, 7, 30, tzinfo=VN), rules_named("default"))
    _stuck_row(demo_db.path)
    code, report = await doctor_json(acli)
    assert code == 1
    assert report["reminders"]["last_planning_run"] is not None
    assert report["outbox"]["backlog"]["broadcast"] == {"sending": 2}
    _code, out, _err = await acli("doctor")
    assert "Hàng đợi tin: thông báo đang gửi 2." in out
