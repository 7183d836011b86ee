"""Planning the day's reminders for 1,000,000 people with tasks: time and peak memory.

Builds a province of 1,000,000 school staff (5% cốt cán) in 5,000 schools under 100 Phòngs,
under a 20-task campaign (``--tasks``; 0 for Bình Phước's), every one with a linked Telegram
account and about half of their tasks recorded, then plans
the reminders of a 30/3 day (everyone's tasks, school and district summaries) and of a 28/2 day
(cốt cán items and the approvers of waiting ones) in a fresh process.
Target: under 20 s and 500 MB.

Run: ``python -m benchmarks.bench_planning [--people 1000000]``
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from benchmarks.memory import peak_rss_mb, run_fresh
from benchmarks.synthetic_campaign import campaign_yaml, task_codes
from bot.campaigns import bundled
from bot.domain.routing import DEFAULT_RULES
from bot.services import campaigns
from bot.services.reminders import iter_plan
from bot.storage import Database

TZ = "Asia/Ho_Chi_Minh"


async def build(path: Path, people: int, tasks: int = 0) -> None:
    """The province; with ``tasks``, a synthetic campaign of that many tasks is loaded first."""
    db = await Database.open(path)  # the schema, by the migrations
    if tasks:
        assert (await campaigns.load(db, campaign_yaml(tasks), actor="bench")).ok
        staff_codes, review_codes = task_codes(tasks)
    else:
        staff_codes, review_codes = ["module1", "temis_self"], [
            t.code for t in bundled().review_tasks]
    await db.close()
    rng = random.Random(3)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    now = "2027-01-01T00:00:00+00:00"
    conn.execute("INSERT INTO units (id, kind, name, name_key) VALUES (1, 'so', 'Sở', 'so')")
    conn.executemany("INSERT INTO units (id, kind, name, name_key, parent_id) VALUES "
                     "(?, 'phong', ?, ?, 1)", [(1 + p, f"Phòng {p}", f"phong {p}")
                                               for p in range(1, 101)])
    levels = ["TH", "THCS", "THPT", "GDTX"]
    schools = []
    for s in range(5000):
        level = levels[s % 4]
        parent = 2 + s % 100 if level in ("TH", "THCS") else 1
        schools.append((1000 + s, f"Trường {s}", f"truong {s}", level, parent))
    conn.executemany("INSERT INTO units (id, kind, name, name_key, level, parent_id) VALUES "
                     "(?, 'school', ?, ?, ?, ?)", schools)
    rows, accounts, states = [], [], []
    core_states = ["not_submitted", "submitted", "lecturer_approved", "approved"]
    for i in range(people):
        school = schools[i % 5000]
        role = "ht" if i < 5000 else ("pht" if i < 10000 else "gv")
        core = int(i % 20 == 0)
        rows.append((i + 1, f"Người {i}", f"09{i:08d}", role, school[3], school[0], core,
                     now, now))
        accounts.append((10_000_000 + i, i + 1, now))
        for n, code in enumerate(staff_codes):
            if rng.random() < 0.5:
                states.append((i + 1, code, rng.choice(
                    ["passed", "not_passed"] if n % 2 else ["done", "not_done"]), now, "b"))
        if core:
            for code in review_codes:
                if rng.random() < 0.7:
                    states.append((i + 1, code, rng.choice(core_states), now, "b"))
    conn.executemany("INSERT INTO people (id, full_name, phone, role, level, unit_id, is_core, "
                     "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    staff = [(people + 1 + n, f"CV {n}", f"08{n:08d}", "phong", 2 + n % 100, now, now)
             for n in range(200)]
    conn.executemany("INSERT INTO people (id, full_name, phone, role, unit_id, created_at, "
                     "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", staff)
    accounts += [(20_000_000 + n, people + 1 + n, now) for n in range(200)]
    conn.executemany("INSERT INTO accounts (telegram_user_id, person_id, created_at) "
                     "VALUES (?, ?, ?)", accounts)
    conn.executemany("INSERT INTO task_states (person_id, task, state, updated_at, updated_by)"
                     " VALUES (?, ?, ?, ?, ?)", states)
    conn.commit()
    conn.close()


async def measure(path: Path) -> None:
    from zoneinfo import ZoneInfo

    db = await Database.open(path)
    results = []
    for day in (dt.datetime(2027, 3, 23, 7, 30), dt.datetime(2027, 2, 21, 7, 30)):
        started = time.perf_counter()
        n = 0
        async for _reminder in iter_plan(db, day.replace(tzinfo=ZoneInfo(TZ)), DEFAULT_RULES):
            n += 1
        results.append((day, time.perf_counter() - started, n))
    await db.close()
    peak = peak_rss_mb()
    for day, seconds, n in results:
        print(f"{day:%d/%m} {seconds:.2f} {n}")
    print(f"peak {peak:.0f}")


def main(people: int, tasks: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "province.sqlite3"
        started = time.perf_counter()
        asyncio.run(build(path, people, tasks))
        what = f"a {tasks}-task campaign" if tasks else "the default campaign"
        print(f"built a province of {people:,} people with {what} in "
              f"{time.perf_counter() - started:.0f} s")
        out = run_fresh("benchmarks.bench_planning", "--measure", str(path))
    lines = out.split("\n")
    for line in lines:
        if line.startswith("peak"):
            print(f"  peak memory (RSS of the planning process): {line.split()[1]} MB; "
                  f"target < 500 MB")
        elif line:
            day, seconds, n = line.split()
            print(f"  planning {day}: {int(n):,} reminders in {float(seconds):.1f} s; "
                  f"target < 20 s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--tasks", type=int, default=20,
                        help="tasks of a synthetic campaign; 0 for the default (Bình Phước)")
    parser.add_argument("--measure", type=Path)
    args = parser.parse_args()
    if args.measure:
        asyncio.run(measure(args.measure))
    else:
        main(args.people, args.tasks)
