"""A question may ask which item of a letter's list comes first or last ("chuyên đề nào đầu
tiên", "cái cuối cùng trong danh sách là số mấy"): the list answers in its order without
saying "first" or "last". The letter below is our own."""

from __future__ import annotations

import dataclasses

from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.normalize import fold_word, words
from bot.services.letters import read_letter_file

LETTER = """UBND TỈNH YÊN BÁI
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 415/SGDĐT-GDMN
V/v bồi dưỡng chuyên đề cho giáo viên mầm non năm 2027
Yên Bái, ngày 02 tháng 3 năm 2027
Kính gửi: Phòng Giáo dục và Đào tạo các huyện, thị xã, thành phố.
1. Các chuyên đề bồi dưỡng
Chuyên đề 1: Xây dựng môi trường giáo dục lấy trẻ làm trung tâm;
Chuyên đề 2: Tổ chức hoạt động trải nghiệm cho trẻ mẫu giáo;
Chuyên đề 3: Phòng chống bạo hành trẻ trong nhà trường;
Chuyên đề 4: Chăm sóc dinh dưỡng và an toàn thực phẩm cho trẻ.
2. Kinh phí
Kinh phí tổ chức lớp do ngân sách huyện chi trả theo quy định hiện hành.
"""


def engine() -> AnsweringEngine:
    letter = read_letter_file(LETTER.encode(), "cv415.txt").letter
    found = AnsweringEngine([])
    found.letters.replace([dataclasses.replace(letter, id=1)])
    return found


def test_the_first_and_last_of_a_list_are_answered_by_the_list() -> None:
    answer = engine().answer("Giáo viên mầm non ở Yên Bái học chuyên đề nào đầu tiên "
                             "và chuyên đề cuối cùng trong danh sách là chuyên đề số mấy?")
    assert answer.kind == "quoted" and answer.quote is not None, answer
    assert "Chuyên đề 1" in answer.quote.text and "Chuyên đề 4" in answer.quote.text


def test_a_place_in_a_list_is_read_as_asked_not_as_a_word_the_letter_holds() -> None:
    folded = [fold_word(w) for w in words("chuyên đề nào đầu tiên, cái cuối cùng "
                                          "trong danh sách")]
    assert "tien" not in folded and "cuoi" not in folded
    assert "danh" not in folded

