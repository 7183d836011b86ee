"""A letter's sentence leaving a kind of school out ("Kế hoạch không áp dụng đối với giáo
viên trung học phổ thông") answers whether a teacher of that kind may take part, though the
asker's question repeats few of its words; a teacher of a kind it does not leave out, or a
question asking something else, is not answered by it.

The letter is written here, in our own words, in the 2026–2027 style.
"""

from __future__ import annotations

from bot.knowledge.excluded import asks_may, left_out
from bot.knowledge.letter_index import LetterIndex
from tests.letter_quotes import one_letter

FIRST_AID = "\n".join([
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO NGHỆ AN",
    "Số: 915/SGDĐT-CTHSSV",
    "V/v tập huấn sơ cấp cứu ban đầu cho nhân viên y tế trường học năm 2027",
    "Nghệ An, ngày 12 tháng 1 năm 2027",
    "1. Đối tượng",
    "Mỗi trường mầm non, tiểu học cử 01 nhân viên y tế hoặc 01 giáo viên kiêm nhiệm công tác "
    "y tế.",
    "2. Thời gian",
    "Lớp học trong hai ngày 20/3/2027 và 21/3/2027 tại Trường Cao đẳng Y tế Nghệ An.",
    "3. Lưu ý",
    "Trường tư thục đóng kinh phí 500.000 đồng một người. Lớp tập huấn không áp dụng đối "
    "với các trường trung học cơ sở.",
])


def _index() -> LetterIndex:
    return one_letter(FIRST_AID)


def test_a_sentence_leaving_a_level_out_names_that_level_only() -> None:
    assert left_out("Lớp tập huấn không áp dụng đối với các trường trung học cơ sở.") == {
        "THCS"}
    assert left_out("Mỗi trường mầm non, tiểu học cử 01 nhân viên y tế.") == frozenset()
    assert asks_may("cô ở trường THCS có xin đi tập huấn sơ cấp cứu được không ạ")
    assert not asks_may("tập huấn sơ cấp cứu học ở đâu")


def test_a_teacher_of_the_level_left_out_is_answered_by_that_sentence() -> None:
    found = _index().candidates(
        "Em là giáo viên kiêm y tế ở trường THCS Đô Lương, em có xin đi lớp tập huấn "
        "sơ cấp cứu ban đầu được không ạ?")
    assert found and "không áp dụng đối với các trường trung học cơ sở" in found[0].text


def test_a_teacher_of_another_level_is_not_told_they_are_left_out() -> None:
    found = _index().candidates(
        "Em là giáo viên kiêm y tế ở trường tiểu học Đô Lương, em có xin đi lớp tập huấn "
        "sơ cấp cứu ban đầu được không ạ?")
    assert found and "Mỗi trường mầm non, tiểu học cử" in found[0].text
    assert all(not q.text.startswith("Lớp tập huấn không áp dụng") for q in found)


def test_a_question_on_something_else_is_not_answered_by_it() -> None:
    found = _index().candidates("Giáo viên trường THCS có được nghỉ phép năm không ạ?")
    assert all("không áp dụng" not in q.text for q in found)
