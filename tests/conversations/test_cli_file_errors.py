"""A file the CLI cannot read is said in one Vietnamese line that says what to do: the
encoding to save as, a damaged file, too many pages, too deep (issue 19, item 9)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from benchmarks import bombs
from bot.storage import Database
from tests.conversations.test_cli_errors import troly
from tests.letter_files import letter_pdf


async def test_unreadable_files_are_one_vietnamese_line_saying_what_to_do(
        tmp_path: Path, demo_db: Database) -> None:
    campaign = "campaign: hn\nname: Kế hoạch\n"
    files = {
        "utf16.yaml": campaign.encode("utf-16"),
        "ansi.yaml": b"campaign: hn\nname: K\xea ho\xe1ch\n",  # Windows-1258
        "nul.yaml": (campaign + "\x00").encode(),
        "deep.yaml": b"a:\n" + b"".join(b"  " * i + b"- b:\n" for i in range(1, 2000)),
        "flow.yaml": b"[" * 100_000 + b"]" * 100_000,
        "tb.txt": "Thông báo họp".encode("utf-16"),
        "cv.pdf": bombs.pdf_with_pages(letter_pdf(), 50_001),
        "cv.docx": bombs.docx_with_paragraphs(2_000_000),
        "ds.xlsx": bombs.xlsx_with_huge_cell(400),
        "q.yaml": "- hỏi: x".encode("utf-16-le"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    cases = {
        "utf16.yaml": (["campaign", "check"], "utf16.yaml đang lưu dạng UTF-16"),
        "ansi.yaml": (["campaign", "load"], "ansi.yaml không phải văn bản UTF-8"),
        "nul.yaml": (["campaign", "check"], "nul.yaml bị hỏng"),
        "deep.yaml": (["campaign", "check"], "lồng nhau sâu hơn 32 cấp"),
        "flow.yaml": (["campaign", "check"], "lồng nhau sâu hơn 32 cấp"),
        "tb.txt": (["broadcast", "--file"], "tb.txt đang lưu dạng UTF-16"),
        "cv.pdf": (["letters", "add", "--dry-run"], "Tệp PDF có 50.001 trang"),
        "cv.docx": (["ask", "mô đun 1", "--letters"], "Tệp Word có hơn 50.000 đoạn văn"),
        "ds.xlsx": (["import-roster"], "vượt giới hạn 128 MB"),
        "q.yaml": (["eval"], "không phải văn bản UTF-8"),
    }
    env = {"TROLY_DB_PATH": str(demo_db.path)}
    gate = asyncio.Semaphore(2)

    async def run(args: list[str]) -> tuple[int, str, str]:
        async with gate:
            return await troly(args, tmp_path, **env)

    results = await asyncio.gather(*(run([*args, str(tmp_path / name)])
                                     for name, (args, _says) in cases.items()))
    for (name, (_args, says)), (code, out, err) in zip(cases.items(), results, strict=True):
        shown = f"{name}\n--- stdout\n{out}--- stderr\n{err}"
        assert code == 2, shown
        lines = [line for line in err.splitlines() if line.strip()]
        assert says in lines[0], shown
        # a campaign file's mistakes end with the campaign checker's usual closing line
        assert lines[1:] in ([], ["Chưa nạp đợt bồi dưỡng; không có gì thay đổi."]), shown
        assert "Error" not in err and "Traceback" not in err, shown
