"""A province's progress report (/baocao, Sở scope): time and peak memory.

Builds a province of 20,000 school staff (5% cốt cán) in 600 schools, 450 of them TH/THCS under
100 Phòngs (or the xã/phường that replaced them), with about two thirds of the states recorded and
500 open personal-info corrections; then, in a fresh process, reads the province's staff and
corrections, counts the figures, and renders the text table, the chart and both Excel lists.
Target: under 3 s.

Run: ``python -m benchmarks.bench_reports [--people 20000]``
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from benchmarks.memory import peak_rss_mb, run_fresh
from bot.campaigns import bundled
from bot.storage import Database

SCHOOLS, DISTRICTS = 600, 100


async def build(path: Path, people: int) -> None:
    db = await Database.open(path)  # the schema, by the migrations
    await db.close()
    rng = random.Random(5)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    now = "2027-01-01T00:00:00+00:00"
    conn.execute("INSERT INTO units (id, kind, name, name_key) VALUES (1, 'so', 'Sở', 'so')")
    conn.executemany("INSERT INTO units (id, kind, name, name_key, parent_id) VALUES "
                     "(?, 'phong', ?, ?, 1)", [(1 + d, f"Xã Hòa Bình {d}", f"xa hoa binh {d}")
                                               for d in range(1, DISTRICTS + 1)])
    schools = []
    for s in range(SCHOOLS):
        level = ("TH", "THCS", "TH", "THPT")[s % 4] if s < 600 - 50 else "GDTX"
        parent = 2 + s % DISTRICTS if level in ("TH", "THCS") else 1
        schools.append((1000 + s, f"Trường {level} Nguyễn Đình Chiểu {s}", f"truong {s}",
                        level, parent))
    conn.executemany("INSERT INTO units (id, kind, name, name_key, level, parent_id) VALUES "
                     "(?, 'school', ?, ?, ?, ?)", schools)
    rows, states = [], []
    core_states = ["not_submitted", "submitted", "lecturer_approved", "approved"]
    given = ["An", "Bình", "Châu", "Dũng", "Đức", "Giang", "Hà", "Hưng", "Khoa", "Lan", "Mai",
             "Ngọc", "Phúc", "Quỳnh", "Sơn", "Thảo", "Uyên", "Việt", "Xuân", "Yến"]
    for i in range(people):
        school = schools[i % SCHOOLS]
        role = "ht" if i < SCHOOLS else ("pht" if i < 2 * SCHOOLS else "gv")
        core = int(i % 20 == 0)
        rows.append((i + 1, f"Nguyễn Thị {rng.choice(given)}", f"09{i:08d}", role, school[3],
                     school[0], core, now, now))
        for task, values in (("module1", ["passed", "passed", "not_passed"]),
                             ("temis_self", ["done", "done", "not_done"])):
            if rng.random() < 0.8:
                states.append((i + 1, task, rng.choice(values), now, "b"))
        if role == "ht" and rng.random() < 0.8:
            states.append((i + 1, "temis_eval", rng.choice(["done", "not_done"]), now, "b"))
        if core:
            for task in bundled().review_tasks:
                if rng.random() < 0.7:
                    states.append((i + 1, task.code, rng.choice(core_states), now, "b"))
    conn.executemany("INSERT INTO people (id, full_name, phone, role, level, unit_id, is_core, "
                     "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.executemany("INSERT INTO task_states (person_id, task, state, updated_at, updated_by)"
                     " VALUES (?, ?, ?, ?, ?)", states)
    conn.executemany("INSERT INTO info_corrections (person_id, field, wrong_value, correct_value,"
                     " reported_at, reported_by) VALUES (?, 'birth_date', '1985-03-12', "
                     "'1985-12-03', ?, 'bench')",
                     [(rng.randrange(1, people + 1), now) for _ in range(500)])
    conn.commit()
    conn.close()


async def measure(path: Path) -> None:
    from bot.i18n import translator
    from bot.reports import render
    from bot.reports.scope import Scope
    from bot.reports.stats import build_report
    from bot.storage.reports import open_corrections, staff_in_scope

    db = await Database.open(path)
    _ = translator("vi")
    scope = Scope("province", None, "Sở GD&ĐT tỉnh Hòa Bình")
    steps: list[tuple[str, float]] = []
    started = last = time.perf_counter()

    def step(name: str) -> None:
        nonlocal last
        now = time.perf_counter()
        steps.append((name, now - last))
        last = now

    campaign = bundled()
    staff = await staff_in_scope(db.reader, scope, campaign)
    corrections = await open_corrections(db.reader, scope)
    step("read")
    report = build_report(scope, staff, campaign)
    step("stats")
    render.text_table(report, _)
    step("table")
    png = render.chart_png(report, _)
    step("chart")
    xlsx5 = render.phu_luc_5_xlsx(report)
    step("phu_luc_5")
    xlsx4 = render.phu_luc_4_xlsx(corrections, scope)
    step("phu_luc_4")
    total = time.perf_counter() - started
    await db.close()
    print(f"people {report.total.people} {report.total.finished} "
          f"{len(report.unfinished_rows())} {len(corrections)}")
    print(f"bytes {len(png)} {len(xlsx5)} {len(xlsx4)}")
    for name, seconds in steps:
        print(f"step {name} {seconds:.3f}")
    print(f"total {total:.3f}")
    print(f"peak {peak_rss_mb():.0f}")


def main(people: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "province.sqlite3"
        started = time.perf_counter()
        asyncio.run(build(path, people))
        print(f"built a province of {people:,} people in {time.perf_counter() - started:.1f} s")
        out = run_fresh("benchmarks.bench_reports", "--measure", str(path))
    for line in out.splitlines():
        kind, *values = line.split()
        if kind == "people":
            print(f"  {int(values[0]):,} staff, {int(values[1]):,} finished; Phụ lục 5: "
                  f"{int(values[2]):,} rows; Phụ lục 4: {int(values[3]):,} corrections")
        elif kind == "bytes":
            print(f"  chart {int(values[0]) / 1024:.0f} KB, Phụ lục 5 "
                  f"{int(values[1]) / 1024:.0f} KB, Phụ lục 4 {int(values[2]) / 1024:.0f} KB")
        elif kind == "step":
            print(f"  {values[0]:<10} {float(values[1]):.2f} s")
        elif kind == "total":
            print(f"  report (read, stats, table, chart, both Excel files): "
                  f"{float(values[0]):.2f} s; target < 3 s")
        elif kind == "peak":
            print(f"  peak memory (RSS of the report process): {values[0]} MB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--measure", type=Path)
    args = parser.parse_args()
    if args.measure:
        asyncio.run(measure(args.measure))
    else:
        main(args.people)
