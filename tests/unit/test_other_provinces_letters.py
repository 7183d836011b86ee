"""In a deployment, another province's letter answers only a question naming that province
(issue 18, item 2): the Sở of Lâm Đồng does not tell its teachers what Khánh Hòa's letter says.
The letter is written here, in our own words."""

from __future__ import annotations

import dataclasses

from bot.knowledge.engine import AnsweringEngine
from bot.services.letters import read_letter_file

LETTER = """UBND TỈNH KHÁNH HÒA
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 5120/SGDĐT-GDTrH
V/v lớp bồi dưỡng giáo viên dạy bơi an toàn năm 2027
Khánh Hòa, ngày 10 tháng 5 năm 2027
Kính gửi: Các trường trung học cơ sở trên địa bàn tỉnh.
1. Lớp bồi dưỡng dạy bơi an toàn cho giáo viên thể dục học từ ngày 14/6/2027 đến ngày \
18/6/2027 tại bể bơi Trung tâm Thể thao tỉnh.
2. Các trường gửi danh sách giáo viên dự lớp về Sở trước ngày 01/6/2027.
"""
QUESTION = "giáo viên thể dục học lớp dạy bơi an toàn từ ngày nào"


def engine_with(issuer: str | None = None) -> AnsweringEngine:
    engine = AnsweringEngine([])
    letter = read_letter_file(LETTER.encode(), "cv5120.txt", issuer=issuer).letter
    engine.letters.replace([dataclasses.replace(letter, id=1)])
    return engine


def test_another_provinces_letter_does_not_answer_in_a_deployment() -> None:
    engine = engine_with()
    assert engine.answer(QUESTION).kind == "quoted"  # no deployment: any letter loaded
    assert engine.answer(QUESTION, province="khanh_hoa").kind == "quoted"
    assert engine.answer(QUESTION, province="lam_dong").kind == "none"


def test_a_question_naming_the_province_is_answered_from_its_letter() -> None:
    answer = engine_with().answer("Khánh Hòa: " + QUESTION, province="lam_dong")
    assert answer.kind == "quoted" and answer.quote is not None
    assert "14/6/2027" in answer.quote.text


def test_a_letter_of_no_province_answers_everywhere() -> None:
    engine = engine_with(issuer="Bộ GD&ĐT")
    assert engine.answer(QUESTION, province="lam_dong").kind == "quoted"
