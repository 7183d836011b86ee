"""`troly backup` and `troly restore` on their own: pruning, refusals with one clear line,
an older schema migrated, and the nightly job telling the admins when it fails."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from bot import bot_lock
from bot.app import Services
from bot.offline import OfflineTelegram
from bot.services.backups import nightly_backup
from bot.storage import Database
from bot.storage.backup import backups_in, before_restore_path
from bot.storage.database import LATEST_VERSION
from tests.conftest import ADMIN_ID
from tests.operations.conftest import CliRun


def kept_aside(db_path: Path) -> bool:
    return before_restore_path(db_path).exists()


def count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


async def test_backup_prints_the_counts_and_keeps_the_newest_copies(
        demo_db: Database, cli: CliRun, tmp_path: Path) -> None:
    people = count(demo_db.path, "people")
    for _ in range(3):
        code, out, err = cli("backup", "--to", str(tmp_path / "copies"), "--keep", "2")
        assert code == 0, err
    assert f"Số người {people}, tài khoản 0, trạng thái việc 0, tin trong hàng đợi 0" in out
    assert "Đã xoá 1 bản cũ; giữ 2 bản mới nhất." in out
    copies = backups_in(tmp_path / "copies")
    assert len(copies) == 2 and out.startswith(f"Đã sao lưu vào {copies[-1]}")
    assert all(count(c, "people") == people for c in copies)

    code, out, err = cli("backup", "--keep", "0")
    assert (code, out) == (2, "") and err == "troly: --keep phải từ 1 trở lên.\n"


async def test_restore_is_refused_while_a_bot_holds_the_database(
        demo_db: Database, cli: CliRun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, _out, err = cli("backup", "--to", str(tmp_path))
    [copy] = backups_in(tmp_path)
    with bot_lock.held(demo_db.path):
        code, out, err = cli("restore", str(copy))
        assert code == 1 and out == ""
        assert err.count("\n") == 1 and "Bot đang chạy trên" in err
        monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ")
        code, _out, err = cli("run")  # nor can a second bot start on it
        assert code == 1 and "Đã có một bot đang chạy" in err
    assert not kept_aside(demo_db.path)


async def test_restore_keeps_the_current_database_aside_and_puts_the_copy_back(
        demo_db: Database, cli: CliRun, tmp_path: Path) -> None:
    cli("backup", "--to", str(tmp_path / "copies"))
    [copy] = backups_in(tmp_path / "copies")
    async with demo_db.transaction() as tx:
        await tx.execute("DELETE FROM people WHERE role = 'gv'")
    after_the_mistake = count(demo_db.path, "people")
    await demo_db.close()

    code, out, err = cli("restore", str(copy))
    assert code == 0, err
    assert count(demo_db.path, "people") == count(copy, "people") > after_the_mistake
    kept = before_restore_path(demo_db.path)
    assert count(kept, "people") == after_the_mistake
    assert f"được giữ tại {kept}" in out
    assert f"Số người {count(copy, 'people')}" in out


async def test_a_copy_from_an_older_schema_is_migrated(cli: CliRun, tmp_path: Path) -> None:
    old_path = tmp_path / "old.sqlite3"
    old = await Database.open(old_path, migrate=False)
    await old.migrate(target=1)
    async with old.transaction() as tx:
        await tx.execute("INSERT INTO units (id, kind, name, name_key) VALUES (1, 'so', 'Sở', "
                         "'so')")
        await tx.execute("INSERT INTO people (full_name, phone, role, unit_id, created_at, "
                         "updated_at) VALUES ('A', '0912345678', 'so', 1, 'x', 'x')")
    await old.close()

    code, out, err = cli("restore", str(old_path))
    assert code == 0, err
    assert f"(lược đồ 1 → {LATEST_VERSION})" in out
    restored = await Database.open(tmp_path / "test.sqlite3", migrate=False)
    try:
        assert await restored.schema_version() == LATEST_VERSION
        async with restored.reader.execute("SELECT phone FROM people") as cur:
            assert [r[0] for r in await cur.fetchall()] == ["0912345678"]
    finally:
        await restored.close()
    assert count(old_path, "people") == 1  # the file given is left as it was


async def test_a_bad_file_is_refused_in_one_line_and_nothing_changes(
        demo_db: Database, cli: CliRun, tmp_path: Path) -> None:
    people = count(demo_db.path, "people")
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    newer = tmp_path / "newer.sqlite3"
    cli("backup", "--to", str(tmp_path / "copies"))
    backups_in(tmp_path / "copies")[0].rename(newer)
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()

    for path, words in [(junk, "không phải cơ sở dữ liệu của bot"),
                        (newer, "phiên bản bot mới hơn"),
                        (tmp_path / "missing.sqlite3", "Không có tệp")]:
        code, out, err = cli("restore", str(path))
        assert (code, out) == (2, ""), err
        assert err.count("\n") == 1 and words in err, err
    assert count(demo_db.path, "people") == people
    assert not kept_aside(demo_db.path)


async def test_a_failed_nightly_backup_alerts_the_admins_through_the_outbox(
        services: Services, telegram: OfflineTelegram, tmp_path: Path) -> None:
    async with services.db.transaction() as tx:  # the admin linked their account
        await tx.execute("INSERT INTO accounts (telegram_user_id, person_id, created_at) "
                         "SELECT ?, id, 'x' FROM people WHERE role = 'so' LIMIT 1", (ADMIN_ID,))
    blocked = tmp_path / "a-file"
    blocked.write_text("a file where the backup folder should be")
    now = dt.datetime(2027, 2, 25, 2, 0)

    assert await nightly_backup(services.db, directory=blocked / "backups", keep=14,
                                now_local=now, admin_ids=services.settings.admin_ids) is None
    assert await nightly_backup(services.db, directory=blocked / "backups", keep=14,
                                now_local=now, admin_ids=services.settings.admin_ids) is None
    await services.outbox.drain()
    [alert] = telegram.api.messages_to(ADMIN_ID)  # once a night, however often it fails
    assert "Sao lưu cơ sở dữ liệu của bot đêm nay bị lỗi" in alert.text
    assert "troly doctor" in alert.text and str(blocked) in alert.text

    made = await nightly_backup(services.db, directory=tmp_path / "ok", keep=14,
                                now_local=now, admin_ids=services.settings.admin_ids)
    assert made is not None and made.counts["accounts"] == 1
    assert backups_in(tmp_path / "ok") == [made.path]


async def test_the_bot_schedules_the_backup_every_night_at_two(services: Services) -> None:
    from bot.app import offline_telegram

    offline = await offline_telegram(services, background=True)
    try:
        assert offline.application.job_queue is not None
        [job] = offline.application.job_queue.get_jobs_by_name("nightly-backup")
        assert job.next_t is not None
        local = job.next_t.astimezone(services.settings.timezone)
        assert (local.hour, local.minute) == (2, 0)
    finally:
        await offline.application.stop()
        await offline.application.shutdown()


def test_backup_settings_have_defaults_and_refuse_nonsense() -> None:
    from bot.config import ConfigError, load_settings

    default = load_settings({"TROLY_DB_PATH": "/srv/troly/troly.sqlite3"})
    assert (default.backups, default.backup_keep) == (Path("/srv/troly/backups"), 14)
    chosen = load_settings({"TROLY_BACKUP_DIR": "/mnt/usb", "TROLY_BACKUP_KEEP": "30"})
    assert (chosen.backups, chosen.backup_keep) == (Path("/mnt/usb"), 30)
    for keep in ("0", "-1", "many"):
        with pytest.raises(ConfigError, match="TROLY_BACKUP_KEEP"):
            load_settings({"TROLY_BACKUP_KEEP": keep})


async def test_restore_is_refused_while_the_console_uses_the_database(
        demo_db: Database, cli: CliRun, tmp_path: Path) -> None:
    """The offline console is a troly process too (issue 20): restore waits until it is closed,
    and doctor says something uses the database although no bot runs."""
    import asyncio
    import os
    import sys

    from tests.conversations.live_bot import ROOT

    cli("backup", "--to", str(tmp_path / "copies"))
    [copy] = backups_in(tmp_path / "copies")
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "LANG": "C.UTF-8",
           "PYTHONPATH": str(ROOT), "TROLY_DB_PATH": str(demo_db.path)}
    console = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "chat", cwd=tmp_path, env=env,
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT)
    assert console.stdin is not None and console.stdout is not None
    try:
        await asyncio.wait_for(console.stdout.readuntil(b"> "), 60)  # the console's prompt
        code, out, err = cli("restore", str(copy))
        assert code == 1 and out == "" and "bảng điều khiển ngoại tuyến" in err, err
        code, out, _err = cli("doctor")
        assert "Bot không chạy" in out and "đang dùng cơ sở dữ liệu" in out, out
    finally:
        console.stdin.close()
        await asyncio.wait_for(console.wait(), 60)
    assert not kept_aside(demo_db.path)
    code, _out, err = cli("restore", str(copy))
    assert code == 0, err
