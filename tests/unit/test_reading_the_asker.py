"""How a question is read as a Vietnamese teacher means it: words typed with marks are the words
written, not the question words they fold to; a province named in a question typed without marks
is that province; a scan is the letters' "bản chụp"; and the named province's own letter answers
before another province's curated rule.

The letter is written here (a Lâm Đồng Sở, 2027) and says things no curated entry says.
"""

from __future__ import annotations

import dataclasses

import pytest

from bot.app import default_engine
from bot.i18n import translator
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.letters import Letter
from bot.knowledge.normalize import find_provinces, is_question_word, words
from bot.knowledge.render import plain_text, render_answer
from bot.services.letters import read_letter_file
from tests.letter_files import letter_docx

VI = translator("vi")
HEADER = (["UBND TỈNH LÂM ĐỒNG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 3321/SGDĐT-GDPT",
           "V/v hỗ trợ đồng nghiệp và bồi dưỡng thường xuyên năm học 2026-2027"],
          ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
           "Lâm Đồng, ngày 04 tháng 11 năm 2026"])
BODY = [
    "Kính gửi: Các trường trực thuộc; Phòng Văn hóa - Xã hội các xã, phường.",
    "1. Phê duyệt kế hoạch hỗ trợ đồng nghiệp",
    "Hiệu trưởng phê duyệt kế hoạch hỗ trợ đồng nghiệp của giáo viên cốt cán trực tuyến trên "
    "hệ thống của Sở trước ngày 30/11/2026; Sở không nhận bản giấy, bản chụp có chữ ký.",
    "2. Miễn bài kiểm tra cuối khóa",
    "Giáo viên được biệt phái đến dạy tại xã đảo Phú Quý từ 06 tháng trở lên trong năm học được "
    "miễn bài kiểm tra cuối khóa; thay vào đó giáo viên nộp bài thu hoạch cho hiệu trưởng "
    "trước ngày 15/4/2027.",
    "3. Kiểm tra cuối khóa",
    "Giáo viên phải làm bài kiểm tra cuối khóa từ ngày 10/5/2027; bài kiểm tra cuối khóa làm "
    "trực tuyến.",
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VT, GDPT.",
    "GIÁM ĐỐC",
]


def lam_dong_letter() -> Letter:
    data = letter_docx(BODY, HEADER)
    return dataclasses.replace(read_letter_file(data, "cv3321.docx").letter, id=1)


@pytest.fixture(scope="module")
def engine() -> AnsweringEngine:
    loaded = default_engine()
    loaded.letters.replace([lam_dong_letter()])
    return loaded


def text_of(engine: AnsweringEngine, question: str) -> str:
    return plain_text(render_answer(engine.answer(question), VI.gettext))


@pytest.mark.parametrize(("typed", "asks"), [
    ("phải", True), ("phai", True), ("phái", False),  # "biệt phái", a secondment
    ("đâu", True), ("dấu", False), ("đầu", False),  # "đóng dấu", "đầu mối"
    ("cần", True), ("cán", False),  # "cán bộ"
])
def test_a_word_typed_with_other_marks_is_not_the_question_word(typed: str, asks: bool) -> None:
    from bot.knowledge.normalize import fold_word
    assert is_question_word(typed, fold_word(typed)) is asks


def test_a_scan_is_the_letters_copy() -> None:
    assert words("nộp bản scan") == words("nộp bản chụp")
    assert words("scan rồi nộp")[:2] == ["bản", "chụp"]


def test_a_province_is_found_in_a_question_typed_without_marks_with_abbreviations() -> None:
    # "htdn" is read as "hỗ trợ đồng nghiệp", with marks nobody typed
    found, _ = find_provinces(words("o lam dong ke hoach htdn gui dau"))
    assert found == {"other"}


def test_a_word_with_its_own_marks_finds_the_sentence_it_is_in(engine: AnsweringEngine) -> None:
    text = text_of(engine, "Giáo viên biệt phái có phải làm bài kiểm tra cuối khóa không?")
    assert "bài thu hoạch" in text and "3321/SGDĐT-GDPT" in text


def test_the_named_provinces_letter_answers_before_another_provinces_rule(
        engine: AnsweringEngine) -> None:
    # a curated Bình Phước entry tells how to print, sign, stamp and scan a plan
    answer = engine.answer("o lam dong ke hoach htdn da ky dong dau roi scan gui len so "
                           "duoc khong")
    assert answer.kind == "quoted" and answer.quote is not None
    assert "bản chụp có chữ ký" in answer.quote.text
    assert answer.quote.letter.meta.number == "3321/SGDĐT-GDPT"
