"""Import a 20,000-row roster (.xlsx) into a fresh database; print time and peak memory.

Target (issue: foundation): under 30 s and 300 MB. Then a copy with one bad row is imported
and the database is checked to be unchanged.
"""

from __future__ import annotations

import asyncio
import io
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

from benchmarks.memory import peak_rss_mb, run_fresh
from bot.domain.roster import TEMPLATE_HEADERS
from bot.services.imports import import_roster
from bot.spreadsheets import read_table
from bot.storage import Database
from bot.storage.people import count_people

ROWS = 20_000
ROLES = ["Giáo viên"] * 18 + ["Hiệu trưởng", "Phó hiệu trưởng"]
LEVELS = ["TH", "THCS", "THPT", "GDTX"]


def roster_xlsx(rows: int, bad_row: bool = False) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(list(TEMPLATE_HEADERS))
    for i in range(rows):
        level = LEVELS[i % 4]
        district = f"Huyện {i % 40}" if level in ("TH", "THCS") else ""
        ws.append([f"Giáo viên số {i}", "01/01/1985", 912000000 + i, ROLES[i % 20], level,
                   f"Trường {level} số {i % 900}", district, "x" if i % 25 == 0 else ""])
    if bad_row:
        ws.append(["Dòng lỗi", "", "12", "Giáo viên", "TH", "Trường TH số 1", "Huyện 1", ""])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


async def measure(path: Path, db_path: Path) -> None:
    """Runs in a fresh process, so its peak RSS is the import's own."""
    started = time.perf_counter()
    db = await Database.open(db_path)
    rows = read_table(path.read_bytes(), path.name)
    read_s = time.perf_counter() - started
    report = await import_roster(db, rows, actor="bench")
    total_s = time.perf_counter() - started
    count = await count_people(db.reader)
    await db.close()
    peak_mb = peak_rss_mb()
    print(f"{total_s:.2f} {read_s:.2f} {peak_mb:.0f} {int(report.ok)} {len(report.errors)} "
          f"{report.created} {count}")


def run_child(path: Path, db_path: Path) -> list[str]:
    return run_fresh("benchmarks.bench_roster_import", "--measure", str(path),
                     str(db_path)).split()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        good, bad, db_path = Path(tmp) / "roster.xlsx", Path(tmp) / "bad.xlsx", \
            Path(tmp) / "bench.sqlite3"
        good.write_bytes(roster_xlsx(ROWS))
        bad.write_bytes(roster_xlsx(ROWS, bad_row=True))
        total, read, peak, ok, _errors, created, count = run_child(good, db_path)
        _t, _r, _p, bad_ok, bad_errors, _c, count_after = run_child(bad, db_path)
    print(f"roster import: {ROWS} rows in {float(total):.1f} s "
          f"(reading the .xlsx {float(read):.1f} s); target < 30 s")
    print(f"  imported: {bool(int(ok))}, created {created}, people in database {count}")
    print(f"  peak memory (RSS of the importing process): {peak} MB; target < 300 MB")
    print(f"  a copy with one bad row: refused={not int(bad_ok)} with {bad_errors} error(s), "
          f"database unchanged: {count_after == count}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--measure":
        asyncio.run(measure(Path(sys.argv[2]), Path(sys.argv[3])))
    else:
        main()
