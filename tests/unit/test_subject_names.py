"""A question and a letter meet however either writes a subject, a date or a phone number:
"gv khtn" reaches "Khoa học tự nhiên", "Lịch sử và Địa lý" reaches "LS&ĐL", "15/5" reaches
"ngày 15 tháng 5 năm 2027", "sdt" reaches "0269.3823.456", in a .docx and in a text PDF alike."""

from __future__ import annotations

import dataclasses

import pytest

from bot.app import default_engine
from bot.i18n import translator
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.render import plain_text, render_answer
from bot.services.letters import read_letter_file
from tests.letter_files import letter_docx, letter_pdf

VI = translator("vi").gettext
HEADER = (["UBND TỈNH GIA LAI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 530/SGDĐT-GDTrH",
           "V/v bồi dưỡng giáo viên dạy môn học mới năm 2027"],
          ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
           "Gia Lai, ngày 03 tháng 3 năm 2027"])
BODY = [
    "Kính gửi: Các trường trung học cơ sở, trung học phổ thông trực thuộc.",
    "1. Thời lượng bồi dưỡng",
    "Giáo viên học theo môn mình dạy tại bảng sau:",
    [["Môn", "Số tiết", "Hoàn thành trước"],
     ["Khoa học tự nhiên", "180 tiết", "30/6/2027"],
     ["Lịch sử và Địa lí", "120 tiết", "15/6/2027"],
     ["Hoạt động trải nghiệm, hướng nghiệp", "75 tiết", "31/5/2027"]],
    "2. Bài thu hoạch",
    "a) Giáo viên GDKT&PL nộp bài thu hoạch cho tổ trưởng chuyên môn của trường.",
    "b) Hạn nộp bài thu hoạch của mọi môn là ngày 20 tháng 5 năm 2027.",
    "3. Liên hệ",
    "Khi cần hỗ trợ, liên hệ cô Nguyễn Thị Hạnh, điện thoại 0269.3823.456.",
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VT, GDTrH.",
    "GIÁM ĐỐC",
]
ASKED = [
    ("gv khtn phải học bao nhiêu tiết", "180 tiết"),
    ("giao vien khoa hoc tu nhien hoc may tiet", "180 tiết"),
    ("LS&ĐL phải hoàn thành trước ngày nào", "15/6/2027"),
    ("môn lịch sử và địa lý hoàn thành trước ngày nào", "15/6/2027"),
    ("HĐTN-HN học mấy tiết", "75 tiết"),
    ("giáo viên giáo dục kinh tế và pháp luật nộp bài thu hoạch cho ai",
     "tổ trưởng chuyên môn"),
    ("ngày 20/5 là hạn nộp gì", "bài thu hoạch"),
    ("sdt cô Hạnh", "0269.3823.456"),
]


@pytest.fixture(scope="module", params=["mon.docx", "mon.pdf"])
def engine(request: pytest.FixtureRequest) -> AnsweringEngine:
    name: str = request.param
    write = letter_docx if name.endswith(".docx") else letter_pdf
    engine = default_engine()
    letter = read_letter_file(write(BODY, HEADER), name).letter
    engine.letters.add(dataclasses.replace(letter, id=1))
    return engine


@pytest.mark.parametrize(("question", "fact"), ASKED)
def test_the_letter_answers_however_the_subject_date_or_phone_is_written(
        engine: AnsweringEngine, question: str, fact: str) -> None:
    text = plain_text(render_answer(engine.answer(question), VI))
    assert fact in text and "Theo Công văn số 530/SGDĐT-GDTrH" in text, question


@pytest.mark.parametrize("question", [
    "gv ta được nghỉ hè bao nhiêu ngày",
    "chúng ta có được tăng lương không",
])
def test_a_question_the_letter_does_not_answer_is_still_refused(
        engine: AnsweringEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.kind == "none"
    assert "530/SGDĐT-GDTrH" not in plain_text(render_answer(answer, VI))
