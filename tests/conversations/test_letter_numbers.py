"""A letter is stored once and keeps its number for good; deadlines drafted from it read like
deadlines and cite it; another campaign's deadlines are not this deployment's (issue 20)."""

from __future__ import annotations

import datetime as dt
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot.cli import main
from bot.i18n import translator
from bot.knowledge.letters import LetterMeta, deadline_title
from bot.offline import OfflineTelegram
from bot.services import campaigns as campaign_service
from bot.services.deadline_answers import deadline_answer
from bot.storage import Database
from bot.storage.database import migrations
from bot.storage.deadlines import all_deadlines
from bot.storage.letters import add_letter, letter_metas
from tests.conftest import ADMIN_ID
from tests.letter_files import BODY, letter_docx


async def _count(db: Database, sql: str) -> int:
    async with db.reader.execute(sql) as cur:
        row = await cur.fetchone()
    return int(row[0]) if row else 0


@pytest.fixture
def troly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
          capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """``troly(...)`` → (exit code, stdout + stderr), in Vietnamese, on the test's database."""
    for name in list(os.environ):
        if name.startswith(("TELEGRAM_", "TROLY_")) or name in ("LANGUAGE", "LC_ALL",
                                                                   "LC_MESSAGES"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.chdir(tmp_path)

    def run(db: Path, *argv: str) -> tuple[int, str]:
        monkeypatch.setenv("TROLY_DB_PATH", str(db))
        capsys.readouterr()
        with ThreadPoolExecutor(1) as pool:
            code = pool.submit(main, list(argv)).result()
        out, err = capsys.readouterr()
        return code, out + err

    return run


def _letter(tmp_path: Path, name: str, extra: str) -> str:
    """Another letter: the test letter with one more sentence (another file, other bytes)."""
    path = tmp_path / name
    path.write_bytes(letter_docx([*BODY[:-1], extra, BODY[-1]]))
    return name


async def test_the_same_file_twice_is_stored_once_and_says_its_number(
        telegram: OfflineTelegram, demo_db: Database, tmp_path: Path, troly) -> None:  # type: ignore[no-untyped-def]
    admin = telegram.user(ADMIN_ID)
    data = letter_docx()  # one file: each save stamps the zip with the time of day
    [preview] = await admin.send_document("cong_van_2468.docx", data)
    saved, _dates = await admin.press("✅ Lưu", preview)
    assert "Đã lưu công văn #1" in saved.text
    [again] = await admin.send_document("ban_sao.docx", data)
    assert "#1" in again.text and "đã có" in again.text and not again.button_texts
    (tmp_path / "cv.docx").write_bytes(data)
    code, out = troly(demo_db.path, "letters", "add", "cv.docx")
    assert code == 0 and "#1" in out and "đã có" in out
    assert await _count(demo_db, "SELECT COUNT(*) FROM letters") == 1


async def test_a_removed_letters_number_is_never_given_again(
        demo_db: Database, tmp_path: Path, troly) -> None:  # type: ignore[no-untyped-def]
    a = _letter(tmp_path, "a.docx", "Ghi chú A.")
    b = _letter(tmp_path, "b.docx", "Ghi chú B.")
    c = _letter(tmp_path, "c.docx", "Ghi chú C.")
    assert "#1" in troly(demo_db.path, "letters", "add", a)[1]
    assert "#2" in troly(demo_db.path, "letters", "add", b)[1]
    assert troly(demo_db.path, "letters", "remove", "2")[0] == 0
    code, out = troly(demo_db.path, "letters", "add", c)
    assert code == 0 and "#3" in out


async def test_the_migration_keeps_numbers_given_before_it(tmp_path: Path) -> None:
    """A database from before: letter #2 was removed, so #2 is never given again."""
    db = await Database.open(tmp_path / "old.sqlite3", migrate=False)
    try:
        await db.migrate(target=next(v for v, name, _sql in migrations()
                                     if name.endswith("_letters_once.sql")) - 1)
        async with db.transaction() as tx:
            await tx.execute(
                "INSERT INTO letters (id, number, date, issuer, subject, filename, body, "
                "added_by, added_at) VALUES (1, '1/SGDĐT', '01/01/2027', 'Sở', 'V/v', 'a.txt', "
                "'Nội dung.', 'cli', '2027-01-01')")
            for n, action in ((1, "letter.add"), (2, "letter.add"), (2, "letter.remove")):
                await tx.execute("INSERT INTO audit_log (at, actor, action, subject) "
                                 "VALUES ('2027-01-01', 'cli', ?, ?)", (action, f"letter:{n}"))
        await db.migrate()
        async with db.transaction() as tx:
            new = await add_letter(tx, LetterMeta("2/SGDĐT", "", "", ""), filename="b.txt",
                                   body="Khác.", sha256="b", actor="cli")
        assert new == 3
        assert await _count(db, "SELECT COUNT(*) FROM letters WHERE id = 1") == 1
    finally:
        await db.close()


def test_a_deadline_title_is_what_is_due() -> None:
    assert deadline_title(BODY[7], BODY[7].index("trước ngày")) == (
        "Các trường gửi báo cáo kết quả bồi dưỡng trí tuệ nhân tạo về hộp thư "
        "tccb@dongnai.edu.vn")
    assert deadline_title(BODY[8], BODY[8].index("chậm nhất")) == (
        "Phòng Giáo dục và Đào tạo tổng hợp danh sách giáo viên chưa hoàn thành, gửi về Sở")
    sentence = "Trước ngày 30/6/2027, giáo viên nộp bản tự đánh giá."
    assert deadline_title(sentence, 0) == "Giáo viên nộp bản tự đánh giá"


async def test_a_deadline_from_a_letter_cites_the_letter_and_its_section(
        telegram: OfflineTelegram, demo_db: Database) -> None:
    admin = telegram.user(ADMIN_ID)
    [preview] = await admin.send_document("cong_van_2468.docx", letter_docx())
    _saved, dates = await admin.press("✅ Lưu", preview)
    [added] = await admin.press("➕ Hạn chót 15/05/2027", dates)
    assert "Đã thêm hạn chót" in added.text
    [listing] = await admin.send("/hanchot")
    assert "Các trường gửi báo cáo kết quả bồi dưỡng trí tuệ nhân tạo" in listing.text
    assert "a) Các trường" not in listing.text and "15/5/2027." not in listing.text
    drafted = [d for d in await all_deadlines(demo_db.reader) if d.letter_id is not None]
    assert [d.letter_id for d in drafted] == [1]
    campaign = await campaign_service.current(demo_db)
    letters = await letter_metas(demo_db.reader)
    answer = deadline_answer(drafted, campaign, today=dt.date(2027, 2, 10), _=translator("vi"),
                             letters=letters)
    assert "Công văn số 2468/SGDĐT-TCCB" in answer and "mục 2.a" in answer
    assert "do Sở đặt" not in answer
    english = deadline_answer(drafted, campaign, today=dt.date(2027, 2, 10),
                              _=translator("en"), letters=letters)
    assert "section 2.a" in english and "mục" not in english


async def test_another_campaigns_deadlines_are_neither_listed_nor_turned_on(
        demo_db: Database, troly) -> None:  # type: ignore[no-untyped-def]
    async with demo_db.reader.execute(
            "SELECT id, title FROM deadlines WHERE campaign_key LIKE ?",
            ("binh_phuoc/%",)) as cur:
        binh_phuoc = [(r[0], r[1]) for r in await cur.fetchall()]
    assert binh_phuoc
    assert troly(demo_db.path, "campaign", "load", "tphcm")[0] == 0
    code, out = troly(demo_db.path, "deadlines", "list")
    assert code == 0
    assert not any(title in out for _id, title in binh_phuoc) and "(đã tắt)" not in out
    first = binh_phuoc[0][0]
    code, out = troly(demo_db.path, "deadlines", "edit", str(first), "--on")
    assert code == 1 and f"#{first}" in out
    async with demo_db.reader.execute("SELECT active FROM deadlines WHERE id = ?",
                                      (first,)) as cur:
        row = await cur.fetchone()
    assert row is not None and row[0] == 0
