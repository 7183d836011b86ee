"""Letter files past a limit are refused with one line naming it, and nothing half-read or
unindexed is stored (issue 19, items 3 and 9). Time and memory: benchmarks/bench_bombs.py."""

from __future__ import annotations

import pytest

from benchmarks import bombs
from bot.i18n import translator
from bot.knowledge.letter_files import LetterFileError
from bot.knowledge.letter_index import LetterIndex
from bot.services.letters import read_letter_file, save_letter
from bot.storage import Database
from tests.letter_files import letter_docx, letter_pdf


def _refusal(data: bytes, name: str) -> str:
    with pytest.raises(LetterFileError) as caught:
        read_letter_file(data, name)
    _ = translator("vi").gettext
    assert _(caught.value.message) != caught.value.message, "not translated"
    line = _(caught.value.message).format(**caught.value.params)
    assert "\n" not in line
    return line


def test_two_million_paragraphs_in_a_small_docx_are_refused_before_python_docx_reads_them(
        ) -> None:
    data = bombs.docx_with_paragraphs(2_000_000, letter_docx())
    assert len(data) < 700 * 1024
    line = _refusal(data, "cv.docx")
    assert "50.000 đoạn" in line


def test_a_docx_paragraph_of_millions_of_characters_is_refused() -> None:
    import io
    import zipfile

    document = zipfile.ZipFile(io.BytesIO(letter_docx())).read("word/document.xml")
    head, tail = document.split(b"</w:body>")
    run = iter([head, b"<w:p><w:r><w:t>", *bombs.repeat(b"a", 20 * 2**20),
                b"</w:t></w:r></w:p></w:body>", tail])
    data = bombs.replace_member(letter_docx(), "word/document.xml", run)
    assert "100.000 ký tự" in _refusal(data, "cv.docx")


def test_an_11_mb_one_line_text_is_refused_as_too_long() -> None:
    line = _refusal(("Sở Giáo dục hướng dẫn bồi dưỡng. " * 350_000).encode(), "cv.txt")
    assert "1.000.000 ký tự" in line


def test_a_text_just_over_the_limit_in_characters_is_refused_too() -> None:
    assert "1.000.000" in _refusal(("ạ" * 1_000_001).encode(), "cv.txt")


def test_a_text_file_with_a_null_byte_is_called_damaged() -> None:
    line = _refusal(("Công văn số 12 hướng dẫn bồi dưỡng " * 10 + "\x00").encode(), "cv.txt")
    assert "bị hỏng" in line and "UTF-8" in line


def test_a_pdf_of_50001_pages_is_refused_for_its_pages_not_called_a_scan() -> None:
    line = _refusal(bombs.pdf_with_pages(letter_pdf(), 50_001), "cv.pdf")
    assert "50.001 trang" in line and "1.000" in line and "scan" not in line


async def test_a_letter_that_fails_to_index_is_not_stored(db: Database) -> None:
    class BrokenIndex(LetterIndex):
        def add(self, letter: object) -> None:
            raise MemoryError

    draft = read_letter_file(letter_docx(), "cv.docx")
    index = BrokenIndex()
    with pytest.raises(MemoryError):
        await save_letter(db, index, draft, actor="test")
    async with db.reader.execute("SELECT COUNT(*) FROM letters") as cur:
        assert tuple(await cur.fetchone() or ()) == (0,)
    async with db.reader.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'letter.add'"
                                 ) as cur:
        assert tuple(await cur.fetchone() or ()) == (0,)
    assert not len(index)
