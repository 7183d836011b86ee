"""Scanned letters read by OCR (issue 22).

1. A 10-page scan (the test letter's two pages, stamped and blurred, five times over) read
   as ``troly letters add`` reads it: seconds per page, peak memory of the process and of the
   Tesseract process.
2. The same scan sent by an admin through the real Application (offline Bot API) while a
   guest asks a question every 0.2 s: the guest's answer latency meanwhile. Target: p99 < 1 s.

Each measurement runs in a fresh process, so its peak memory is its own.
Run: ``python -m benchmarks.bench_scans``.
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.guest_timing import record_answers_to
from benchmarks.memory import peak_rss_mb, run_fresh

PAGES = 10
QUESTION = "hạn chót hoàn thành mô đun 1 là ngày nào"
ADMIN_ID = 999


def ten_page_scan() -> bytes:
    from tests.scanned_letters import PAGE_ONE, PAGE_TWO, images_to_pdf, page_image

    first = page_image(PAGE_ONE, header=True)
    second = page_image(PAGE_TWO, signature=True, tilt=-0.3)
    return images_to_pdf([first, second] * (PAGES // 2))


def tesseract_peak_mb(data: bytes) -> float:
    """Peak memory of Tesseract reading the first page, polled from /proc while it runs
    (getrusage would report this process's own peak, inherited through fork)."""
    import pypdfium2 as pdfium

    from bot.knowledge import ocr

    document = pdfium.PdfDocument(data)
    png = ocr.render(document[0])
    document.close()
    process = subprocess.Popen(["tesseract", "stdin", "stdout", "-l", ocr.LANGUAGE, "tsv"],
                               stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    assert process.stdin is not None
    process.stdin.write(png)
    process.stdin.close()
    status, peak = Path(f"/proc/{process.pid}/status"), 0.0
    while process.poll() is None:
        try:
            for line in status.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]) / 1024)
        except OSError:
            break
        time.sleep(0.02)
    return peak


def read_alone(path: Path) -> None:
    from bot.services.letters import read_letter_file

    data = path.read_bytes()
    started = time.perf_counter()
    draft = read_letter_file(data, path.name)
    seconds = time.perf_counter() - started
    bot_mb = peak_rss_mb()
    print(f"{seconds:.2f} {bot_mb:.0f} {tesseract_peak_mb(data):.0f} "
          f"{len(draft.letter.passages)}")


async def read_through_the_bot(data: bytes, db_path: Path) -> None:
    from bot.app import Services, offline_telegram
    from bot.config import Settings
    from bot.pacing import RateLimits, SimulatedClock
    from bot.storage import Database

    settings = Settings(db_path=db_path, admin_ids=frozenset({ADMIN_ID}))
    db = await Database.open(db_path)
    services = Services(settings=settings, db=db, limits=RateLimits(clock=SimulatedClock()))
    telegram = await offline_telegram(services)
    admin, guest = telegram.user(ADMIN_ID), telegram.user(4242, "Khách")
    answered_at = record_answers_to(telegram, guest.user_id)
    started = time.perf_counter()
    reading = asyncio.create_task(admin.send_document("scan_10_pages.pdf", data))
    latencies: list[float] = []
    while not reading.done():
        asked, before = time.perf_counter(), len(answered_at)
        answers = await guest.send(QUESTION)
        assert answers and "30/3" in answers[-1].text and len(answered_at) > before
        latencies.append(answered_at[before] - asked)
        await asyncio.sleep(0.2)
    said = await reading
    total = time.perf_counter() - started
    await telegram.application.shutdown()
    await db.close()
    ok = int(any("Đọc từ bản scan" in m.text for m in said))
    latencies.sort()
    p99 = latencies[max(0, int(len(latencies) * 0.99) - 1)]
    print(f"{total:.2f} {ok} {len(latencies)} {statistics.median(latencies):.3f} {p99:.3f} "
          f"{latencies[-1]:.3f}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scan_10_pages.pdf"
        path.write_bytes(ten_page_scan())
        seconds, peak, tesseract, passages = run_fresh(
            "benchmarks.bench_scans", "--alone", str(path)).split()
        print(f"{PAGES}-page scan read by OCR: {float(seconds):.1f} s, "
              f"{float(seconds) / PAGES:.2f} s per page, {passages} passages; peak memory "
              f"{peak} MB (bot process), {tesseract} MB (Tesseract)")
        total, ok, asked, median, p99, worst = run_fresh(
            "benchmarks.bench_scans", "--bot", str(path), str(Path(tmp) / "db.sqlite3")).split()
        print(f"the same scan sent through the bot: preview after {float(total):.1f} s "
              f"(shown={bool(int(ok))}); a guest's question meanwhile ({asked} asked): "
              f"median {float(median) * 1000:.0f} ms, p99 {float(p99) * 1000:.0f} ms, slowest "
              f"{float(worst) * 1000:.0f} ms; target p99 < 1000 ms")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--alone":
        read_alone(Path(sys.argv[2]))
    elif len(sys.argv) == 4 and sys.argv[1] == "--bot":
        asyncio.run(read_through_the_bot(Path(sys.argv[2]).read_bytes(), Path(sys.argv[3])))
    else:
        main()
