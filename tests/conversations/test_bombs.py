"""The issue's three zip bombs sent to the bot: each gets one clear line, nothing is stored,
and a guest asking meanwhile is answered (issue 19, item 3)."""

from __future__ import annotations

import asyncio

import pytest

from benchmarks import bombs
from bot.offline import OfflineTelegram
from bot.storage import Database
from tests.conftest import ADMIN_ID
from tests.letter_files import letter_docx

QUESTION = "hạn chót hoàn thành mô đun 1 là ngày nào"


async def _count(db: Database, table: str) -> int:
    async with db.reader.execute(f"SELECT COUNT(*) FROM {table}") as cur:
        row = await cur.fetchone()
    return int(row[0]) if row else 0


@pytest.mark.parametrize(("name", "build", "says"), [
    ("ds.xlsx", lambda: bombs.xlsx_with_huge_cell(400), "vượt giới hạn 128 MB"),
    ("ds.xlsx", lambda: bombs.xlsx_with_empty_rows(30_000_000), "vượt giới hạn 128 MB"),
    ("cong_van.docx", lambda: bombs.docx_with_paragraphs(2_000_000, letter_docx()),
     "hơn 50.000 đoạn văn"),
    ("cong_van.txt", lambda: ("Sở hướng dẫn bồi dưỡng. " * 500_000).encode(),
     "dài hơn 1.000.000 ký tự"),
])
async def test_a_bomb_gets_one_line_nothing_is_stored_and_guests_are_answered(
        telegram: OfflineTelegram, demo_db: Database, name: str, build: object,
        says: str) -> None:
    assert callable(build)
    data = build()
    people, letters = await _count(demo_db, "people"), await _count(demo_db, "letters")
    audit = await _count(demo_db, "audit_log")
    admin = telegram.user(ADMIN_ID)
    sending = asyncio.create_task(admin.send_document(name, data))
    [answer] = await telegram.user(931, "Khách").send(QUESTION)
    assert "30/3" in answer.text
    [refused] = await asyncio.wait_for(sending, timeout=30)
    assert says in refused.text and "\n" not in refused.text.strip()
    assert not refused.button_texts
    assert await _count(demo_db, "people") == people
    assert await _count(demo_db, "letters") == letters
    assert await _count(demo_db, "audit_log") == audit
