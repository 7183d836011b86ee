"""Scanned letters read by OCR (issue 22): what was read, how sure, and what is refused.

OCR costs seconds a page, so the two-page scan is read once for the module and the other
scans are one page each.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.app import default_engine
from bot.i18n import translator
from bot.knowledge import ocr
from bot.knowledge.evaluation import run_eval
from bot.knowledge.letter_files import LetterFileError
from bot.services.letters import LetterDraft, pages_to_read, preview_lines, read_letter_file
from tests.letter_files import letter_pdf
from tests.scanned_letters import (
    PAGE_TWO,
    blank_scan_pdf,
    blurred_scan_pdf,
    images_to_pdf,
    page_image,
    photo_pdf,
    scanned_letter_pdf,
)

VI = translator("vi").gettext
QUESTIONS = Path(__file__).parent / "fixtures" / "scanned_letter_qa.yaml"
AS_SCAN = "(bản scan, đã nhận dạng chữ)"


@pytest.fixture(scope="module")
def scan() -> LetterDraft:
    return read_letter_file(scanned_letter_pdf(), "cv_1375_scan.pdf")


def _refusal(data: bytes) -> str:
    with pytest.raises(LetterFileError) as refused:
        read_letter_file(data, "scan.pdf")
    return VI(refused.value.message).format(**refused.value.params)


def test_a_stamped_two_page_scan_is_read_with_what_the_officer_checks(
        scan: LetterDraft) -> None:
    meta = scan.letter.meta
    assert meta.scanned
    assert (meta.number, meta.date, meta.issuer) == ("1375/SGDĐT-GDTrH", "12/3/2027",
                                                     "Sở GD&ĐT Đồng Nai")
    assert meta.subject == "bồi dưỡng giáo viên về giáo dục STEM"
    body = " ".join(scan.body.split())
    for fact in ("120 tiết", "15/5/2027", "0251 3946 210", "gdtrh@dongnai.edu.vn"):
        assert fact in body  # both pages, digits intact
    preview = "\n".join(preview_lines(scan, VI))
    assert preview.startswith("Đọc từ bản scan (nhận dạng chữ)")
    assert "Số: Công văn số 1375/SGDĐT-GDTrH" in preview and "Ngày: 12/3/2027" in preview
    assert all(line.confidence < ocr.UNSURE_LINE for line in scan.unsure)
    for line in scan.unsure:
        assert f"trang {line.page} ({round(line.confidence)}%): {line.text}" in preview


def test_twelve_questions_only_the_scan_answers_are_quoted_from_it_as_a_scan(
        scan: LetterDraft) -> None:
    engine = default_engine()
    before = run_eval(QUESTIONS, engine)
    assert not any(r.passed for r in before.results)
    engine.letters.add(dataclasses.replace(scan.letter, id=1))
    report = run_eval(QUESTIONS, engine)
    passed = [r for r in report.results if r.passed]
    assert len(passed) >= 10, [(r.item.id, r.problems) for r in report.results if not r.passed]
    assert all(r.answer_kind == "quoted" for r in passed)  # and each says "bản scan" (must)


def test_the_least_sure_lines_come_from_the_word_confidences() -> None:
    header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\t" \
             "height\tconf\ttext\n"
    rows = [(1, 1, 1, 1, "Số:", 96), (1, 1, 1, 2, "1375/SGDĐT-GDTrH", 58),
            (1, 1, 2, 1, "Tổng", 95), (1, 1, 2, 2, "120", 91), (1, 1, 2, 3, "tiết.", 93),
            (2, 1, 1, 1, "Lưu:", 62), (2, 1, 1, 2, "VT", 71), (2, 1, 1, 3, "~", 12)]
    tsv = header + "".join(f"5\t1\t{b}\t{p}\t{ln}\t{w}\t0\t0\t9\t9\t{c}\t{t}\n"
                           for b, p, ln, w, t, c in rows)
    page = ocr.parse_tsv(tsv, 2)
    assert page.text == "Số: 1375/SGDĐT-GDTrH\nTổng 120 tiết.\n\nLưu: VT"  # the speck is gone
    assert ocr.ScanReading((page,)).least_sure(2) == [
        ocr.ReadLine(2, "Số: 1375/SGDĐT-GDTrH", 77.0), ocr.ReadLine(2, "Lưu: VT", 66.5)]


def test_a_letter_mixing_text_pages_and_scanned_pages_reads_both() -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for source in (letter_pdf(), images_to_pdf([page_image(PAGE_TWO)])):
        for page in PdfReader(io.BytesIO(source)).pages:
            writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    assert pages_to_read(out.getvalue(), "cv.pdf") == 1
    draft = read_letter_file(out.getvalue(), "cv.pdf")
    body = " ".join(draft.body.split())
    assert "VNEdu Learning" in body and "0251 3946 210" in body  # page 1 text, page 2 read
    assert draft.letter.meta.number == "2468/SGDĐT-TCCB" and draft.letter.meta.scanned


@pytest.mark.parametrize(("make", "says"), [
    (blank_scan_pdf, "không đọc được chữ nào trong bản scan"),
    (photo_pdf, "không đọc được chữ nào trong bản scan"),
    (blurred_scan_pdf, "quá mờ"),
])
def test_blank_photo_and_unclear_scans_are_refused_saying_what_to_send(
        make: Callable[[], bytes], says: str) -> None:
    refusal = _refusal(make())
    assert says in refusal and ".docx" in refusal
    assert "scan lại" in refusal or "scan chính công văn" in refusal


def test_without_the_ocr_engine_a_scan_gets_the_clear_refusal(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on it
    ocr.engine_version.cache_clear()
    try:
        assert not ocr.available()
        assert pages_to_read(scanned_letter_pdf(), "scan.pdf") == 0
        refusal = _refusal(scanned_letter_pdf())
        assert "bản scan" in refusal and "không trích dẫn được" in refusal and ".docx" in refusal
    finally:
        ocr.engine_version.cache_clear()


def test_a_scan_longer_than_the_page_limit_is_refused_before_it_is_read(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "MAX_SCAN_PAGES", 1)
    monkeypatch.setattr(ocr, "read_pages", lambda images: pytest.fail("read past the limit"))
    assert pages_to_read(scanned_letter_pdf(), "scan.pdf") == 0
    assert "có 2 trang scan" in _refusal(scanned_letter_pdf())
