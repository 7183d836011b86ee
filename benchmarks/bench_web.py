"""The dashboard under load, in the bot's own process and event loop.

1. Tổng quan of a province of 20,000 people (the /baocao benchmark's province): the first
   render (report built), a render after the data changed (rebuilt), and a render from the
   shared report. Target (issue 21): under 300 ms.
2. A teacher's answer latency through the real Application (offline Bot API) alone, then while
   ten officers (five Sở, five Phòng) refresh their Tổng quan every second. Target: p99 moves
   by less than 10 ms.

Run: ``python -m benchmarks.bench_web [--people 20000]``
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.bench_reports import build
from benchmarks.memory import peak_rss_mb, run_fresh

QUESTION = "hạn chót hoàn thành mô đun 1 là ngày nào"
QUESTIONS = 300
OFFICERS_SO, OFFICERS_PHONG = 5, 5


def add_officers(path: Path) -> list[str]:
    """Sở and Phòng officers beside the province's school staff; their phones."""
    import sqlite3

    conn = sqlite3.connect(path)
    now = "2027-01-01T00:00:00+00:00"
    phones = []
    for n in range(OFFICERS_SO + OFFICERS_PHONG):
        phone = f"0380{n:06d}"
        role, unit = ("so", 1) if n < OFFICERS_SO else ("phong", 2 + n)
        conn.execute("INSERT INTO people (full_name, phone, role, unit_id, created_at, "
                     "updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                     (f"Cán bộ {n}", phone, role, unit, now, now))
        phones.append(phone)
    conn.commit()
    conn.close()
    return phones


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def measure(path: Path, phones: list[str]) -> None:
    import httpx

    from bot.app import Services, offline_telegram
    from bot.config import Settings
    from bot.pacing import RateLimits
    from bot.services.web_access import link_for_phone
    from bot.storage import Database
    from web.app import build_web_app
    from web.session import SignInLimiter

    settings = Settings(db_path=path, web_port=8080, so_name="Sở GD&ĐT tỉnh Hòa Bình")
    db = await Database.open(path)
    services = Services(settings=settings, db=db, limits=RateLimits(0, 0))
    telegram = await offline_telegram(services)
    telegram.api.flood = None  # the bot's own work is measured, not Telegram's limits
    app = build_web_app(services, limiter=SignInLimiter(per_client=100))  # ten sign-ins
    transport = httpx.ASGITransport(app=app)

    async def officer(phone: str) -> httpx.AsyncClient:
        client = httpx.AsyncClient(transport=transport, base_url="http://dashboard")
        token = await link_for_phone(db, phone, admin_ids=frozenset(), now=services.clock())
        page = await client.get(f"/vao/{token}")
        nonce = page.text.split('name="nonce" value="', 1)[1].split('"', 1)[0]
        signed = await client.post("/vao", data={"token": token, "nonce": nonce})
        assert signed.status_code == 303, signed.text
        return client

    clients = [await officer(p) for p in phones]
    so = clients[0]

    async def render() -> float:
        started = time.perf_counter()
        response = await so.get("/")
        assert response.status_code == 200 and "Trường" in response.text
        return time.perf_counter() - started

    first = await render()
    rebuilt = []
    for _ in range(10):
        app.state.reports.forget()
        rebuilt.append(await render())
    shared = [await render() for _ in range(30)]
    print(f"render {first:.4f} {statistics.median(rebuilt):.4f} {max(rebuilt):.4f} "
          f"{statistics.median(shared):.4f} {max(shared):.4f}")

    guest = telegram.user(4242, "Khách")
    answered_at: list[float] = []
    api_call = telegram.api.call

    async def timed_call(method: str, params: object, files: object = None) -> object:
        result = await api_call(method, params, files)  # type: ignore[arg-type]
        if method == "sendMessage" and str(params.get("chat_id")) == "4242":  # type: ignore[attr-defined]
            answered_at.append(time.perf_counter())
        return result

    telegram.api.call = timed_call  # type: ignore[method-assign]

    async def teacher() -> list[float]:
        latencies = []
        for _ in range(QUESTIONS):
            asked, before = time.perf_counter(), len(answered_at)
            answers = await guest.send(QUESTION)
            assert answers and len(answered_at) > before
            latencies.append(answered_at[before] - asked)
            await asyncio.sleep(0.02)
        return latencies

    alone = await teacher()
    stop = asyncio.Event()
    refreshes = []

    async def refreshing(client: httpx.AsyncClient) -> None:
        while not stop.is_set():
            started = time.perf_counter()
            assert (await client.get("/")).status_code == 200
            refreshes.append(time.perf_counter() - started)
            await asyncio.sleep(max(0.0, 1.0 - (time.perf_counter() - started)))

    officers = [asyncio.create_task(refreshing(c)) for c in clients]
    busy = await teacher()
    stop.set()
    await asyncio.gather(*officers)
    for c in clients:
        await c.aclose()
    await telegram.application.shutdown()
    await db.close()
    print(f"teacher {statistics.median(alone):.4f} {percentile(alone, 0.99):.4f} "
          f"{statistics.median(busy):.4f} {percentile(busy, 0.99):.4f} {len(refreshes)} "
          f"{percentile(refreshes, 0.99):.4f} {app.state.reports.builds}")
    print(f"peak {peak_rss_mb():.0f}")


def main(people: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "province.sqlite3"
        asyncio.run(build(path, people))
        phones = add_officers(path)
        out = run_fresh("benchmarks.bench_web", "--measure", str(path), *phones)
    for line in out.splitlines():
        kind, *v = line.split()
        if kind == "render":
            print(f"Tổng quan of {people:,} people (Sở): first {float(v[0]) * 1000:.0f} ms, "
                  f"after a change {float(v[1]) * 1000:.0f} ms (max {float(v[2]) * 1000:.0f}), "
                  f"shared {float(v[3]) * 1000:.1f} ms (max {float(v[4]) * 1000:.1f}); "
                  f"target < 300 ms")
        elif kind == "teacher":
            moved = (float(v[3]) - float(v[1])) * 1000
            print(f"teacher's answer: alone p50 {float(v[0]) * 1000:.1f} ms p99 "
                  f"{float(v[1]) * 1000:.1f} ms; with ten officers refreshing every second "
                  f"p50 {float(v[2]) * 1000:.1f} ms p99 {float(v[3]) * 1000:.1f} ms "
                  f"(p99 moved {moved:+.1f} ms; target < 10 ms); {v[4]} refreshes, p99 "
                  f"{float(v[5]) * 1000:.0f} ms, {v[6]} report builds")
        elif kind == "peak":
            print(f"peak memory {v[0]} MB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--measure", nargs="+")
    args = parser.parse_args()
    if args.measure:
        asyncio.run(measure(Path(args.measure[0]), args.measure[1:]))
    else:
        main(args.people)
