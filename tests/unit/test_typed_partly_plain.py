"""A teacher on a phone drops some marks and keeps others ("trường tư thuc", "đi hoc"), writes
"đợt 2" where the letter writes "đợt II", and asks two things in one breath ("đóng bao nhiêu,
hạn chuyển tiền"). The letter answering says the fee and its deadline in one sentence whose
second clause names no one ("…: phần trực tuyến miễn phí; phần thực hành nộp … trước ngày …").
Such a question is answered, not refused. The letter below is written here, in our own words."""

from __future__ import annotations

import dataclasses

import pytest

from bot.knowledge.asked import counted, counted_as_typed, separate_asks
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.normalize import fold_word, words
from bot.services.letters import read_letter_file

LETTER = """UBND TỈNH QUẢNG TRỊ
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 919/SGDĐT-CTHSSV
V/v tập huấn sơ cấp cứu cho nhân viên y tế trường học năm 2027
Quảng Trị, ngày 02 tháng 12 năm 2026
Kính gửi: Các trường mầm non, tiểu học, trung học cơ sở.
1. Đối tượng và kinh phí
a) Trường công lập cử 01 nhân viên y tế; Sở chi trả toàn bộ chi phí.
b) Cơ sở giáo dục ngoài công lập được cử nhân viên y tế tham gia nếu có nhu cầu: phần trực \
tuyến miễn phí; phần thực hành đóng 280.000 đồng một người, chuyển khoản cho Sở trước ngày \
15/01/2027.
c) Trường có điểm trường lẻ cử thêm người nếu cần; giáo viên kiêm nhiệm y tế gửi bản cam kết \
trước ngày 05/01/2027.
2. Lịch học
Đợt I học trực tuyến từ ngày 11/01/2027 đến ngày 16/01/2027. Đợt II học thực hành tại Trường \
Cao đẳng Y tế Quảng Trị từ ngày 08/3/2027 đến ngày 10/3/2027.
3. Kết quả
Cuối đợt II học viên làm bài kiểm tra trắc nghiệm trên máy tính, mỗi câu hỏi chọn một đáp án. \
Sở công bố kết quả bài kiểm tra trước ngày 20/3/2027. Mức chi cho báo cáo viên là 500.000 đồng \
một buổi, chi trả trước ngày 30/4/2027.
4. Liên hệ
Ông Hồ Văn Lực, chuyên viên Phòng Chính trị tư tưởng, điện thoại 0233.3852.606.
"""


def engine() -> AnsweringEngine:
    letter = read_letter_file(LETTER.encode(), "cv919.txt").letter
    found = AnsweringEngine([])
    found.letters.replace([dataclasses.replace(letter, id=1)])
    return found


def folded(text: str) -> list[str]:
    return [fold_word(w) for w in words(text)]


@pytest.mark.parametrize(("typed", "written"), [
    ("trường tư thuc", "trường tư thục"),
    ("cô đi hoc lớp nào", "cô đi học lớp nào"),
    ("cô di hoc lớp nào", "cô đi học lớp nào"),
    ("tự thuc hiện", "tự thực hiện"),
    ("câu hỏi cho học kỳ II", "câu hỏi cho học kì 2"),
    ("đợt I và quý III", "đợt 1 và quý 3"),
    ("chứng chỉ hạng III", "chứng chỉ hạng 3"),
])
def test_marks_dropped_from_some_words_read_as_the_phrase_marked(typed: str, written: str
                                                                 ) -> None:
    assert folded(typed) == folded(written)


@pytest.mark.parametrize("typed", ["cô to lớp nào", "cho học kì này", "chị vi đi học"])
def test_a_real_word_among_marked_ones_stays_itself(typed: str) -> None:
    """"to", "cho", "vi" are words as typed: no phrase is read into them on their own, and
    "cho học kì" is a term, no place to study."""
    assert "diem" not in folded(typed)
    assert folded(typed)[:2] == [fold_word(w) for w in typed.split()[:2]]


def test_the_noun_counted_is_read_in_its_own_clause() -> None:
    question = "đóng bao nhiêu, hạn nộp tiền"
    assert counted(question) is None
    assert counted_as_typed(question) is None
    assert counted("trường cử bao nhiêu người, hạn nào") == "nguoi"


def test_fee_and_deadline_of_a_private_school_typed_partly_plain() -> None:
    answer = engine().answer(
        "cơ sở tư thuc cử nhân viên y tế đi hoc thì đóng bao nhieu, hạn chuyển tiền",
        role="cbql")
    assert answer.kind == "quoted"
    assert answer.quote is not None
    assert "280.000" in answer.quote.text
    assert "15/01/2027" in answer.quote.text


def test_clause_naming_its_own_subject_keeps_its_own_date() -> None:
    """"…; giáo viên kiêm nhiệm y tế gửi bản cam kết trước ngày …" is that teacher's rule:
    the point's first clause, on the school's extra people, is no deadline."""
    answer = engine().answer("giáo viên kiêm nhiệm y tế gửi bản cam kết trước ngày nào",
                             role="cbql")
    assert answer.quote is not None
    assert "05/01/2027" in answer.quote.text


def test_round_numbered_in_roman_answers_one_typed_in_digits() -> None:
    answer = engine().answer("đợt 2 học thực hành ở đâu, ngày nào", role="gv")
    assert answer.quote is not None
    assert "08/3/2027" in answer.quote.text


def test_an_ask_with_its_question_word_first_is_whole_before_the_comma() -> None:
    assert separate_asks("khi nao So cong bo ket qua kiem tra, tien bao cao vien "
                         "tra truoc ngay nao") == (
        "", ("khi nao So cong bo ket qua kiem tra",
             "tien bao cao vien tra truoc ngay nao"))


def test_each_of_two_asks_gets_its_date() -> None:
    answer = engine().answer("khi nao So cong bo ket qua kiem tra, tien bao cao vien "
                             "tra truoc ngay nao", role="gv")
    shown = " ".join(q.text for q in (answer.quote, *answer.also) if q is not None)
    assert "20/3/2027" in shown
    assert "30/4/2027" in shown


def test_a_sum_in_dong_is_the_money_a_question_names() -> None:
    """"tiền … trả trước ngày nào": the letter says "500.000 đồng … chi trả", no "tiền"."""
    answer = engine().answer("tiền báo cáo viên được trả trước ngày nào", role="gv")
    assert answer.quote is not None
    assert "30/4/2027" in answer.quote.text

