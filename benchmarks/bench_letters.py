"""Letters: reading and indexing a 30-page letter, reading one full of tables; answering with
50 letters loaded.

Targets: a 30-page letter (text PDF, as a Sở exports it from Word) read and indexed in < 2 s;
with 50 letters loaded (the shipped knowledge base as well), answering p99 < 5 ms and the
process under 300 MB. The letters recombine the paragraphs of the seed letters under new
section numbers (or, without ../shared/seeds, of a built-in paragraph), so their vocabulary is
real. Each part runs in a fresh process so its memory is its own.

Run: ``python -m benchmarks.bench_letters``
"""

from __future__ import annotations

import dataclasses
import gc
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.memory import peak_rss_mb, run_fresh

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
DEV_SET = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev_qa.yaml"
FALLBACK = ("Các trường tổ chức cho giáo viên tự bồi dưỡng qua mạng trên hệ thống LMS, hoàn "
            "thành trước ngày 15/5/2027 và báo cáo kết quả về Phòng Giáo dục và Đào tạo.")


def _paragraphs() -> list[str]:
    if not SEEDS.is_dir():
        return [FALLBACK]
    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            line = line.strip(" *#")
            if len(line) > 80:
                found.append(line)
    return found


def letter_text(seed: int, chars: int) -> str:
    """A letter of about ``chars`` characters: header, numbered sections, a) b), bullets."""
    rng = random.Random(seed)
    paragraphs = _paragraphs()
    lines = ["UBND TỈNH ĐỒNG NAI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", f"Số: {1000 + seed}/SGDĐT-TCCB",
             f"V/v bồi dưỡng giáo viên đợt {seed}", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             f"Đồng Nai, ngày {1 + seed % 28} tháng {1 + seed % 12} năm 2027"]
    size, section = 0, 0
    while size < chars:
        section += 1
        lines.append(f"{section}. {rng.choice(paragraphs)[:70]}")
        for letter in "abc":
            lines.append(f"{letter}) {rng.choice(paragraphs)}")
            lines += [f"- {rng.choice(paragraphs)}" for _ in range(2)]
        size = sum(len(x) for x in lines)
    return "\n".join(lines)


def _pdf(text: str) -> bytes:
    import matplotlib
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", fname=str(Path(matplotlib.get_data_path()) / "fonts" / "ttf"
                                     / "DejaVuSans.ttf"))
    pdf.set_font("DejaVu", size=12)
    for line in text.split("\n"):
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def index_one() -> None:
    from bot.knowledge.letter_index import LetterIndex
    from bot.services.letters import read_letter_file

    text = letter_text(1, 30 * 3000)  # about 3,000 characters a printed page
    data = _pdf(text)
    started = time.perf_counter()
    draft = read_letter_file(data, "cv.pdf")
    read = time.perf_counter() - started
    index = LetterIndex()
    index.add(dataclasses.replace(draft.letter, id=1))
    total = time.perf_counter() - started
    import pypdfium2

    pages = len(pypdfium2.PdfDocument(data))
    print(f"one letter: {pages} pages, {len(draft.body):,} characters, "
          f"{len(draft.letter.passages)} passages; read {read:.2f}s, read+indexed {total:.2f}s "
          f"(target < 2 s); peak RSS {peak_rss_mb():.0f} MB")


def read_tables() -> None:
    """A 30-page letter whose every page holds ruled tables: pdfplumber reads those pages."""
    from bot.services.letters import read_letter_file
    from tests.letter_files import TABLE, TABLE_HEADER, letter_pdf

    body: list[str | list[list[str]]] = []
    for k in range(1, 121):
        body += [f"{k}. Lịch học đợt {k}", _paragraphs()[k % len(_paragraphs())], TABLE]
    data = letter_pdf(body, TABLE_HEADER)
    started = time.perf_counter()
    draft = read_letter_file(data, "bang.pdf")
    read = time.perf_counter() - started
    import pypdfium2

    pages = len(pypdfium2.PdfDocument(data))
    print(f"one letter with tables: {pages} pages, {body.count(TABLE)} tables, "
          f"{draft.body.count(' — ')} rows read as sentences; read {read:.2f}s; "
          f"peak RSS {peak_rss_mb():.0f} MB")


def answer_with_many(count: int) -> None:
    """Each round answers every question on a fresh engine (the index keeps what it read of
    a question, so a question asked again is cheaper: that is measured apart)."""
    import yaml

    from bot.app import default_engine
    from bot.knowledge.letters import read_letter

    started = time.perf_counter()
    letters = [dataclasses.replace(read_letter(letter_text(n, 10 * 2600)), id=n)
               for n in range(1, count + 1)]

    def fresh() -> Any:
        engine = default_engine()
        engine.letters.replace(letters)
        return engine

    engine = fresh()
    build = time.perf_counter() - started
    questions = [str(i["q"]) for i in yaml.safe_load(DEV_SET.read_text(encoding="utf-8"))] \
        if DEV_SET.is_file() else []
    questions += ["các trường báo cáo kết quả tự bồi dưỡng về đâu", "alo", "x" * 5000,
                  "thời tiết ngày mai", "hạn hoàn thành tự bồi dưỡng qua mạng là ngày nào",
                  "bao cao ket qua tu boi duong qua mang gui ve dau"]
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    plain = default_engine()  # the same questions without letters: the machine's own noise
    times, again, base, quoted = [], [], [], 0
    for round_ in range(5):
        if round_:
            del engine  # one engine at a time, as the bot holds
            gc.collect()
            engine = fresh()
        for e in (engine, plain):
            e.answer("khởi động")
        for q in questions:
            t0 = time.perf_counter()
            plain.answer(q, role="gv")
            base.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            answer = engine.answer(q, role="gv")
            times.append(time.perf_counter() - t0)
            quoted += answer.kind == "quoted"
        for q in questions:
            t0 = time.perf_counter()
            engine.answer(q, role="gv")
            again.append(time.perf_counter() - t0)
    passages = sum(len(x.passages) for x in letters)
    print(f"{count} letters ({passages:,} passages) with the knowledge base: built in "
          f"{build:.1f}s; {len(times)} answers, each question new to the engine ({quoted} "
          f"quoted) {_percentiles(times)} (target p99 < 5 ms); asked again "
          f"{_percentiles(again)}; without letters {_percentiles(base)}; "
          f"peak RSS {peak_rss_mb():.0f} MB (target < 300 MB)")


def _percentiles(times: list[float]) -> str:
    times = sorted(times)
    p99 = times[max(0, int(len(times) * 0.99) - 1)] * 1000
    return f"p50={statistics.median(times) * 1000:.2f}ms p99={p99:.2f}ms"


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--index-one":
        index_one()
    elif len(sys.argv) > 1 and sys.argv[1] == "--tables":
        read_tables()
    elif len(sys.argv) > 1 and sys.argv[1] == "--many":
        answer_with_many(int(sys.argv[2]))
    else:
        print(run_fresh("benchmarks.bench_letters", "--index-one"), end="")
        print(run_fresh("benchmarks.bench_letters", "--tables"), end="")
        print(run_fresh("benchmarks.bench_letters", "--many", "50"), end="")


if __name__ == "__main__":
    main()
