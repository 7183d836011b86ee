"""Answering latency and memory, on the real knowledge base and on one scaled to 5,000 entries.

Targets on one core: p99 < 5 ms on the real knowledge base, < 30 ms at 5,000 entries.
The scaled base recombines the real entries' sentences, so its vocabulary and term statistics
look like real data rather than random strings. Run: ``python -m benchmarks.bench_answering``.
"""

from __future__ import annotations

import dataclasses
import os
import random
import statistics
import time
import tracemalloc
from pathlib import Path

import yaml

from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry, load_entries

DEV_SET = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev_qa.yaml"
FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "unit" / "fixtures" / "engine_kb"


def questions(entries: list[Entry]) -> list[str]:
    """Realistic questions: the dev set if present, else the entries' own paraphrases."""
    if DEV_SET.exists():
        found = [str(i["q"]) for i in yaml.safe_load(DEV_SET.read_text(encoding="utf-8"))]
    else:
        found = [q for e in entries for q in e.questions]
    found += ["alo", "thời tiết ngày mai", "x" * 5000, "gv md2 o bp ko dc duyet thi lam sao"]
    return found


def scaled(entries: list[Entry], size: int, seed: int = 7) -> list[Entry]:
    """``size`` synthetic entries made by recombining the real ones' questions and answers."""
    rng = random.Random(seed)
    qs = [q for e in entries for q in e.questions]
    answers = [e.answer for e in entries]
    titles = [e.title for e in entries]
    out = list(entries)
    while len(out) < size:
        base = rng.choice(entries)
        words = rng.choice(qs).split()
        rng.shuffle(words)
        out.append(
            dataclasses.replace(
                base,
                id=f"synthetic_{len(out)}",
                related=(),
                title=f"{rng.choice(titles)} {rng.choice(titles).split()[0]}",
                questions=(rng.choice(qs), " ".join(words), rng.choice(qs)),
                answer=f"{rng.choice(answers)} {rng.choice(answers)}"[:900],
            )
        )
    return out


def measure(label: str, entries: list[Entry], qs: list[str], rounds: int = 5) -> None:
    started = time.perf_counter()
    engine = AnsweringEngine.from_entries(entries)
    build = time.perf_counter() - started
    engine.answer("khởi động")  # warm the caches once
    times = []
    for _ in range(rounds):
        for q in qs:
            t0 = time.perf_counter()
            engine.answer(q, role="gv")
            times.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    engine.add_entry(dataclasses.replace(entries[0], title=entries[0].title + " (sửa)"))
    add = time.perf_counter() - t0
    times.sort()
    p50 = statistics.median(times) * 1000
    p99 = times[max(0, int(len(times) * 0.99) - 1)] * 1000
    qps = len(times) / sum(times)
    # tracemalloc slows Python down, so memory is measured on a second, untimed build.
    del engine
    tracemalloc.start()
    engine = AnsweringEngine.from_entries(entries)
    for q in qs:
        engine.answer(q)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{label:<22} entries={len(entries):>5} rounds={rounds} build={build:5.2f}s "
        f"add_entry={add:4.2f}s "
        f"p50={p50:6.2f}ms p99={p99:6.2f}ms {qps:7.0f} q/s  peak={peak / 2**20:6.1f} MiB"
    )


def main() -> None:
    real = load_entries() or load_entries(FIXTURES)
    qs = questions(real)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as targeted
    print(f"{len(qs)} questions per round, one process pinned to one core")
    measure("real knowledge base", real, qs)
    measure("scaled knowledge base", scaled(real, 5000), qs, rounds=2)
    try:
        import resource

        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"max RSS of the process: {rss:.0f} MiB")
    except ImportError:  # pragma: no cover - not on Linux
        pass


if __name__ == "__main__":
    main()
