"""`troly backup` and `troly restore` on a province-sized database while the bot writes.

A database of 20,000 people (accounts, six task states each, 40,000 outbox rows, 100,000 audit
rows) is copied with the online backup API while another connection keeps writing small
transactions, as the outbox does during a broadcast. Prints the size, the backup and restore
times, and the longest a write waited during the backup (the bot must not stall).

Run: ``python -m benchmarks.bench_backup [--people 20000]``
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sqlite3
import tempfile
import threading
import time
from pathlib import Path

from bot.storage import Database
from bot.storage.backup import make_backup, settle, stage_restore, swap_in, verify


async def build(path: Path, people: int) -> None:
    db = await Database.open(path)
    await db.close()
    conn = sqlite3.connect(path)
    now = "2027-02-10T09:00:00+00:00"
    with conn:
        conn.execute("INSERT INTO units (id, kind, name, name_key) VALUES (1, 'so', 'Sở', 'so')")
        conn.executemany(
            "INSERT INTO people (id, full_name, phone, role, level, unit_id, created_at, "
            "updated_at) VALUES (?, ?, ?, 'gv', 'TH', 1, ?, ?)",
            ((i, f"Giáo viên {i}", f"09{i:08d}", now, now) for i in range(1, people + 1)))
        conn.executemany("INSERT INTO accounts (telegram_user_id, person_id, created_at) "
                         "VALUES (?, ?, ?)", ((10_000_000 + i, i, now)
                                              for i in range(1, people + 1)))
        conn.executemany(
            "INSERT INTO task_states (person_id, task, state, updated_at, updated_by) "
            "VALUES (?, ?, 'done', ?, 'import')",
            ((i, t, now) for i in range(1, people + 1)
             for t in ("module1", "temis_self", "temis_eval", "plan_m2", "plan_m3", "report_m2")))
        conn.executemany(
            "INSERT INTO outbox (kind, dedup_key, person_id, payload, status, created_at, "
            "updated_at) VALUES ('broadcast', ?, ?, '{}', 'pending', ?, ?)",
            ((f"b:{k}", i, now, now) for k in (1, 2) for i in range(1, people + 1)))
        conn.executemany("INSERT INTO audit_log (at, actor, action, detail) VALUES "
                         "(?, 'cli', 'task.set', '{\"to\": \"done\"}')",
                         ((now,) for _ in range(100_000)))
    conn.close()


def writer(path: Path, stop: threading.Event, waits: list[float]) -> None:
    """The bot's outbox: one small write transaction every 10 ms."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=10)
    conn.execute("PRAGMA journal_mode = WAL")
    n = 0
    while not stop.is_set():
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE outbox SET status = 'sent' WHERE id = ?", (n % 40_000 + 1,))
        conn.execute("COMMIT")
        waits.append(time.perf_counter() - started)
        n += 1
        time.sleep(0.01)
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "troly.sqlite3"
        asyncio.run(build(path, args.people))
        size = path.stat().st_size / 1e6

        stop, waits = threading.Event(), []
        thread = threading.Thread(target=writer, args=(path, stop, waits))
        thread.start()
        time.sleep(0.2)
        before = len(waits)
        started = time.perf_counter()
        snapshot = make_backup(path, Path(tmp) / "backups", dt.datetime.now(), 14)
        backup_s = time.perf_counter() - started
        during = waits[before:]
        stop.set()
        thread.join()

        started = time.perf_counter()
        verify(snapshot.path)
        staged = stage_restore(snapshot.path, path)
        settle(staged)
        swap_in(staged, path)
        restore_s = time.perf_counter() - started

    print(f"database: {args.people} people, {size:.1f} MB")
    print(f"backup (copy + integrity_check + counts): {backup_s:.2f} s; "
          f"{snapshot.counts['outbox']} outbox rows copied")
    print(f"writes during the backup: {len(during)}, longest wait "
          f"{max(during) * 1000:.1f} ms" if during else "no write finished during the backup")
    print(f"restore (verify, stage, swap): {restore_s:.2f} s")


if __name__ == "__main__":
    main()
