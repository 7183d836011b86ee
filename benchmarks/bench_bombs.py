"""Files and requests that unpack or arrive far bigger than they look (issue 19, items 3–4).

Targets: each bomb refused in under 2 s and 200 MB (the issue asks < 5 s and < 300 MB for its
three), with the one line an officer reads; a letter at the size limit read while the event
loop stays responsive; 15 concurrent 95 MB webhook posts without the secret answered 403 with
the server's memory flat (it peaked at 1.38 GB when it read bodies first). Each file is read
in a fresh process, so its peak memory is its own.

Run: ``python -m benchmarks.bench_bombs``
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Callable

from benchmarks import bombs
from benchmarks.memory import peak_rss_mb, run_fresh


def _text_pdf() -> bytes:
    from benchmarks.bench_letters import _pdf, letter_text

    return _pdf(letter_text(1, 3000))


def _sheet_of(rows: bytes, times: int) -> bytes:
    return bombs.replace_member(bombs.small_workbook(), bombs.SHEET,
                                bombs.sheet_parts(bombs.repeat(rows, times)))


def _cell_of(megabytes: int) -> bytes:
    def rows():  # type: ignore[no-untyped-def]
        yield b'<row r="1"><c r="A1" t="inlineStr"><is><t>'
        yield from bombs.repeat(b"A", megabytes * 2**20)
        yield b"</t></is></c></row>"
    return bombs.replace_member(bombs.small_workbook(), bombs.SHEET, bombs.sheet_parts(rows()))


# name → (file name, builder)
BOMBS: dict[str, tuple[str, Callable[[], bytes]]] = {
    "xlsx, one 400 MB cell (issue)": ("ds.xlsx", lambda: bombs.xlsx_with_huge_cell(400)),
    "xlsx, 30 million empty rows (issue)": ("ds.xlsx",
                                            lambda: bombs.xlsx_with_empty_rows(30_000_000)),
    "docx, 2 million paragraphs (issue)": ("cv.docx",
                                           lambda: bombs.docx_with_paragraphs(2_000_000)),
    "xlsx, one 100 MB cell (stopped streaming)": ("ds.xlsx", lambda: _cell_of(100)),
    "xlsx, 5 million empty rows (streaming)": ("ds.xlsx", lambda: _sheet_of(b"<row/>", 5_000_000)),
    "txt, 11 MB on one line": ("cv.txt", lambda: b"So huong dan boi duong. " * 480_000),
    "pdf, 50,001 text pages": ("cv.pdf", lambda: bombs.pdf_with_pages(_text_pdf(), 50_001)),
}


def read_one(name: str) -> None:
    """In a fresh process: build the bomb, then time and measure its refusal."""
    from bot.i18n import translator
    from bot.knowledge.letter_files import LetterFileError
    from bot.services.letters import read_letter_file
    from bot.spreadsheets import SpreadsheetError, read_table

    filename, build = BOMBS[name]
    data = build()
    built_mb = peak_rss_mb()
    start = time.perf_counter()
    try:
        if filename.endswith(".xlsx"):
            read_table(data, filename)
        else:
            read_letter_file(data, filename)
        line = "ACCEPTED (not refused)"
    except (SpreadsheetError, LetterFileError) as exc:
        params = exc.params if isinstance(exc.params, dict) else {}
        line = translator("vi").gettext(exc.message).format(**params)
    elapsed = time.perf_counter() - start
    print(f"{name}: {len(data) / 1024:,.0f} KB on disk, refused in {elapsed:.2f} s, "
          f"peak {peak_rss_mb():.0f} MB (after building it: {built_mb:.0f} MB)\n    {line}")


async def _loop_lag_while(work: Callable[[], object]) -> tuple[float, float]:
    """(seconds the work took in a thread, the longest the event loop was kept waiting)."""
    lags: list[float] = []
    done = False

    async def ticker() -> None:
        while not done:
            before = time.perf_counter()
            await asyncio.sleep(0.01)
            lags.append(time.perf_counter() - before - 0.01)

    tick = asyncio.create_task(ticker())
    start = time.perf_counter()
    with contextlib.suppress(ValueError):  # a refusal is a result too
        await asyncio.to_thread(work)
    elapsed = time.perf_counter() - start
    done = True
    await tick
    return elapsed, max(lags, default=0.0)


def guest_lag() -> None:
    """A letter at the text limit, one line, read off the loop: how long guests could wait."""
    from bot.knowledge.letter_limits import MAX_LETTER_CHARS
    from bot.services.letters import read_letter_file

    at_limit = ("Sở hướng dẫn bồi dưỡng giáo viên. " * (MAX_LETTER_CHARS // 34)).encode()
    over = b"So huong dan boi duong. " * 480_000
    for label, data in (("1,000,000-character one-line .txt (accepted)", at_limit),
                        ("11 MB one-line .txt (refused)", over)):
        elapsed, lag = asyncio.run(_loop_lag_while(lambda d=data: read_letter_file(d, "cv.txt")))
        print(f"{label}: read in {elapsed:.2f} s; the event loop waited at most "
              f"{lag * 1000:.0f} ms (was 3.8 s for the 11 MB file)")


def webhook_clients(port: int, count: int, megabytes: int) -> None:
    """``count`` concurrent posts announcing ``megabytes`` MB each, without the secret."""
    from concurrent.futures import ThreadPoolExecutor

    body = memoryview(bytes(2**20))

    def post(_: int) -> str:
        head = (f"POST /telegram HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
                f"\r\nContent-Length: {megabytes * 2**20}\r\n\r\n").encode()
        with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
            conn.sendall(head)
            try:
                for _ in range(megabytes):
                    conn.sendall(body)
            except OSError:
                pass  # the server answered and closed: the rest is never read
            return conn.recv(64).split(b" ", 2)[1].decode() or "?"

    with ThreadPoolExecutor(count) as pool:
        codes = list(pool.map(post, range(count)))
    print(",".join(codes))


def webhook() -> None:
    """The real webhook server (PTB's tornado app with our handler) on 127.0.0.1."""
    from telegram import Bot
    from telegram.ext._utils.webhookhandler import WebhookAppClass, WebhookServer

    from bot.webhook import install_checked_handler

    install_checked_handler()
    from telegram.ext._utils import webhookhandler

    async def serve() -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        app = WebhookAppClass("/telegram", Bot("1:x"), asyncio.Queue(), "s" * 32)
        assert webhookhandler.TelegramHandler.__name__ == "CheckedTelegramHandler"
        server = WebhookServer("127.0.0.1", port, app, None)
        await server.serve_forever()
        before = peak_rss_mb()
        start = time.perf_counter()
        client = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "benchmarks.bench_bombs", "--webhook-clients", str(port),
            stdout=subprocess.PIPE)
        out, _ = await client.communicate()
        elapsed = time.perf_counter() - start
        await server.shutdown()
        print(f"webhook, 15 concurrent 95 MB posts without the secret: answered "
              f"{out.decode().strip()} in {elapsed:.2f} s; server peak {peak_rss_mb():.0f} MB "
              f"(before: {before:.0f} MB; PTB reading bodies first: 1.38 GB)")

    asyncio.run(serve())


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--read":
        read_one(sys.argv[2])
    elif len(sys.argv) > 1 and sys.argv[1] == "--guest-lag":
        guest_lag()
    elif len(sys.argv) > 1 and sys.argv[1] == "--webhook":
        webhook()
    elif len(sys.argv) > 2 and sys.argv[1] == "--webhook-clients":
        webhook_clients(int(sys.argv[2]), 15, 95)
    else:
        for name in BOMBS:
            print(run_fresh("benchmarks.bench_bombs", "--read", name), end="")
        print(run_fresh("benchmarks.bench_bombs", "--guest-lag"), end="")
        print(run_fresh("benchmarks.bench_bombs", "--webhook"), end="")


if __name__ == "__main__":
    main()
