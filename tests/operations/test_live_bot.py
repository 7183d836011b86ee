"""The acceptance scenarios of issue 15 on a real bot process: a backup taken during a
broadcast, a restore refused while the bot runs and done after it stops, and SIGTERM during a
broadcast losing and repeating nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from benchmarks.fake_bot_api import FakeBotApiServer
from bot.sending import CLAIM_SIZE
from tests.operations.live import (
    announcements,
    environment,
    rows,
    seed,
    start_bot,
    troly,
    wait_until,
)

TEXT = "Thông báo thử nghiệm vận hành: kiểm tra hồ sơ trước 28/2."
PEOPLE = "SELECT id, full_name, phone, role, unit_id FROM people ORDER BY id"
OUTBOX = "SELECT id, kind, dedup_key, person_id FROM outbox ORDER BY id"
STATUSES = "SELECT id, status FROM outbox ORDER BY id"


async def test_backup_during_a_broadcast_then_restore_only_once_the_bot_stopped(
        tmp_path: Path) -> None:
    db_path = tmp_path / "troly.sqlite3"
    # Enough recipients that, at Telegram's pace (about 30 a second), the broadcast is still
    # under way when the backup ends even on a loaded machine; the bot is stopped before the end.
    recipients = await seed(db_path, 1200, TEXT)
    server = await FakeBotApiServer(delay=0.01).start()
    env = environment(db_path, server)
    bot = await start_bot(env, tmp_path / "bot.log")
    try:
        await wait_until(lambda: len(announcements(server, TEXT)) >= 20)
        people_before, outbox_before = rows(db_path, PEOPLE), rows(db_path, OUTBOX)
        sent_before = len(announcements(server, TEXT))

        code, out, err = await troly(env, "backup")
        assert code == 0, err
        [copy] = sorted((tmp_path / "backups").glob("troly-*.sqlite3"))
        assert f"Số người {len(people_before)}" in out, out
        assert "toàn vẹn: đạt" in out, out
        assert len(announcements(server, TEXT)) > sent_before  # the bot kept sending meanwhile
        assert rows(db_path, "SELECT COUNT(*) FROM outbox WHERE status = 'pending'")[0][0] > 0

        conn = sqlite3.connect(copy)
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        conn.close()
        assert rows(copy, PEOPLE) == people_before
        assert set(outbox_before) <= set(rows(copy, OUTBOX))

        code, out, err = await troly(env, "restore", str(copy))
        assert code == 1
        assert len(err.strip().splitlines()) == 1 and "đang chạy" in err, err
        assert not (tmp_path / "troly.sqlite3.before-restore").exists()

        assert await bot.terminate() < 10
    finally:
        if bot.process.returncode is None:
            await bot.terminate()
        await server.stop()

    live_statuses = rows(db_path, STATUSES)
    code, out, err = await troly(env, "restore", str(copy))
    assert code == 0, err
    assert f"Số người {len(people_before)}" in out, out
    assert rows(db_path, PEOPLE) == rows(copy, PEOPLE)
    assert rows(db_path, OUTBOX) == rows(copy, OUTBOX)
    assert rows(db_path, STATUSES) == rows(copy, STATUSES)
    assert rows(tmp_path / "troly.sqlite3.before-restore", STATUSES) == live_statuses
    assert recipients == len(people_before)


async def test_sigterm_during_a_broadcast_exits_quickly_and_everyone_gets_it_once(
        tmp_path: Path) -> None:
    db_path = tmp_path / "troly.sqlite3"
    recipients = await seed(db_path, 150, TEXT)
    server = await FakeBotApiServer(delay=0.01).start()
    env = environment(db_path, server)
    try:
        bot = await start_bot(env, tmp_path / "bot.log")
        await wait_until(lambda: len(announcements(server, TEXT)) >= 30)
        seconds = await bot.terminate()
        assert seconds < 10, f"the bot took {seconds:.1f} s to stop"
        assert bot.process.returncode == 0, (tmp_path / "bot.log").read_text()
        assert rows(db_path, "SELECT COUNT(*) FROM outbox WHERE status = 'sending'") == [(0,)]
        left = rows(db_path, "SELECT COUNT(*) FROM outbox WHERE status = 'pending'")[0][0]
        assert left > 0  # it was stopped in the middle of the broadcast
        sent_at_stop = len(announcements(server, TEXT))

        bot = await start_bot(env, tmp_path / "bot.log")
        await wait_until(lambda: len(set(announcements(server, TEXT))) == recipients)
        await wait_until(lambda: rows(db_path, "SELECT COUNT(*) FROM outbox WHERE status IN "
                                               "('pending', 'sending')") == [(0,)])
        assert await bot.terminate() < 10
    finally:
        await server.stop()

    delivered = announcements(server, TEXT)
    assert set(delivered) == set(rows(db_path, "SELECT telegram_user_id FROM accounts")[i][0]
                                 for i in range(recipients))
    repeated = len(delivered) - recipients
    assert repeated <= CLAIM_SIZE, f"{repeated} people got the announcement twice"
    assert sent_at_stop < len(delivered)
