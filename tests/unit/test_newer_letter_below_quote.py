"""A newer letter's passage answers in place of an entry that shares the question's words only
in what an older letter said (issue 18, items 1 and 2), even when the passage covers too little
of a chatty question to be quoted on its own. The letter and entries are written here."""

from __future__ import annotations

import dataclasses

import pytest

from bot.knowledge import letter_index
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry, Source
from bot.services.letters import read_letter_file

LETTER = """UBND TỈNH KHÁNH HÒA
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 4410/SGDĐT-GDTrH
V/v mở lớp bồi dưỡng hè năm 2027 về dạy học số
Khánh Hòa, ngày 05 tháng 6 năm 2027
Kính gửi: Các trường trung học phổ thông trực thuộc.
1. Thời gian và địa điểm
Lớp học từ ngày 12/7/2027 đến ngày 16/7/2027 tại Trường THPT Nguyễn Văn Trỗi.
2. Kinh phí
Sở không thu học phí của giáo viên; nhà trường chi trả tiền đi lại và tiền lưu trú cho giáo \
viên được cử đi học từ nguồn kinh phí của trường.
3. Sản phẩm
Mỗi giáo viên nộp một kế hoạch bài dạy có dùng học liệu số trước ngày 30/7/2027.
"""
SOURCE = (Source("faq", "/SGDĐT-GDTrH", "2/2022", "Sở GD&ĐT Bình Phước"),)
ONLINE_FEE = Entry(
    "online_fee", "t", "Học trên hệ thống bồi dưỡng qua mạng có mất phí không?",
    "Không mất phí: hệ thống bồi dưỡng qua mạng do nhà mạng hỗ trợ miễn phí cho giáo viên.",
    ("học trên hệ thống bồi dưỡng qua mạng có mất phí không",
     "giáo viên có phải đóng tiền học qua mạng không"), sources=SOURCE)
SUMMER = Entry("summer", "t", "Lịch học hè", "Học từ tháng 7.", ("lịch học hè khi nào",),
               sources=SOURCE)
KINH_PHI = "nhà trường chi trả tiền đi lại"


def engine_with(date: str) -> AnsweringEngine:
    engine = AnsweringEngine([ONLINE_FEE, SUMMER])
    letter = read_letter_file(LETTER.encode(), "cv4410.txt", date=date).letter
    engine.letters.replace([dataclasses.replace(letter, id=1)])
    return engine


@pytest.mark.parametrize("question", [
    "thầy cô học bồi dưỡng hè phí thế nào, tiền xe đi lại ai trả",  # entry: confident
    "học hè có phải đóng học phí không, còn tiền xe cộ đi lại ai lo",  # entry: "Có lẽ"
])
def test_the_newer_letter_answers_where_the_entry_shares_only_its_words(question: str) -> None:
    engine = engine_with("05/6/2027")
    assert engine.letters.search(question) is None  # too little of it to be quoted alone
    answer = engine.answer(question)
    assert answer.kind == "quoted" and answer.quote is not None, answer
    assert KINH_PHI in answer.quote.text
    assert "4410" in answer.quote.letter.meta.number


def test_an_older_letter_does_not_take_the_entrys_place() -> None:
    engine = engine_with("05/6/2021")
    answer = engine.answer("thầy cô học bồi dưỡng hè có mất phí không, tiền xe đi lại ai trả")
    assert answer.kind == "confident" and answer.entry is not None, answer
    assert answer.entry.id == "online_fee"


def test_a_passage_covering_less_than_half_of_the_question_is_not_quoted() -> None:
    engine = engine_with("05/6/2027")
    question = "đi tập huấn hè có phải đóng học phí không, tiền xăng xe đi lại ai trả"
    assert letter_index.QUOTE_AT > 0.5
    answer = engine.answer(question)
    assert answer.kind != "quoted", answer.quote
